/** Cycle finding for the reference graphs of named conditions and derived facts. */
import type { PathSegment } from '../model/path';

/** A reference from one named thing to another, found at `path`. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly path: readonly PathSegment[];
}

/** One cycle: the edge to report it at (first in document order) and the names around it. */
export interface Cycle {
  readonly edge: Edge;
  /** `[a, b, a]`: starts and ends at `edge.from`. */
  readonly names: readonly string[];
}

/**
 * One cycle per strongly connected component that has one, reported at the component's
 * first edge in `edges` order so the result is deterministic. Edges must be given in
 * document order.
 */
export function findCycles(edges: readonly Edge[]): Cycle[] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const list = next.get(edge.from) ?? [];
    list.push(edge.to);
    next.set(edge.from, list);
  }
  const component = stronglyConnected(next);
  const cycles: Cycle[] = [];
  const reported = new Set<number>();
  for (const edge of edges) {
    const c = component.get(edge.from);
    if (c === undefined || c !== component.get(edge.to) || reported.has(c)) continue;
    reported.add(c);
    const back = shortestPath(next, edge.to, edge.from, (name) => component.get(name) === c);
    cycles.push({ edge, names: [edge.from, ...back] });
  }
  return cycles;
}

/**
 * Tarjan's algorithm, iteratively (no recursion limit), mapping each node that lies on a
 * cycle to a component number. Nodes on no cycle are left out.
 */
function stronglyConnected(next: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Map<string, number>();
  let counter = 0;
  let components = 0;

  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; child: number }[] = [{ node: start, child: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame === undefined) break;
      const children = next.get(frame.node) ?? [];
      const child = children[frame.child++];
      if (child !== undefined) {
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(child) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      }
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const members: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        members.push(member);
      } while (member !== frame.node);
      const selfLoop = children.includes(frame.node);
      if (members.length > 1 || selfLoop) {
        for (const m of members) result.set(m, components);
        components++;
      }
    }
  }
  return result;
}

/** Breadth-first path from `from` to `to` through allowed nodes, both ends included. */
function shortestPath(
  next: ReadonlyMap<string, readonly string[]>,
  from: string,
  to: string,
  allowed: (name: string) => boolean,
): string[] {
  const previous = new Map<string, string>();
  const queue = [from];
  const seen = new Set([from]);
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    if (node === undefined || node === to) break;
    for (const child of next.get(node) ?? []) {
      if (seen.has(child) || !allowed(child)) continue;
      seen.add(child);
      previous.set(child, node);
      queue.push(child);
    }
  }
  const path = [to];
  for (let node = to; node !== from;) {
    const before = previous.get(node);
    if (before === undefined) break;
    path.unshift(before);
    node = before;
  }
  return path;
}
