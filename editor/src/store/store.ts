/**
 * The editor's zustand store, built from small slices. Components subscribe with narrow
 * selectors (`useEditor((s) => s.selection)`), so an edit re-renders only what reads it.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCanvasSlice } from './canvas';
import { createCohortSlice } from './cohort';
import { createCompareSlice } from './compare';
import { createDictionarySlice } from './dictionary';
import { createDocumentSlice } from './document';
import { createHistorySlice } from './history';
import { createPersistenceSlice } from './persistence';
import { createProblemsSlice } from './problems';
import { createSelectionSlice } from './selection';
import { createTestsSlice } from './tests';
import type { EditorState } from './types';
import { createUiSlice } from './ui';

export type { EditorState } from './types';

/** Creates a fresh store (one per page; tests make their own). */
export function createEditorStore(): StoreApi<EditorState> {
  return createStore<EditorState>()((...args) => ({
    ...createDocumentSlice(...args),
    ...createHistorySlice(...args),
    ...createSelectionSlice(...args),
    ...createUiSlice(...args),
    ...createTestsSlice(...args),
    ...createPersistenceSlice(...args),
    ...createCanvasSlice(...args),
    ...createCompareSlice(...args),
    ...createDictionarySlice(...args),
    ...createCohortSlice(...args),
    ...createProblemsSlice(...args),
  }));
}

/** The page's store. */
export const editorStore = createEditorStore();

/** Reads the page's store through a selector; re-renders only when the selected value changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(editorStore, selector);
}
