/**
 * The canvas's keyboard order, one rule for every size of pathway: the steps in the order a
 * patient meets them (the printable page's order: breadth-first from the entry step, then any
 * step nothing reaches, `model/step-order.ts`), each followed by its transitions in the order
 * they are tried; last the "any step" node and the global transitions. Tab starts at the entry
 * step, and a reader meets a step and then where it leads.
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

/** What the order reads of an edge: its id and the node it leaves from. */
export interface OrderEdge {
  readonly id: string;
  readonly source: string;
}

/** The graph the keyboard order is worked out from. */
export interface TabGraph {
  /** Step ids in the order a patient meets them, entry step first (`model/step-order.ts`). */
  readonly steps: readonly string[];
  /** React Flow's nodes: the steps and the "any step" node. */
  readonly nodes: readonly { readonly id: string }[];
  /** React Flow's edges: the transitions, each step's in the order they are tried. */
  readonly edges: readonly OrderEdge[];
}

interface Order {
  readonly list: readonly CanvasElementRef[];
  /** Position in `list` by `kind:id`. */
  readonly at: ReadonlyMap<string, number>;
}

const keyOf = (ref: CanvasElementRef): string => `${ref.kind}:${ref.id}`;

/** The last order worked out and what from: Tab held down does not rebuild it each time. */
let last: { graph: TabGraph; order: Order } | null = null;

/** The whole keyboard order of a graph (see the module's comment). */
export function tabOrder(graph: TabGraph): readonly CanvasElementRef[] {
  return orderOf(graph).list;
}

function orderOf(graph: TabGraph): Order {
  const { steps, nodes, edges } = graph;
  if (
    last !== null &&
    last.graph.steps === steps &&
    last.graph.nodes === nodes &&
    last.graph.edges === edges
  )
    return last.order;
  const leaving = new Map<string, OrderEdge[]>();
  for (const edge of edges) {
    const list = leaving.get(edge.source);
    if (list === undefined) leaving.set(edge.source, [edge]);
    else list.push(edge);
  }
  const drawn = new Set(nodes.map((n) => n.id));
  const stepSet = new Set(steps);
  // The steps in pathway order; then any other node (the "any step" node, last in any case).
  const ids = [
    ...steps.filter((id) => drawn.has(id)),
    ...nodes.filter((n) => !stepSet.has(n.id) && n.id !== GLOBAL_NODE_ID).map((n) => n.id),
    ...(drawn.has(GLOBAL_NODE_ID) ? [GLOBAL_NODE_ID] : []),
  ];
  const list: CanvasElementRef[] = [];
  for (const id of ids) {
    list.push({ kind: 'node', id });
    for (const edge of leaving.get(id) ?? []) list.push({ kind: 'edge', id: edge.id });
    leaving.delete(id);
  }
  // An edge whose source is not a node (never made by the editor) still gets a place.
  for (const stray of leaving.values())
    for (const edge of stray) list.push({ kind: 'edge', id: edge.id });
  const order: Order = { list, at: new Map(list.map((ref, i) => [keyOf(ref), i])) };
  last = { graph, order };
  return order;
}

/**
 * The element after (or, `backwards`, before) `from` in the canvas's keyboard order, or
 * undefined when `from` is the last (first) one or not in the graph: then Tab leaves the
 * canvas (`leave-canvas.ts`).
 */
export function nextInTabOrder(
  graph: TabGraph,
  from: CanvasElementRef,
  backwards: boolean,
): CanvasElementRef | undefined {
  const order = orderOf(graph);
  const at = order.at.get(keyOf(from));
  if (at === undefined) return undefined;
  return order.list[at + (backwards ? -1 : 1)];
}

/**
 * The first element of the canvas's keyboard order (the entry step) or, `backwards`, the last one,
 * where Tab (Shift+Tab) entering the canvas from outside lands, drawn or not; undefined for an
 * empty graph.
 */
export function endOfTabOrder(graph: TabGraph, backwards: boolean): CanvasElementRef | undefined {
  const { list } = orderOf(graph);
  return backwards ? list[list.length - 1] : list[0];
}
