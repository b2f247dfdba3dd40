/** What is selected, and which field a clicked problem asked to bring into view. */
import type { Selection } from '../model/selection';
import type { SliceCreator } from './types';

export interface SelectionSlice {
  selection: Selection | null;
  /** Schema path of the field to focus (from a clicked problem), or null. */
  focusPath: string | null;
  /** Incremented when the canvas should bring the selection into view (a clicked problem). */
  reveal: number;
  select(selection: Selection | null, focusPath?: string | null, reveal?: boolean): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selection: null,
  focusPath: null,
  reveal: 0,
  select(selection, focusPath = null, reveal = false) {
    set({ selection, focusPath, ...(reveal ? { reveal: get().reveal + 1 } : {}) });
  },
});
