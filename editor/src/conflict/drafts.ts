/**
 * Another tab's unsaved work, offered when a version opens: take it (it becomes this tab's
 * work, on top of the file on disk) or discard it. Never taken silently.
 */
import type { StoreApi } from 'zustand/vanilla';
import { loadVersion } from '../api/client';
import { EMPTY_LAYOUT } from '../model/layout';
import { openStoredDraft } from '../store/actions';
import { isDirty } from '../store/document';
import { readDraftAt, type DraftStorage } from '../store/persistence';
import type { EditorState } from '../store/types';

type Store = StoreApi<EditorState>;

/** Drops one offer from the list. */
function withdraw(store: Store, key: string): void {
  store.getState().setOfferedDrafts(store.getState().offeredDrafts.filter((d) => d.key !== key));
}

/**
 * Opens another tab's draft in this tab (with its undo history) and removes it from where it
 * was kept: from now on it is this tab's unsaved work, written under this tab's key.
 */
export async function takeOfferedDraft(
  store: Store,
  storage: DraftStorage,
  key: string,
): Promise<void> {
  const source = store.getState().source;
  // Taking another tab's work must not overwrite this tab's own unsaved work.
  if (source === null || isDirty(store.getState())) return;
  const draft = readDraftAt(storage, key, source.id, source.version);
  if (draft === undefined) {
    withdraw(store, key);
    return;
  }
  const offered = store.getState().offeredDrafts.filter((d) => d.key !== key);
  if (source.baseHash === null) openStoredDraft(store, draft);
  else {
    const loaded = await loadVersion(source.id, source.version);
    openStoredDraft(store, draft, {
      hash: loaded.hash,
      pathway: loaded.pathway,
      layout: loaded.layout ?? EMPTY_LAYOUT,
    });
  }
  storage.removeItem(key);
  store.getState().setOfferedDrafts(offered);
}

/** Throws another tab's draft away. */
export function discardOfferedDraft(store: Store, storage: DraftStorage, key: string): void {
  storage.removeItem(key);
  withdraw(store, key);
}
