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
import { packHistory, type PackedHistory } from '../model/history-pack';
import type { PendingRename, ScenarioCopy } from '../model/rename';

export interface PersistenceSlice {
  saveState: 'idle' | 'saving' | 'saved' | 'conflict' | 'error';
  saveMessage: string | null;
  /** The pathways and versions on the server. */
  catalog: PathwaySummary[];
  /** This browser tab's id (see {@link tabId}); drafts are kept per tab. */
  tab: string;
  /** Other tabs' unsaved work of the open version, offered instead of silently taken. */
  offeredDrafts: OfferedDraft[];
  setOfferedDrafts(drafts: OfferedDraft[]): void;
  setSaveState(state: PersistenceSlice['saveState'], message?: string | null): void;
  setCatalog(catalog: PathwaySummary[]): void;
}

export const createPersistenceSlice: SliceCreator<PersistenceSlice> = (set) => ({
  saveState: 'idle',
  saveMessage: null,
  catalog: [],
  tab: '',
  offeredDrafts: [],
  setOfferedDrafts(offeredDrafts) {
    set({ offeredDrafts });
  },
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
  /** The undo and redo steps, packed (model/history-pack.ts); absent in older drafts. */
  history?: PackedHistory;
  /** Renames and copies still to be carried into test patients on save; absent in older drafts. */
  scenarioRenames?: PendingRename[];
  scenarioCopies?: ScenarioCopy[];
}

/** Another tab's unsaved work for the same version, offered rather than taken. */
export interface OfferedDraft {
  /** Its localStorage key. */
  key: string;
  savedAt: string;
}

/**
 * The minimal Storage the drafts need (localStorage in the browser, a map in tests); `key`
 * and `length` list the other tabs' drafts.
 */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** How many undo (and redo) steps are kept with unsaved work. */
export const PERSISTED_HISTORY_LIMIT = 50;

const TAB_KEY = 'vardprogram.tab';

/**
 * This browser tab's id, kept in sessionStorage (which is per tab and survives a reload), so
 * that two tabs editing the same version keep two drafts instead of overwriting one.
 */
export function tabId(
  session: Pick<Storage, 'getItem' | 'setItem'>,
  make: () => string = () => crypto.randomUUID(),
): string {
  const known = session.getItem(TAB_KEY);
  if (known !== null && known !== '') return known;
  const id = make();
  session.setItem(TAB_KEY, id);
  return id;
}

const prefixOf = (id: string, version: string): string => `vardprogram.draft.${id}@${version}`;

/**
 * The localStorage key of a version's unsaved work in one tab. Drafts written before drafts
 * were per tab have no `#tab` part; they are offered like any other tab's.
 */
export function draftKey(id: string, version: string, tab: string): string {
  return `${prefixOf(id, version)}#${tab}`;
}

function parseDraft(text: string | null, id: string, version: string): StoredDraft | undefined {
  if (text === null) return undefined;
  try {
    const draft = JSON.parse(text) as StoredDraft;
    return draft.pathway?.id === id && draft.source?.version === version ? draft : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a stored draft by key, or undefined when there is none or it is unreadable. */
export function readDraftAt(
  storage: DraftStorage,
  key: string,
  id: string,
  version: string,
): StoredDraft | undefined {
  return parseDraft(storage.getItem(key), id, version);
}

/** Reads this tab's unsaved work, or undefined when there is none or it is unreadable. */
export function readDraft(
  storage: DraftStorage,
  id: string,
  version: string,
  tab: string,
): StoredDraft | undefined {
  return readDraftAt(storage, draftKey(id, version, tab), id, version);
}

/** Other tabs' readable drafts of the same version, newest first. */
export function otherTabDrafts(
  storage: DraftStorage,
  id: string,
  version: string,
  tab: string,
): OfferedDraft[] {
  const prefix = prefixOf(id, version);
  const own = draftKey(id, version, tab);
  const out: OfferedDraft[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key === null || key === own || !(key === prefix || key.startsWith(`${prefix}#`))) continue;
    const draft = readDraftAt(storage, key, id, version);
    if (draft !== undefined) out.push({ key, savedAt: draft.savedAt });
  }
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** Forgets this tab's unsaved work of a version. */
export function clearDraft(storage: DraftStorage, id: string, version: string, tab: string): void {
  storage.removeItem(draftKey(id, version, tab));
}

function write(storage: DraftStorage, key: string, draft: StoredDraft): boolean {
  try {
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/**
 * Keeps localStorage in step with the store: writes the document (with its undo history)
 * under this tab's key (`tab` in the store) when it has unsaved changes, removes it when it has none (saved, or
 * undone back to the saved state). Returns the unsubscribe function.
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
      s.saved === previous.saved &&
      s.source === previous.source &&
      s.scenarioRenames === previous.scenarioRenames &&
      s.scenarioCopies === previous.scenarioCopies
    )
      return;
    if (s.source === null || s.pathway === null) return;
    if (s.readOnly) return;
    const key = draftKey(s.source.id, s.source.version, s.tab);
    if (isDirty(s)) {
      const draft: StoredDraft = {
        source: s.source,
        pathway: s.pathway,
        layout: s.layout,
        savedAt: now(),
        // A restored draft's save must still rewrite (and copy) its own test patients.
        ...(s.scenarioRenames.length > 0 ? { scenarioRenames: s.scenarioRenames } : {}),
        ...(s.scenarioCopies.length > 0 ? { scenarioCopies: s.scenarioCopies } : {}),
        history: packHistory(
          s.past.slice(-PERSISTED_HISTORY_LIMIT),
          s.future.slice(0, PERSISTED_HISTORY_LIMIT),
        ),
      };
      // A full storage must not break editing: keep the work without its history rather
      // than nothing; the unload prompt still protects the rest.
      if (!write(storage, key, draft)) {
        delete draft.history;
        write(storage, key, draft);
      }
    } else storage.removeItem(key);
  });
}
