/** What choosing a line of the side list does. */
import type { StoreApi } from 'zustand/vanilla';
import { focusOnCanvas } from '../canvas/focus-element';
import type { Destination } from '../model/destination';
import { openDestination } from '../search/open-destination';
import type { EditorState } from '../store/store';

/**
 * The step a side-list line belongs to on the canvas: a step's own line, an alert's "in step"
 * line and a step's follow-up; null for what is not on the canvas (an alert, a pathway-level
 * follow-up).
 */
export function canvasStepOf(destination: Destination): string | null {
  if (destination.kind === 'step') return destination.stepId;
  if (destination.kind === 'follow-up') return destination.stepId;
  return null;
}

/**
 * Opens a side-list line. A line that belongs to a step selects the step (its panel opens),
 * centres it on the canvas and gives its node the keyboard focus, so that Enter, Tab and the
 * arrows go on from there; the follow-up's own fields are one button further in the list
 * ({@link openDestination}). Anything else opens its panel as before.
 */
export function openOnCanvas(store: StoreApi<EditorState>, destination: Destination): void {
  const stepId = canvasStepOf(destination);
  const state = store.getState();
  if (stepId === null || state.pathway === null) {
    openDestination(store, destination);
    return;
  }
  state.select({ kind: 'step', stepId }, null, true);
  focusOnCanvas({ kind: 'node', id: stepId });
}
