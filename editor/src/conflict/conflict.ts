/**
 * A save conflict (409: the file changed on disk since it was loaded), resolved by merging:
 * the file as it is now is loaded, the elements that differ are listed with the other
 * change in words, and the merge the author chose is saved on top of the file as it is now.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Layout } from '../../../engine/editor';
import type { Pathway } from '../../../engine/index';
import { loadVersion } from '../api/client';
import { EMPTY_LAYOUT } from '../model/layout';
import { saveDocument } from '../store/actions';
import type { DraftStorage } from '../store/persistence';
import type { EditorState } from '../store/types';
import { conflictElements, mergeDocuments, type Choices, type ConflictElement } from './merge';

type Store = StoreApi<EditorState>;

/** The conflict being resolved. */
export interface Conflict {
  theirs: { pathway: Pathway; layout: Layout; hash: string; layoutHash: string | null };
  elements: ConflictElement[];
}

/** Loads the file as it is now and lists what differs from the document on screen. */
export async function loadConflict(store: Store): Promise<Conflict | undefined> {
  const s = store.getState();
  if (s.source === null || s.pathway === null) return undefined;
  const loaded = await loadVersion(s.source.id, s.source.version);
  const theirs = {
    pathway: loaded.pathway,
    layout: loaded.layout ?? EMPTY_LAYOUT,
    hash: loaded.hash,
    layoutHash: loaded.layoutHash,
  };
  // `saved` is the file as this tab loaded it: the common base of both changes, when known.
  const base = s.saved?.pathway ?? null;
  return {
    theirs,
    elements: conflictElements(base, s.pathway, theirs.pathway, s.language),
  };
}

/**
 * Puts the merge on screen (one undo step) on top of the file as it is now, and saves it.
 * What was on screen stays one undo away.
 */
export async function saveMerge(
  store: Store,
  storage: DraftStorage,
  conflict: Conflict,
  choices: Choices,
): Promise<void> {
  const s = store.getState();
  if (s.source === null || s.pathway === null) return;
  const merged = mergeDocuments(
    { pathway: s.pathway, layout: s.layout },
    conflict.theirs,
    conflict.elements,
    choices,
  );
  s.endGesture();
  s.edit(() => merged);
  store.setState({
    source: { ...s.source, baseHash: conflict.theirs.hash, layoutHash: conflict.theirs.layoutHash },
    saved: { pathway: conflict.theirs.pathway, layout: conflict.theirs.layout },
    saveState: 'idle',
    saveMessage: null,
  });
  await saveDocument(store, storage);
}
