import { memo } from 'react';
import { percentText, type CohortBadge as Badge } from '../model/cohort';
import { useCanvasWords } from './canvas-view';

/** Props of {@link CohortBadge}. */
export interface CohortBadgeProps {
  /** Whether `id` names a step (node) or a transition (edge). */
  kind: 'node' | 'edge';
  /** The canvas id of the node or edge. */
  id: string;
  /** Its counts in the loaded cohort (the canvas reads them once for every node and edge). */
  badge: Badge;
}

/** The patient count of a loaded cohort on one step or transition, with its share of the cohort. */
function CohortBadgeView({ kind, id, badge }: CohortBadgeProps) {
  const { t, language } = useCanvasWords();
  const percent = percentText(badge.share);
  const title =
    kind === 'node'
      ? t.cohortStepTitle(badge.patients, badge.visited ?? badge.patients, percent)
      : t.cohortEdgeTitle(badge.patients, percent);
  return (
    <span
      className={`cohort-badge ${kind}`}
      data-testid={`cohort-${kind}-${id}`}
      data-patients={badge.patients}
      title={title}
    >
      {badge.patients.toLocaleString(language)} · {percent}
    </span>
  );
}

/** Memoised: re-renders only when its own counts change. */
export const CohortBadge = memo(CohortBadgeView);
