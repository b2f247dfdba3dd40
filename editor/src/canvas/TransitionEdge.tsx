import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { createPortal } from 'react-dom';
import type { TransitionFlowEdge } from '../model/flow';
import { parseEdgeId } from '../model/ids';
import { editorStore } from '../store/store';
import { LabelLayerContext } from './canvas-view';
import { CohortBadge } from './CohortBadge';
import { CoverageBadge } from './CoverageBadge';

/** Labels longer than this are cut; the whole summary is in the tooltip and the side panel. */
const LABEL_LIMIT = 56;

/** Vertical distance between the labels of parallel transitions (same source and target). */
const LANE_PX = 30;

/**
 * A transition: a curve with its order and condition in words (and, with a cohort loaded, the
 * patients who took it); global ones dashed. In the compare
 * view a changed or added one is highlighted and a removed one is a faint ghost. Labels are
 * drawn in a layer above the steps (styles.css), so a step never hides one; zoomed out they
 * show the order alone, the condition stays in the tooltip and the accessible name.
 * Everything it shows comes in `data` or from the canvas's label layer context: it holds no
 * store subscription (React Flow's EdgeLabelRenderer looks its layer up with a selector per
 * edge, run on every change of React Flow's store, so the label is portalled here directly).
 */
function TransitionEdgeView(props: EdgeProps<TransitionFlowEdge>) {
  const { id, data, selected, markerEnd } = props;
  const layer = useContext(LabelLayerContext);
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
    data.focused === true ? 'is-focused' : '',
    data.problems > 0 ? 'has-problems' : '',
    data.diff === undefined ? '' : `diff-${data.diff}`,
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
        className={`transition-edge ${kind}${data.taken ? ' is-taken' : ''}${selected ? ' is-selected' : ''}${data.diff === undefined ? '' : ` diff-${data.diff}`}`}
      />
      {layer.shown &&
        layer.element !== null &&
        data.diff !== 'removed' &&
        createPortal(
          <div
            className={`${classes} nodrag nopan`}
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + data.lane * LANE_PX}px)`,
            }}
            title={data.summary}
            data-testid={`edge-label-${id}`}
            data-taken={data.taken}
            data-selected={selected === true}
            data-diff={data.diff}
            onClick={select}
          >
            <span className="edge-order">{data.order}</span>
            <span className="edge-text">{label}</span>
            {data.cohort !== undefined && <CohortBadge kind="edge" id={id} badge={data.cohort} />}
            {data.coverage !== undefined && (
              <CoverageBadge kind="edge" id={id} count={data.coverage} />
            )}
          </div>,
          layer.element,
        )}
    </>
  );
}

/**
 * Memoised: edges only re-render when their transition, highlight or end points change
 * (React Flow passes the end points as props; the edge object is kept while unchanged).
 */
export const TransitionEdge = memo(TransitionEdgeView);
