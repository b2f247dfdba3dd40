/** Pending renames and copies of test patients survive a reload with the draft they belong to. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openVersion, saveDocument } from '../../editor/src/store/actions';
import { draftKey, persistDrafts, type StoredDraft } from '../../editor/src/store/persistence';
import { createEditorStore } from '../../editor/src/store/store';
import type { Pathway, Scenario } from '../../engine/model/types';
import { chronicPain, chronicPainLayout, memoryStorage } from './helpers';

const patient = (name: string, versions: string[]): Scenario => ({
  name,
  pathway: 'chronic-pain',
  versions,
  asOf: '2027-02-01',
  input: { facts: { painDurationMonths: 6 } },
  expect: {},
});

/** Draft 1.4.0 on disk with its own patient `own`; `old` is inherited from 1.3.0. */
function stubServer(sent: unknown[]): void {
  const pathway: Pathway = { ...chronicPain('1.3.0'), version: '1.4.0', status: 'draft' };
  vi.stubGlobal('window', {
    location: { href: 'http://localhost/' },
    history: { replaceState: () => undefined },
  });
  vi.stubGlobal('fetch', (url: string, init?: { method?: string; body?: string }) => {
    if (init?.method === 'PUT') sent.push(JSON.parse(init.body ?? 'null'));
    const body = url.endsWith('/scenarios')
      ? {
          scenarios: [
            { file: 'own.yaml', hash: 'sha256:own', scenario: patient('own', ['1.4.0']) },
            { file: 'old.yaml', hash: 'sha256:old', scenario: patient('old', ['1.3.0']) },
          ],
        }
      : {
          pathway,
          text: '',
          hash: 'sha256:base',
          layout: chronicPainLayout('1.3.0'),
          layoutHash: null,
          frozen: false,
        };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  });
}

afterEach(() => vi.unstubAllGlobals());

async function openTab(storage: ReturnType<typeof memoryStorage>) {
  const store = createEditorStore();
  store.setState({ tab: 'A' });
  persistDrafts(store, storage);
  await openVersion(store, storage, 'chronic-pain', '1.4.0');
  return store;
}

describe('pending renames survive a reload', () => {
  it('keeps a rename and a copy with the draft, and the restored draft’s save still carries them', async () => {
    const sent: unknown[] = [];
    stubServer(sent);
    const storage = memoryStorage();
    const before = await openTab(storage);
    expect(before.getState().renameEntry('fact', 'painDurationMonths', 'painMonths')).toBeNull();
    before.getState().copyScenarios(['old.yaml']);
    const stored = JSON.parse(
      storage.getItem(draftKey('chronic-pain', '1.4.0', 'A')) ?? '{}',
    ) as StoredDraft;
    expect(stored.scenarioRenames).toEqual([
      { kind: 'fact', from: 'painDurationMonths', to: 'painMonths' },
    ]);
    expect(stored.scenarioCopies?.map((c) => c.name)).toEqual(['old-1-4-0']);

    // Reload: a new store for the same tab restores the draft with what it still owes.
    const after = await openTab(storage);
    expect(after.getState().scenarioRenames).toEqual(stored.scenarioRenames);
    expect(after.getState().scenarioCopies).toEqual(stored.scenarioCopies);
    await saveDocument(after, storage);
    const put = sent.at(-1) as {
      scenarios?: { name: string; baseHash: string | null; scenario: Scenario }[];
    };
    expect(put.scenarios?.map((w) => [w.name, w.baseHash])).toEqual([
      ['own', 'sha256:own'],
      ['old-1-4-0', null],
    ]);
    for (const w of put.scenarios ?? []) expect(w.scenario.input.facts).toEqual({ painMonths: 6 });
  });

  it('opens a version without a stored draft with nothing pending', async () => {
    stubServer([]);
    const store = await openTab(memoryStorage());
    expect(store.getState().scenarioRenames).toEqual([]);
    expect(store.getState().scenarioCopies).toEqual([]);
  });
});
