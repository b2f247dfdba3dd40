/** Opens a side-list entry or search result in the editor's store. */
import type { StoreApi } from 'zustand/vanilla';
import type { EditorState } from '../store/store';
import { openingOf, type Destination } from '../model/destination';

/**
 * Selects what `destination` names, focuses its field in the side panel and, for a step or a
 * step's follow-up, centres the step on the canvas.
 */
export function openDestination(store: StoreApi<EditorState>, destination: Destination): void {
  const state = store.getState();
  if (state.pathway === null) return;
  const opening = openingOf(state.pathway, destination);
  state.select(opening.selection, opening.focusPath, opening.reveal);
}
