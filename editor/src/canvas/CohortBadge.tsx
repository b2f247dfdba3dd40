import { memo } from 'react';
import { percentText } from '../model/cohort';
import { edgeBadge, nodeBadge } from '../store/cohort';
import { useEditor } from '../store/store';
import { useT } from '../store/hooks';

/** Props of {@link CohortBadge}. */
export interface CohortBadgeProps {
  /** Whether `id` names a step (node) or a transition (edge). */
  kind: 'node' | 'edge';
  /** The canvas id of the node or edge. */
  id: string;
}

/**
 * The patient count of a loaded cohort on one step or transition, with its share of the
 * cohort; nothing while no cohort of this version is loaded. Reads only its own badge, so a
 * new cohort or health centre re-renders the badges alone, not the nodes and edges.
 */
function CohortBadgeView({ kind, id }: CohortBadgeProps) {
  const t = useT();
  const language = useEditor((s) => s.language);
  const badge = useEditor(kind === 'node' ? nodeBadge(id) : edgeBadge(id));
  if (badge === undefined) return null;
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

/** Memoised: re-renders only when its own count changes. */
export const CohortBadge = memo(CohortBadgeView);
