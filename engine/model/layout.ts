/**
 * The layout sidecar `<version>.layout.json`: canvas positions only, so that moving a box
 * in the editor never shows up as a clinical change in the pathway file.
 */
import { z } from 'zod';

export const layoutSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Position of each step's node, keyed by step id. Steps without a position are laid out automatically. */
  nodes: z.record(z.string(), z.strictObject({ x: z.number(), y: z.number() })),
});

export type Layout = z.infer<typeof layoutSchema>;

/** Deterministic JSON for a layout: node entries in the given order, two-space indent, final newline. */
export function printLayout(layout: Layout): string {
  const nodes: Record<string, { x: number; y: number }> = {};
  for (const [id, p] of Object.entries(layout.nodes))
    nodes[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  return `${JSON.stringify({ schemaVersion: 1, nodes }, null, 2)}\n`;
}
