import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepFlowNode } from '../model/flow';
import { useCanvasWords } from './canvas-view';
import { CohortBadge } from './CohortBadge';
import { CoverageBadge } from './CoverageBadge';
import { StepAlertBadge } from './StepAlertBadge';
import { StepDetails } from './StepDetails';

/**
 * A step on the canvas: level colour, title, id, entry and walk markers, problem and alert
 * counts, cohort count. What shows depends on the zoom band (a class on the canvas, so zooming
 * re-renders no node): the title alone, large, when far; the details when close. Everything
 * it shows comes in `data` (derived once per change by the canvas) or from the canvas's
 * contexts: it reads no store.
 */
function StepNodeView({ id, data, selected }: NodeProps<StepFlowNode>) {
  const { t } = useCanvasWords();
  const classes = [
    'step-node',
    `level-${data.level}`,
    selected ? 'is-selected' : '',
    data.visit !== null ? 'is-visited' : '',
    data.final ? 'is-final' : '',
    data.diff === undefined ? '' : `diff-${data.diff}`,
  ].join(' ');
  return (
    <div
      className={classes}
      data-level={data.level}
      data-visited={data.visit !== null}
      data-final={data.final}
      data-diff={data.diff}
    >
      <Handle type="target" position={Position.Left} />
      <div className="step-node-head">
        <span className="step-level">{t.levels[data.level]}</span>
        {data.isEntry && <span className="step-badge entry">{t.entry}</span>}
        {data.visit !== null && <span className="step-badge visit">{data.visit + 1}</span>}
        {data.diff !== undefined && (
          <span className={`step-badge diff diff-${data.diff}`}>{t.diffMarks[data.diff]}</span>
        )}
        {data.problems > 0 && (
          <span className="step-badge problems" title={t.problems}>
            {data.problems}
          </span>
        )}
        {(data.alerts ?? 0) > 0 && <StepAlertBadge id={id} count={data.alerts ?? 0} />}
      </div>
      <div className="step-title">{data.title}</div>
      <div className="step-id">{id}</div>
      {data.details !== undefined && <StepDetails id={id} details={data.details} />}
      {data.cohort !== undefined && <CohortBadge kind="node" id={id} badge={data.cohort} />}
      {data.coverage !== undefined && (
        <CoverageBadge
          kind="node"
          id={id}
          count={data.coverage.patients}
          alerts={data.coverage.alerts}
        />
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

/**
 * Memoised on what it shows: React Flow also passes the node's position and size, which
 * change on every move of a drag and once when the node is measured; neither changes a step.
 */
export const StepNode = memo(
  StepNodeView,
  (a, b) => a.id === b.id && a.data === b.data && a.selected === b.selected,
);
