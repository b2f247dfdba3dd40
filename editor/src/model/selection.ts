/** What the side panel edits and the canvas highlights. */
export type Selection =
  | { kind: 'step'; stepId: string }
  | { kind: 'transition'; stepId: string; index: number }
  | { kind: 'global'; index: number }
  | { kind: 'named'; name: string }
  | { kind: 'alert'; id: string }
  | { kind: 'fact'; name: string };

/** True when two selections point at the same thing. */
export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
