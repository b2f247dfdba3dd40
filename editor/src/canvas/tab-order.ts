/**
 * The canvas's keyboard order, one rule for every size of pathway: the entry step first, then
 * its transitions in the order they are tried; then every other step in the file's order, each
 * followed by its transitions; last the "any step" node and the global transitions. A reader
 * meets a step and then where it leads, starting where the pathway starts.
 *
 * React Flow's DOM order is another one (every edge before every node), and it draws only what
 * is in view on a large pathway, so Tab inside the canvas is taken over (`Canvas.tsx`,
 * `FocusKeeper.tsx`) and walks this order instead, drawn or not.
 */
import { GLOBAL_NODE_ID } from '../model/ids';

/** A node or an edge of the canvas, named by its React Flow id. */
export interface CanvasElementRef {
  readonly kind: 'node' | 'edge';
  readonly id: string;
}

/** What the order reads of a node: its id, and its data's `isEntry` (true on the entry step). */
export interface OrderNode {
  readonly id: string;
  readonly data?: object;
}

const isEntry = (node: OrderNode): boolean =>
  node.data !== undefined && 'isEntry' in node.data && node.data.isEntry === true;

/** What the order reads of an edge: its id and the node it leaves from. */
export interface OrderEdge {
  readonly id: string;
  readonly source: string;
}

interface Order {
  readonly list: readonly CanvasElementRef[];
  /** Position in `list` by `kind:id`. */
  readonly at: ReadonlyMap<string, number>;
}

const keyOf = (ref: CanvasElementRef): string => `${ref.kind}:${ref.id}`;

/** Orders worked out, by the node and edge arrays they were worked out from (React Flow keeps
 * both arrays while nothing changes, so Tab held down does not rebuild the order each time). */
const orders = new WeakMap<readonly OrderNode[], WeakMap<readonly OrderEdge[], Order>>();

/** The whole keyboard order of a graph (see the module's comment). */
export function tabOrder(
  nodes: readonly OrderNode[],
  edges: readonly OrderEdge[],
): readonly CanvasElementRef[] {
  return orderOf(nodes, edges).list;
}

function orderOf(nodes: readonly OrderNode[], edges: readonly OrderEdge[]): Order {
  let byEdges = orders.get(nodes);
  const known = byEdges?.get(edges);
  if (known !== undefined) return known;
  const leaving = new Map<string, OrderEdge[]>();
  for (const edge of edges) {
    const list = leaving.get(edge.source);
    if (list === undefined) leaving.set(edge.source, [edge]);
    else list.push(edge);
  }
  const entry = nodes.find(isEntry);
  const rest = nodes.filter((n) => n !== entry && n.id !== GLOBAL_NODE_ID);
  const global = nodes.find((n) => n.id === GLOBAL_NODE_ID);
  const list: CanvasElementRef[] = [];
  for (const node of [entry, ...rest, global]) {
    if (node === undefined) continue;
    list.push({ kind: 'node', id: node.id });
    for (const edge of leaving.get(node.id) ?? []) list.push({ kind: 'edge', id: edge.id });
    leaving.delete(node.id);
  }
  // An edge whose source is not a node (never made by the editor) still gets a place.
  for (const stray of leaving.values())
    for (const edge of stray) list.push({ kind: 'edge', id: edge.id });
  const order: Order = { list, at: new Map(list.map((ref, i) => [keyOf(ref), i])) };
  if (byEdges === undefined) {
    byEdges = new WeakMap();
    orders.set(nodes, byEdges);
  }
  byEdges.set(edges, order);
  return order;
}

/**
 * The element after (or, `backwards`, before) `from` in the canvas's keyboard order, or
 * undefined when `from` is the last (first) one or not in the graph: then Tab leaves the
 * canvas (`leave-canvas.ts`).
 */
export function nextInTabOrder(
  nodes: readonly OrderNode[],
  edges: readonly OrderEdge[],
  from: CanvasElementRef,
  backwards: boolean,
): CanvasElementRef | undefined {
  const order = orderOf(nodes, edges);
  const at = order.at.get(keyOf(from));
  if (at === undefined) return undefined;
  return order.list[at + (backwards ? -1 : 1)];
}

/**
 * The first element of the canvas's keyboard order (the entry step) or, `last`, the last one,
 * where Tab (Shift+Tab) entering the canvas from outside lands, drawn or not; undefined for an
 * empty graph.
 */
export function endOfTabOrder(
  nodes: readonly OrderNode[],
  edges: readonly OrderEdge[],
  last: boolean,
): CanvasElementRef | undefined {
  const { list } = orderOf(nodes, edges);
  return last ? list[list.length - 1] : list[0];
}
