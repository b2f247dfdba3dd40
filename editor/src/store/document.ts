/**
 * The open document: the pathway and its layout sidecar (the file format, never React
 * Flow objects), where it came from, and the one way to change it, `edit`.
 */
import type { Pathway } from '../../../engine/index';
import type { Layout } from '../../../engine/editor';
import type { Drawing } from '../model/edit';
import { EMPTY_LAYOUT } from '../model/layout';
import { recordedHistory } from './history';
import type { SliceCreator } from './types';

/** Where the open document came from and how it may be saved. */
export interface DocumentSource {
  id: string;
  version: string;
  /** Content hash of the file as loaded (null: no file yet, a new draft). */
  baseHash: string | null;
  layoutHash: string | null;
  /** Active or retired on disk: read-only. */
  frozen: boolean;
  /** For a new draft: the version it was copied from (the one on screen when it was started). */
  copiedFrom?: string;
}

export interface DocumentSlice {
  source: DocumentSource | null;
  pathway: Pathway | null;
  layout: Layout;
  /** The document as last loaded or saved; compared by identity to know if there are unsaved changes. */
  saved: Drawing | null;
  readOnly: boolean;
  /** Opens a document; clears history, selection and test results. `saved` defaults to the document itself. */
  openDocument(source: DocumentSource, drawing: Drawing, saved?: Drawing | null): void;
  /** Applies an edit (no-op when read-only or nothing changed); `gesture` groups edits into one undo step. */
  edit(recipe: (drawing: Drawing) => Drawing, gesture?: string | null): void;
  /** Marks the current document as saved with the hashes the server answered. */
  markSaved(hash: string, layoutHash: string | null): void;
}

/** True when the document differs from what was loaded or saved. */
export function isDirty(s: Pick<DocumentSlice, 'pathway' | 'layout' | 'saved'>): boolean {
  if (s.pathway === null) return false;
  return s.saved === null || s.saved.pathway !== s.pathway || s.saved.layout !== s.layout;
}

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set, get) => ({
  source: null,
  pathway: null,
  layout: EMPTY_LAYOUT,
  saved: null,
  readOnly: true,
  openDocument(source, drawing, saved) {
    set({
      source,
      pathway: drawing.pathway,
      layout: drawing.layout,
      saved: saved === undefined ? drawing : saved,
      readOnly: source.frozen,
      selection: null,
      focusPath: null,
      outcomes: {},
      activeRun: null,
      patientEdits: {},
      jsonError: null,
      saveState: 'idle',
      saveMessage: null,
      measured: {},
      compare: null,
      focusedEntry: null,
      checked: null,
    });
    get().clearHistory();
  },
  edit(recipe, gesture = null) {
    const s = get();
    if (s.pathway === null || s.readOnly) return;
    const before: Drawing = { pathway: s.pathway, layout: s.layout };
    const after = recipe(before);
    if (after.pathway === before.pathway && after.layout === before.layout) return;
    // One change of the store per edit (history, document and save state together): every
    // subscriber runs once per pointer move of a drag, not three times.
    set({
      ...recordedHistory(s, before, gesture),
      pathway: after.pathway,
      layout: after.layout,
      ...(s.saveState === 'saved' ? { saveState: 'idle' as const } : {}),
    });
  },
  markSaved(hash, layoutHash) {
    const s = get();
    if (s.pathway === null || s.source === null) return;
    set({
      source: { ...s.source, baseHash: hash, layoutHash },
      saved: { pathway: s.pathway, layout: s.layout },
    });
  },
});
