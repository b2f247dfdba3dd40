/** The editor store's shape: the union of its slices, each in its own file. */
import type { StateCreator } from 'zustand/vanilla';
import type { CanvasSlice } from './canvas';
import type { CohortSlice } from './cohort';
import type { CompareSlice } from './compare';
import type { DictionarySlice } from './dictionary';
import type { DocumentSlice } from './document';
import type { HistorySlice } from './history';
import type { PersistenceSlice } from './persistence';
import type { ProblemsSlice } from './problems';
import type { SelectionSlice } from './selection';
import type { TestsSlice } from './tests';
import type { UiSlice } from './ui';

/** Everything the editor holds. Components read it through narrow selectors. */
export type EditorState = DocumentSlice &
  HistorySlice &
  SelectionSlice &
  UiSlice &
  TestsSlice &
  PersistenceSlice &
  CanvasSlice &
  CompareSlice &
  DictionarySlice &
  CohortSlice &
  ProblemsSlice;

/** A slice creator over the whole state (slices may read each other through `get`). */
export type SliceCreator<T> = StateCreator<EditorState, [], [], T>;
