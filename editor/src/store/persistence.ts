/**
 * Saving: the state of the last save, and unsaved work kept in localStorage so that a
 * reload (or a crash) loses nothing. A draft is stored with the hash it was based on, so a
 * restored draft still detects that the file changed on disk meanwhile.
 */
import type { Pathway } from '../../../engine/index';
import type { Layout } from '../../../engine/editor';
import type { PathwaySummary } from '../api/client';
import type { DocumentSource } from './document';
import { isDirty } from './document';
import type { EditorState, SliceCreator } from './types';

export interface PersistenceSlice {
  saveState: 'idle' | 'saving' | 'saved' | 'conflict' | 'error';
  saveMessage: string | null;
  /** The pathways and versions on the server. */
  catalog: PathwaySummary[];
  setSaveState(state: PersistenceSlice['saveState'], message?: string | null): void;
  setCatalog(catalog: PathwaySummary[]): void;
}

export const createPersistenceSlice: SliceCreator<PersistenceSlice> = (set) => ({
  saveState: 'idle',
  saveMessage: null,
  catalog: [],
  setSaveState(saveState, saveMessage = null) {
    set({ saveState, saveMessage });
  },
  setCatalog(catalog) {
    set({ catalog });
  },
});

/** Unsaved work as kept in localStorage. */
export interface StoredDraft {
  source: DocumentSource;
  pathway: Pathway;
  layout: Layout;
  /** When the draft was written (ISO time). */
  savedAt: string;
}

/** The minimal Storage the drafts need (localStorage in the browser, a map in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The localStorage key of a version's unsaved work. */
export function draftKey(id: string, version: string): string {
  return `vardprogram.draft.${id}@${version}`;
}

/** Reads unsaved work, or undefined when there is none or it is unreadable. */
export function readDraft(
  storage: DraftStorage,
  id: string,
  version: string,
): StoredDraft | undefined {
  const text = storage.getItem(draftKey(id, version));
  if (text === null) return undefined;
  try {
    const draft = JSON.parse(text) as StoredDraft;
    return draft.pathway?.id === id && draft.source?.version === version ? draft : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets a version's unsaved work. */
export function clearDraft(storage: DraftStorage, id: string, version: string): void {
  storage.removeItem(draftKey(id, version));
}

/**
 * Keeps localStorage in step with the store: writes the document when it has unsaved
 * changes, removes it when it has none (saved, or undone back to the saved state).
 * Returns the unsubscribe function.
 */
export function persistDrafts(
  store: { subscribe(listener: (s: EditorState, p: EditorState) => void): () => void },
  storage: DraftStorage,
  now: () => string = () => new Date().toISOString(),
): () => void {
  return store.subscribe((s, previous) => {
    if (
      s.pathway === previous.pathway &&
      s.layout === previous.layout &&
      s.saved === previous.saved
    )
      return;
    if (s.source === null || s.pathway === null) return;
    if (s.readOnly) return;
    if (isDirty(s)) {
      const draft: StoredDraft = {
        source: s.source,
        pathway: s.pathway,
        layout: s.layout,
        savedAt: now(),
      };
      try {
        storage.setItem(draftKey(s.source.id, s.source.version), JSON.stringify(draft));
      } catch {
        // A full storage must not break editing; the unload prompt still protects the work.
      }
    } else clearDraft(storage, s.source.id, s.source.version);
  });
}
