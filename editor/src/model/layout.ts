/**
 * Canvas positions. The layout sidecar holds the positions the user chose; steps without
 * one are placed by dagre. Once the user moves a node, every position is written to the
 * sidecar, so the picture never rearranges itself under them afterwards.
 */
import { Graph, layout as dagreLayout } from '@dagrejs/dagre';
import type { Pathway } from '../../../engine/index';
import type { Layout } from '../../../engine/editor';

/** A point on the canvas (top-left corner of a node). */
export interface XY {
  x: number;
  y: number;
}

/** The nominal size of a step node, used for automatic layout before nodes are measured. */
export const NODE_SIZE = { width: 240, height: 76 } as const;

/** An empty layout: everything automatic. */
export const EMPTY_LAYOUT: Layout = { schemaVersion: 1, nodes: {} };

/** The graph's shape as a string: the automatic layout only changes when this does. */
function shapeKey(pathway: Pathway): string {
  return pathway.steps.map((s) => `${s.id}>${s.transitions.map((t) => t.to).join(',')}`).join('|');
}

let lastAuto: { key: string; positions: Record<string, XY> } | undefined;

/** Positions for every step by dagre, left to right in the order of the walk. Memoised on the graph's shape. */
export function autoLayout(pathway: Pathway): Record<string, XY> {
  const key = shapeKey(pathway);
  if (lastAuto?.key === key) return lastAuto.positions;
  const graph = new Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 110, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const step of pathway.steps) graph.setNode(step.id, { ...NODE_SIZE });
  for (const step of pathway.steps)
    for (const t of step.transitions)
      if (graph.hasNode(t.to) && t.to !== step.id) graph.setEdge(step.id, t.to);
  dagreLayout(graph);
  const positions: Record<string, XY> = {};
  for (const step of pathway.steps) {
    const node = graph.node(step.id) as { x: number; y: number } | undefined;
    // dagre gives centres; React Flow wants top-left corners.
    positions[step.id] = node
      ? {
          x: Math.round(node.x - NODE_SIZE.width / 2),
          y: Math.round(node.y - NODE_SIZE.height / 2),
        }
      : { x: 0, y: 0 };
  }
  lastAuto = { key, positions };
  return positions;
}

/** Each step's position: from the sidecar when it has one, else automatic. */
export function resolvePositions(pathway: Pathway, layout: Layout): Record<string, XY> {
  const missing = pathway.steps.some((s) => layout.nodes[s.id] === undefined);
  const auto = missing ? autoLayout(pathway) : {};
  const out: Record<string, XY> = {};
  for (const step of pathway.steps)
    out[step.id] = layout.nodes[step.id] ?? auto[step.id] ?? { x: 0, y: 0 };
  return out;
}

/**
 * The layout after moving nodes: every step gets its current position (so automatic ones
 * are frozen where the user saw them) and the moved ones their new place. Positions are
 * rounded, as the sidecar stores whole pixels.
 */
export function applyNodeMove(
  pathway: Pathway,
  layout: Layout,
  moves: Readonly<Record<string, XY>>,
): Layout {
  const current = resolvePositions(pathway, layout);
  const nodes: Record<string, XY> = {};
  for (const step of pathway.steps) {
    const p = moves[step.id] ?? current[step.id] ?? { x: 0, y: 0 };
    // A position that stays as it was stays the same object: the canvas compares positions
    // by identity first, and a drag moves one node of hundreds.
    nodes[step.id] =
      Number.isInteger(p.x) && Number.isInteger(p.y) && p === layout.nodes[step.id]
        ? p
        : { x: Math.round(p.x), y: Math.round(p.y) };
  }
  return { schemaVersion: 1, nodes };
}

/** The layout without positions of steps that no longer exist, in step order. */
export function pruneLayout(pathway: Pathway, layout: Layout): Layout {
  const nodes: Record<string, XY> = {};
  for (const step of pathway.steps) {
    const p = layout.nodes[step.id];
    if (p !== undefined) nodes[step.id] = p;
  }
  return { schemaVersion: 1, nodes };
}

/** Where the "any step" node sits: above and left of everything, out of the way. */
export function globalNodePosition(positions: Readonly<Record<string, XY>>): XY {
  const all = Object.values(positions);
  if (all.length === 0) return { x: 0, y: -160 };
  return {
    x: Math.min(...all.map((p) => p.x)),
    y: Math.min(...all.map((p) => p.y)) - 160,
  };
}
