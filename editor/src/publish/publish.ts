/**
 * Publishing from the editor: the other versions the checks compare with, and the publish
 * request itself, after which the version is reopened frozen (read-only) from disk.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Pathway } from '../../../engine/index';
import type { PatientsFile } from '../../../engine/editor';
import { loadVersion, publishVersion } from '../api/client';
import { PUBLISH_STRINGS } from '../i18n/publish-strings';
import { openVersion, refreshCatalog } from '../store/actions';
import type { DraftStorage } from '../store/persistence';
import type { EditorState } from '../store/types';

type Store = StoreApi<EditorState>;

/** The open pathway's other versions, as on disk now. */
export async function loadSiblings(store: Store): Promise<Pathway[]> {
  const s = store.getState();
  if (s.source === null) return [];
  const { id, version } = s.source;
  await refreshCatalog(store).catch(() => undefined);
  const entry = store.getState().catalog.find((p) => p.id === id);
  const others = (entry?.versions ?? []).filter((v) => v.version !== version);
  return Promise.all(others.map(async (v) => (await loadVersion(id, v.version)).pathway));
}

/** What the author chose in the dialog. */
export interface PublishChoice {
  from: string;
  failingScenarios: string[];
  impact: boolean;
  note: string;
  /**
   * The patients file the dialog checked, with the digest it was checked under: sent with the
   * request so that the route checks the same file before recording it as acknowledged.
   */
  patients?: { file: PatientsFile; digest: string };
}

/** Publishes the open (saved) draft and reopens it frozen. */
export async function publishOpenVersion(
  store: Store,
  storage: DraftStorage,
  choice: PublishChoice,
): Promise<void> {
  const s = store.getState();
  if (s.source === null || s.source.baseHash === null) return;
  const { id, version, baseHash } = s.source;
  const to = s.pathway?.effective.to;
  await publishVersion(id, version, {
    baseHash,
    effective: to === undefined ? { from: choice.from } : { from: choice.from, to },
    acknowledge: {
      ...(choice.failingScenarios.length > 0 ? { failingScenarios: choice.failingScenarios } : {}),
      ...(choice.impact ? { impact: true } : {}),
      ...(choice.note.trim() === '' ? {} : { note: choice.note.trim() }),
      ...(choice.impact && choice.patients !== undefined
        ? { patients: { digest: choice.patients.digest } }
        : {}),
    },
    ...(choice.patients === undefined ? {} : { patients: choice.patients.file }),
  });
  await openVersion(store, storage, id, version);
  await refreshCatalog(store).catch(() => undefined);
  store
    .getState()
    .setNotice(PUBLISH_STRINGS[store.getState().language].published(version, choice.from));
}
