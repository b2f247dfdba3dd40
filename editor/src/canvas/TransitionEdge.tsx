import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { TransitionFlowEdge } from '../model/flow';
import { parseEdgeId } from '../model/ids';
import { editorStore } from '../store/store';

/** Labels longer than this are cut; the whole summary is in the tooltip and the side panel. */
const LABEL_LIMIT = 56;

/** A transition: a curve with its order and condition in words; global ones dashed. */
function TransitionEdgeView(props: EdgeProps<TransitionFlowEdge>) {
  const { id, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath(props);
  if (data === undefined) return null;
  const label =
    data.summary.length > LABEL_LIMIT ? `${data.summary.slice(0, LABEL_LIMIT - 1)}…` : data.summary;
  const kind = data.global ? 'global' : 'local';
  const classes = [
    'edge-label',
    kind,
    data.taken ? 'is-taken' : '',
    selected ? 'is-selected' : '',
    data.problems > 0 ? 'has-problems' : '',
  ].join(' ');
  const select = (): void => {
    const ref = parseEdgeId(id);
    if (ref !== undefined) editorStore.getState().select(ref);
  };
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        {...(markerEnd === undefined ? {} : { markerEnd })}
        className={`transition-edge ${kind}${data.taken ? ' is-taken' : ''}${selected ? ' is-selected' : ''}`}
      />
      <EdgeLabelRenderer>
        <div
          className={`${classes} nodrag nopan`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          title={data.summary}
          data-testid={`edge-label-${id}`}
          data-taken={data.taken}
          onClick={select}
        >
          <span className="edge-order">{data.order}</span>
          {label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

/** Memoised: edges only re-render when their transition or highlight changes. */
export const TransitionEdge = memo(TransitionEdgeView);
