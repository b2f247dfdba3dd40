import type { ReactFlowInstance } from '@xyflow/react';
import type { FlowNode, TransitionFlowEdge } from '../model/flow';
import { selectorOf } from './keyboard-place';
import type { CanvasElementRef } from './tab-order';

type Flow = ReactFlowInstance<FlowNode, TransitionFlowEdge>;

/**
 * How long to wait for React Flow to draw an element brought into view before giving up: a
 * loaded machine can take several hundred milliseconds to draw a new view of a large pathway.
 */
const MAX_WAIT_MS = 2000;

/** The middle of a node, or of the line between an edge's two ends, in flow coordinates. */
function middleOf(flow: Flow, target: CanvasElementRef): { x: number; y: number } | undefined {
  const centre = (id: string): { x: number; y: number } | undefined => {
    const node = flow.getInternalNode(id);
    if (node === undefined) return undefined;
    return {
      x: node.internals.positionAbsolute.x + (node.measured.width ?? 0) / 2,
      y: node.internals.positionAbsolute.y + (node.measured.height ?? 0) / 2,
    };
  };
  if (target.kind === 'node') return centre(target.id);
  const edge = flow.getEdge(target.id);
  const from = edge === undefined ? undefined : centre(edge.source);
  const to = edge === undefined ? undefined : centre(edge.target);
  if (from === undefined || to === undefined) return undefined;
  return { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
}

/**
 * Focuses a canvas node or edge that React Flow may not have drawn (it draws only what is in
 * view): when its middle lies outside the view, the view is centred on it first (same zoom, no
 * animation, so it is drawn at once), then the element is focused as soon as it is in the DOM.
 * `done` hears whether it was focused (false: it was never drawn in time).
 */
export function focusCanvasElement(
  flow: Flow,
  container: HTMLElement,
  target: CanvasElementRef,
  done?: (focused: boolean) => void,
): void {
  const selector = selectorOf(target);
  const middle = middleOf(flow, target);
  if (middle !== undefined) {
    const { x, y, zoom } = flow.getViewport();
    const sx = middle.x * zoom + x;
    const sy = middle.y * zoom + y;
    const pane = container.querySelector('.react-flow') ?? container;
    if (sx < 0 || sy < 0 || sx > pane.clientWidth || sy > pane.clientHeight)
      void flow.setCenter(middle.x, middle.y, { zoom });
  }
  const started = performance.now();
  const attempt = (): void => {
    const element = container.querySelector<HTMLElement | SVGElement>(selector);
    if (element !== null) {
      element.focus({ preventScroll: true });
      done?.(true);
    } else if (performance.now() - started < MAX_WAIT_MS) requestAnimationFrame(attempt);
    else done?.(false);
  };
  attempt();
}
