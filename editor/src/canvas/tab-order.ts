/**
 * The canvas's keyboard order. React Flow draws only what is in view
 * (`onlyRenderVisibleElements`), so the DOM holds a part of the graph; Tab must still walk the
 * whole graph. The order is the one the DOM would have with everything drawn: every edge (React
 * Flow draws its edge layer before its node layer), then every node, each in the store's order.
 */

/** A node or an edge of the canvas, named by its React Flow id. */
export interface CanvasElementRef {
  readonly kind: 'node' | 'edge';
  readonly id: string;
}

/**
 * The element after (or, `backwards`, before) `from` in the canvas's keyboard order, or
 * undefined when `from` is the last (first) one or not in the graph: then Tab leaves the canvas
 * the browser's way.
 */
export function nextInTabOrder(
  nodes: readonly { id: string }[],
  edges: readonly { id: string }[],
  from: CanvasElementRef,
  backwards: boolean,
): CanvasElementRef | undefined {
  const at =
    from.kind === 'edge'
      ? edges.findIndex((e) => e.id === from.id)
      : nodes.findIndex((n) => n.id === from.id);
  if (at < 0) return undefined;
  const index = (from.kind === 'edge' ? at : edges.length + at) + (backwards ? -1 : 1);
  if (index < 0 || index >= edges.length + nodes.length) return undefined;
  const edge = edges[index];
  if (edge !== undefined) return { kind: 'edge', id: edge.id };
  const node = nodes[index - edges.length];
  return node === undefined ? undefined : { kind: 'node', id: node.id };
}

/**
 * The first element of the canvas's keyboard order (or, `last`, the last one), where Tab
 * (Shift+Tab) entering the canvas from outside lands, drawn or not; undefined for an empty
 * graph.
 */
export function endOfTabOrder(
  nodes: readonly { id: string }[],
  edges: readonly { id: string }[],
  last: boolean,
): CanvasElementRef | undefined {
  const edge = last ? edges[edges.length - 1] : edges[0];
  const node = last ? nodes[nodes.length - 1] : nodes[0];
  if (last) {
    if (node !== undefined) return { kind: 'node', id: node.id };
    return edge === undefined ? undefined : { kind: 'edge', id: edge.id };
  }
  if (edge !== undefined) return { kind: 'edge', id: edge.id };
  return node === undefined ? undefined : { kind: 'node', id: node.id };
}
