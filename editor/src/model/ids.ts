/**
 * Ids of canvas elements. Node ids are step ids (DESIGN.md: `rf__node-<step id>` names a
 * step); the one extra node stands for "any step", the source of global transitions. Its id
 * contains underscores, which a step id never can, so it cannot clash with a step.
 */

/** Id of the pseudo-node that global transitions start from. */
export const GLOBAL_NODE_ID = '__any_step__';

/** Edge id of a step's `index`-th transition. */
export function transitionEdgeId(stepId: string, index: number): string {
  return `t:${stepId}:${index}`;
}

/** Edge id of the `index`-th global transition. */
export function globalEdgeId(index: number): string {
  return `g:${index}`;
}

/** What an edge id refers to, or undefined for an id this editor did not make. */
export type EdgeRef =
  { kind: 'transition'; stepId: string; index: number } | { kind: 'global'; index: number };

/** Reads an edge id back into the transition it shows. */
export function parseEdgeId(id: string): EdgeRef | undefined {
  const global = /^g:(\d+)$/.exec(id);
  if (global?.[1] !== undefined) return { kind: 'global', index: Number(global[1]) };
  const step = /^t:(.+):(\d+)$/.exec(id);
  if (step?.[1] !== undefined && step[2] !== undefined)
    return { kind: 'transition', stepId: step[1], index: Number(step[2]) };
  return undefined;
}
