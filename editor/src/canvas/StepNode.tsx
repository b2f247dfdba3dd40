import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepFlowNode } from '../model/flow';
import { useT } from '../store/hooks';
import { CohortBadge } from './CohortBadge';
import { CoverageBadge } from './CoverageBadge';
import { StepAlertBadge } from './StepAlertBadge';
import { StepDetails } from './StepDetails';

/**
 * A step on the canvas: level colour, title, id, entry and walk markers, problem and alert
 * counts, cohort count. What shows depends on the zoom band (a class on the canvas, so zooming
 * re-renders no node): the title alone, large, when far; the details when close.
 */
function StepNodeView({ id, data, selected }: NodeProps<StepFlowNode>) {
  const t = useT();
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
        <StepAlertBadge id={id} />
      </div>
      <div className="step-title">{data.title}</div>
      <div className="step-id">{id}</div>
      <StepDetails id={id} />
      <CohortBadge kind="node" id={id} />
      <CoverageBadge kind="node" id={id} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

/** Memoised: during a drag only the moved node re-renders. */
export const StepNode = memo(StepNodeView);
