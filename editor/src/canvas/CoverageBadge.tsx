import { memo } from 'react';
import { useCanvasWords } from './canvas-view';
import '../tests/tests.css';

/** Props of {@link CoverageBadge}. */
export interface CoverageBadgeProps {
  /** Whether `id` names a step (node) or a transition (edge). */
  kind: 'node' | 'edge';
  /** The canvas id of the node or edge. */
  id: string;
  /** Passing patients that took the transition or ended in the step. */
  count: number;
  /** Steps: the alerts those patients fired there, as `id ×n, …` ('' when none). */
  alerts?: string;
}

/**
 * How many passing test patients took a transition or ended in a step (with the alerts they
 * fired there); a transition no passing patient takes is marked. The canvas shows it only
 * while coverage is shown, with the counts it derived once for every node and edge.
 */
function CoverageBadgeView({ kind, id, count, alerts = '' }: CoverageBadgeProps) {
  const { testsT: t } = useCanvasWords();
  const title =
    kind === 'edge'
      ? count === 0
        ? t.uncoveredEdge
        : t.edgeCoverageTitle(count)
      : t.stepCoverageTitle(count, alerts);
  return (
    <span
      className={`coverage-badge ${kind}${kind === 'edge' && count === 0 ? ' uncovered' : ''}`}
      data-testid={`coverage-${kind}-${id}`}
      data-count={count}
      title={title}
      aria-label={title}
      role="img"
    >
      {kind === 'edge' && count === 0 ? '0 ⚠' : `✓${count}`}
      {alerts !== '' && ` · ⚠ ${alerts.split(', ').length}`}
    </span>
  );
}

/** Memoised: re-renders only when its own count changes. */
export const CoverageBadge = memo(CoverageBadgeView);
