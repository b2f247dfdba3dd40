import type { ReactFlowInstance } from '@xyflow/react';
import type { FlowNode, TransitionFlowEdge } from '../model/flow';
import type { CanvasElementRef } from './tab-order';

type Flow = ReactFlowInstance<FlowNode, TransitionFlowEdge>;

/** Frames to wait for React Flow to draw an element brought into view before giving up. */
const MAX_FRAMES = 30;

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
 */
export function focusCanvasElement(
  flow: Flow,
  container: HTMLElement,
  target: CanvasElementRef,
): void {
  const selector = `.react-flow__${target.kind}[data-id="${CSS.escape(target.id)}"]`;
  const middle = middleOf(flow, target);
  if (middle !== undefined) {
    const { x, y, zoom } = flow.getViewport();
    const sx = middle.x * zoom + x;
    const sy = middle.y * zoom + y;
    const pane = container.querySelector('.react-flow') ?? container;
    if (sx < 0 || sy < 0 || sx > pane.clientWidth || sy > pane.clientHeight)
      void flow.setCenter(middle.x, middle.y, { zoom });
  }
  let frames = 0;
  const attempt = (): void => {
    const element = container.querySelector<HTMLElement | SVGElement>(selector);
    if (element !== null) element.focus({ preventScroll: true });
    else if (++frames < MAX_FRAMES) requestAnimationFrame(attempt);
  };
  attempt();
}
