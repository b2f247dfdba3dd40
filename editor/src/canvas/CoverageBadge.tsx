import { memo } from 'react';
import { coverageOf, edgeCoverage, stepCoverage } from '../store/tests';
import { useEditor } from '../store/store';
import { useTestsT } from '../tests/strings';
import '../tests/tests.css';

/** Props of {@link CoverageBadge}. */
export interface CoverageBadgeProps {
  /** Whether `id` names a step (node) or a transition (edge). */
  kind: 'node' | 'edge';
  /** The canvas id of the node or edge. */
  id: string;
}

/**
 * How many passing test patients took a transition or ended in a step (with the alerts they
 * fired there); a transition no passing patient takes is marked. Nothing while coverage is
 * hidden. Reads only its own count, so a run re-renders the badges, not the nodes and edges.
 */
function CoverageBadgeView({ kind, id }: CoverageBadgeProps) {
  const t = useTestsT();
  const count = useEditor(kind === 'node' ? stepCoverage(id) : edgeCoverage(id));
  const alerts = useEditor((s) =>
    kind === 'node' && s.coverageShown
      ? Object.entries(coverageOf(s)?.steps[id]?.alerts ?? {})
          .map(([a, n]) => `${a} ×${n}`)
          .join(', ')
      : '',
  );
  if (count === undefined) return null;
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
