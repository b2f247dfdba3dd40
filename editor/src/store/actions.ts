/**
 * What the editor does with the server: open a version, save, start a new version, compare.
 * They read and write the store; the slices themselves never fetch.
 */
import { timeZoneOf, today } from '../../../engine/editor';
import type { StoreApi } from 'zustand/vanilla';
import { ApiError, listPathways, listScenarios, loadVersion, saveVersion } from '../api/client';
import { scenarioWrites } from '../model/rename';
import { STRINGS } from '../i18n/strings';
import { EMPTY_LAYOUT } from '../model/layout';
import { newVersionFrom } from '../model/version';
import type { CompareSide } from './compare';
import type { DocumentSource } from './document';
import {
  clearDraft,
  otherTabDrafts,
  readDraft,
  readDraftAt,
  type DraftStorage,
  type StoredDraft,
} from './persistence';
import { unpackHistory } from '../model/history-pack';
import type { Drawing } from '../model/edit';
import type { EditorState } from './types';
import type { PendingScenarioWork } from './tests';

type Store = StoreApi<EditorState>;

/** Shows `?pathway=<id>&version=<v>` in the address bar without reloading. */
export function setDeepLink(id: string, version: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('pathway', id);
  url.searchParams.set('version', version);
  window.history.replaceState(null, '', url);
}

/** Reloads the list of pathways and versions. */
export async function refreshCatalog(store: Store): Promise<void> {
  store.getState().setCatalog(await listPathways());
}

async function loadScenarios(
  store: Store,
  id: string,
  pending?: PendingScenarioWork,
): Promise<void> {
  try {
    store.getState().setScenarios(await listScenarios(id), pending);
  } catch {
    store.getState().setScenarios([], pending);
  }
  await store.getState().runAll();
}

/**
 * Opens a stored draft on top of the version on disk (`loaded`; undefined for a version that
 * exists only in this browser), with its undo history. Same base: unsaved changes on top of
 * the file. Different base: the file changed on disk since; saving will say so (409) and
 * offer a merge instead of overwriting someone else's change.
 */
/** The renames and copies a stored draft still carries into its test patients on save. */
export function pendingOf(draft: StoredDraft): PendingScenarioWork {
  return {
    scenarioRenames: draft.scenarioRenames ?? [],
    scenarioCopies: draft.scenarioCopies ?? [],
  };
}

export function openStoredDraft(
  store: Store,
  draft: StoredDraft,
  loaded?: { hash: string; pathway: Drawing['pathway']; layout: Drawing['layout'] },
  source: DocumentSource = draft.source,
): void {
  const sameBase = loaded !== undefined && draft.source.baseHash === loaded.hash;
  store
    .getState()
    .openDocument(
      source,
      { pathway: draft.pathway, layout: draft.layout },
      sameBase ? { pathway: loaded.pathway, layout: loaded.layout } : null,
    );
  const history = unpackHistory(draft.history);
  if (history !== undefined) store.getState().restoreHistory(history.past, history.future);
  store.setState(pendingOf(draft));
  store.getState().setNotice(STRINGS[store.getState().language].restoredBanner);
}

/**
 * Opens a version. This tab's unsaved work for it is restored, with its undo history (for a
 * new draft that was never saved, that work is all there is). Other tabs' unsaved work for
 * the same version is never taken silently: it is offered (`offeredDrafts`), except for a
 * version that exists only in another tab's draft, which is opened since nothing else can be.
 */
export async function openVersion(
  store: Store,
  storage: DraftStorage,
  id: string,
  version: string,
): Promise<void> {
  const tab = store.getState().tab;
  const draft = readDraft(storage, id, version, tab);
  let offered = otherTabDrafts(storage, id, version, tab);
  let loaded;
  try {
    loaded = await loadVersion(id, version);
  } catch (error) {
    const newest = offered[0];
    const only =
      draft ?? (newest === undefined ? undefined : readDraftAt(storage, newest.key, id, version));
    if (!(error instanceof ApiError && error.status === 404 && only !== undefined)) throw error;
    // A new version that exists only in this browser so far.
    openStoredDraft(store, only);
    if (draft === undefined && newest !== undefined) {
      storage.removeItem(newest.key);
      offered = offered.slice(1);
    }
    store.getState().setOfferedDrafts(offered);
    setDeepLink(id, version);
    await loadScenarios(store, id, pendingOf(only));
    return;
  }
  const source: DocumentSource = {
    id,
    version,
    baseHash: loaded.hash,
    layoutHash: loaded.layoutHash,
    frozen: loaded.frozen,
  };
  const fromDisk = { pathway: loaded.pathway, layout: loaded.layout ?? EMPTY_LAYOUT };
  if (draft !== undefined && !loaded.frozen) {
    openStoredDraft(
      store,
      draft,
      { hash: loaded.hash, ...fromDisk },
      { ...source, baseHash: draft.source.baseHash, layoutHash: draft.source.layoutHash },
    );
  } else {
    store.getState().openDocument(source, fromDisk);
    store.getState().setNotice(null);
  }
  store.getState().setOfferedDrafts(loaded.frozen ? [] : offered);
  setDeepLink(id, version);
  await loadScenarios(
    store,
    id,
    draft !== undefined && !loaded.frozen ? pendingOf(draft) : undefined,
  );
}

/** Saves the open document through the server; a 409 is shown as "changed on disk". */
export async function saveDocument(store: Store, storage: DraftStorage): Promise<void> {
  const s = store.getState();
  if (s.pathway === null || s.source === null || s.readOnly || s.saveState === 'saving') return;
  const { pathway, layout, source } = s;
  s.setSaveState('saving');
  try {
    const scenarios = scenarioWrites(s.scenarios, s.scenarioRenames, pathway, s.scenarioCopies);
    const answer = await saveVersion(source.id, source.version, {
      pathway,
      layout,
      baseHash: source.baseHash,
      ...(scenarios.length > 0 ? { scenarios } : {}),
    });
    // Only what was sent is saved; edits made while saving stay unsaved.
    store.setState({
      source: { ...source, baseHash: answer.hash, layoutHash: answer.layoutHash },
      saved: { pathway, layout },
    });
    if (store.getState().pathway === pathway && store.getState().layout === layout)
      clearDraft(storage, source.id, source.version, store.getState().tab);
    s.setSaveState('saved');
    // The rewritten test patients have new hashes; reloading them also ends the pending renames.
    if (scenarios.length > 0) await loadScenarios(store, source.id);
    else store.setState({ scenarioRenames: [], scenarioCopies: [] });
    await refreshCatalog(store).catch(() => undefined);
  } catch (error) {
    const strings = STRINGS[store.getState().language];
    if (error instanceof ApiError && error.status === 409)
      s.setSaveState('conflict', strings.changedOnDisk);
    else
      s.setSaveState(
        'error',
        strings.saveFailed(
          error instanceof ApiError && error.issues.length > 0
            ? `${error.message}: ${error.issues.map((i) => `${i.path ?? ''} ${i.message}`).join('; ')}`
            : error instanceof Error
              ? error.message
              : String(error),
        ),
      );
  }
}

/**
 * Starts a new version of the open pathway as an unsaved draft, copied from the version on
 * screen (with its unsaved edits; while comparing, the version that was open), numbered
 * after the latest version (model/version.ts `newVersionFrom`), in effect from today. The
 * draft remembers which version it copies, and the banner says so. Today is reckoned in the
 * pathway's time zone (Europe/Stockholm when it names none), as the server and CLI reckon
 * it, not in the browser's: otherwise a version started just after midnight would begin a
 * day apart.
 */
export async function startNewVersion(store: Store, from?: string): Promise<void> {
  const s = store.getState();
  if (s.source === null || s.pathway === null) return;
  const base = s.compare?.stash ?? { pathway: s.pathway, layout: s.layout };
  const entry = s.catalog.find((p) => p.id === s.source?.id);
  const existing = entry?.versions.map((v) => v.version) ?? [];
  const pathway = newVersionFrom(base.pathway, existing, from ?? today(timeZoneOf(base.pathway)));
  if (s.compare !== null) s.stopCompare();
  store.getState().openDocument(
    {
      id: pathway.id,
      version: pathway.version,
      baseHash: null,
      layoutHash: null,
      frozen: false,
      copiedFrom: base.pathway.version,
    },
    { pathway, layout: base.layout },
    null,
  );
  store.getState().setNotice(null);
  setDeepLink(pathway.id, pathway.version);
  await store.getState().runAll();
}

/** Throws away local unsaved work and reopens the version from disk. */
export async function reloadFromDisk(store: Store, storage: DraftStorage): Promise<void> {
  const source = store.getState().source;
  if (source === null) return;
  clearDraft(storage, source.id, source.version, store.getState().tab);
  await openVersion(store, storage, source.id, source.version);
}

/** A file-name-friendly scenario name: lower-case words joined by hyphens. */
export function scenarioSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Compares two versions of the open pathway. The open version is taken as it is in the
 * editor (with unsaved edits, which is what the author wants to review); others come from
 * the server.
 */
export async function compareTwoVersions(store: Store, a: string, b: string): Promise<void> {
  const s = store.getState();
  if (s.source === null || s.pathway === null) return;
  const id = s.source.id;
  const open = s.compare?.stash ?? { pathway: s.pathway, layout: s.layout };
  const side = async (version: string): Promise<CompareSide> => {
    if (version === s.source?.version) return { version, ...open };
    const loaded = await loadVersion(id, version);
    return { version, pathway: loaded.pathway, layout: loaded.layout ?? EMPTY_LAYOUT };
  };
  const [first, second] = await Promise.all([side(a), side(b)]);
  // The author may have opened another pathway meanwhile.
  if (store.getState().source?.id !== id) return;
  store.getState().startCompare(first, second);
}
