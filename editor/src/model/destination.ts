/**
 * Where a click in the side list or a search result takes the author: the element's panel, and
 * for a step (or a step's follow-up) the step brought into view on the canvas.
 */
import type { Pathway } from '../../../engine/index';
import { followUpPath } from './follow-ups';
import type { Selection } from './selection';

/** Something the side list or the search can open. */
export type Destination =
  | { kind: 'step'; stepId: string }
  | { kind: 'fact'; name: string }
  | { kind: 'alert'; id: string }
  | { kind: 'named'; name: string }
  | { kind: 'follow-up'; stepId: string | null; index: number };

/** How to open a destination: what to select, which field to focus, whether to pan the canvas. */
export interface Opening {
  selection: Selection | null;
  focusPath: string | null;
  reveal: boolean;
}

/**
 * The selection that opens `destination`. A step's follow-up opens the step's panel at that
 * follow-up and centres the step on the canvas; a pathway-level follow-up opens the pathway
 * panel at it (it belongs to no step).
 */
export function openingOf(pathway: Pathway, destination: Destination): Opening {
  switch (destination.kind) {
    case 'step':
      return { selection: destination, focusPath: null, reveal: true };
    case 'follow-up':
      return {
        selection:
          destination.stepId === null ? null : { kind: 'step', stepId: destination.stepId },
        focusPath: followUpPath(pathway, destination),
        reveal: destination.stepId !== null,
      };
    default:
      return { selection: destination, focusPath: null, reveal: false };
  }
}

/** True when the current selection and focus show `destination` (to mark it in the list). */
export function isOpen(
  pathway: Pathway,
  destination: Destination,
  selection: Selection | null,
  focusPath: string | null,
): boolean {
  const opening = openingOf(pathway, destination);
  if (JSON.stringify(opening.selection) !== JSON.stringify(selection)) return false;
  return opening.focusPath === null || focusPath === opening.focusPath;
}
