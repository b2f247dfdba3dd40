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

/** The one focus on its way to an element not drawn yet (one canvas per page). */
let pending: { readonly target: CanvasElementRef; cancelled: boolean } | null = null;
/** Who hears that a focus on its way was given up (never drawn in time). */
const givenUp = new Set<() => void>();

/**
 * The element the focus is on its way to, waiting for React Flow to draw it, or null. Meanwhile
 * the element that had the focus may vanish from the DOM; that is no loss of focus.
 */
export function pendingFocus(): CanvasElementRef | null {
  return pending?.target ?? null;
}

/** Calls `listener` whenever a focus on its way is given up; returns the unsubscribe. */
export function onFocusGivenUp(listener: () => void): () => void {
  givenUp.add(listener);
  return () => givenUp.delete(listener);
}

/**
 * Focuses a canvas node or edge that React Flow may not have drawn (it draws only what is in
 * view): when its middle lies outside the view, the view is centred on it first (same zoom, no
 * animation, so it is drawn at once), then the element is focused as soon as it is in the DOM.
 * A newer call replaces one still waiting.
 */
export function focusCanvasElement(
  flow: Flow,
  container: HTMLElement,
  target: CanvasElementRef,
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
  if (pending !== null) pending.cancelled = true;
  const mine = { target, cancelled: false };
  pending = mine;
  const started = performance.now();
  const attempt = (): void => {
    if (mine.cancelled) return;
    const element = container.querySelector<HTMLElement | SVGElement>(selector);
    if (element === null && performance.now() - started < MAX_WAIT_MS) {
      requestAnimationFrame(attempt);
      return;
    }
    // Still pending while the focus moves, so the focus change is known as this one.
    if (element !== null) element.focus({ preventScroll: true });
    pending = null;
    if (element === null) for (const listener of givenUp) listener();
  };
  attempt();
}

/** Who takes requests to focus a canvas element from outside the canvas (one canvas a page). */
let server: ((target: CanvasElementRef) => void) | null = null;

/**
 * Serves {@link focusOnCanvas} with `send` (the canvas's own way of focusing an element,
 * drawn or not) while the canvas is shown; returns the function that stops serving.
 */
export function serveCanvasFocus(send: (target: CanvasElementRef) => void): () => void {
  server = send;
  return () => {
    if (server === send) server = null;
  };
}

/**
 * Focuses a step or transition on the canvas from outside it (the side list): the view is
 * centred on it first when it lies out of view. False when no canvas is shown.
 */
export function focusOnCanvas(target: CanvasElementRef): boolean {
  if (server === null) return false;
  server(target);
  return true;
}
