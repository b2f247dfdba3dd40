/** Unsaved work per tab and per version, offered across tabs, with undo that survives a reload. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { discardOfferedDraft, takeOfferedDraft } from '../../editor/src/conflict/drafts';
import { packHistory, unpackHistory } from '../../editor/src/model/history-pack';
import { openVersion } from '../../editor/src/store/actions';
import {
  draftKey,
  otherTabDrafts,
  persistDrafts,
  readDraft,
  tabId,
} from '../../editor/src/store/persistence';
import { createEditorStore } from '../../editor/src/store/store';
import type { Pathway } from '../../engine/model/types';
import { chronicPain, chronicPainLayout, memoryStorage } from './helpers';

/** The server: chronic pain 1.4.0 (a saved draft, hash sha256:base), no scenarios. */
function stubServer(pathway: Pathway = onDisk()): void {
  vi.stubGlobal('window', {
    location: { href: 'http://localhost/' },
    history: { replaceState: () => undefined },
  });
  vi.stubGlobal('fetch', (url: string) => {
    const body = url.endsWith('/scenarios')
      ? { scenarios: [] }
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

function onDisk(): Pathway {
  return { ...chronicPain('1.3.0'), version: '1.4.0', status: 'draft' };
}

afterEach(() => vi.unstubAllGlobals());

/** A tab: its own store, with its id, writing drafts to the shared localStorage. */
async function tab(id: string, storage: ReturnType<typeof memoryStorage>) {
  const store = createEditorStore();
  store.setState({ tab: id });
  persistDrafts(store, storage, () => `2026-12-07T10:00:0${id === 'A' ? 1 : 2}Z`);
  await openVersion(store, storage, 'chronic-pain', '1.4.0');
  return store;
}

const retitle = (en: string) => (d: { pathway: Pathway; layout: never }) => ({
  ...d,
  pathway: { ...d.pathway, title: { ...d.pathway.title, en } },
});

describe('unsaved work per browser tab', () => {
  it('keeps a tab id in sessionStorage across reloads', () => {
    const session = memoryStorage();
    const first = tabId(session, () => 'tab-1');
    expect(tabId(session, () => 'tab-2')).toBe(first);
    expect(tabId(memoryStorage(), () => 'tab-2')).toBe('tab-2');
  });

  it('keeps two tabs’ edits of one version apart, and a reloaded tab gets its own edit back', async () => {
    stubServer();
    const storage = memoryStorage();
    const a = await tab('A', storage);
    const b = await tab('B', storage);
    a.getState().edit(retitle('Edited in A') as never);
    b.getState().edit(retitle('Edited in B') as never);
    expect(readDraft(storage, 'chronic-pain', '1.4.0', 'A')?.pathway.title.en).toBe('Edited in A');
    expect(readDraft(storage, 'chronic-pain', '1.4.0', 'B')?.pathway.title.en).toBe('Edited in B');
    // Reloading tab A: a new store in the same tab.
    const reloaded = await tab('A', storage);
    expect(reloaded.getState().pathway?.title.en).toBe('Edited in A');
    // B's work is offered, not taken.
    expect(reloaded.getState().offeredDrafts.map((d) => d.key)).toEqual([
      draftKey('chronic-pain', '1.4.0', 'B'),
    ]);
  });

  it('offers another tab’s work to a tab without its own instead of silently opening it', async () => {
    stubServer();
    const storage = memoryStorage();
    const b = await tab('B', storage);
    b.getState().edit(retitle('Edited in B') as never);
    const c = await tab('C', storage);
    expect(c.getState().pathway?.title.en).toBe(onDisk().title.en);
    expect(c.getState().offeredDrafts).toHaveLength(1);
    await takeOfferedDraft(c, storage, draftKey('chronic-pain', '1.4.0', 'B'));
    expect(c.getState().pathway?.title.en).toBe('Edited in B');
    expect(c.getState().offeredDrafts).toEqual([]);
    // It is C's work now: kept under C's key, gone from B's.
    expect(readDraft(storage, 'chronic-pain', '1.4.0', 'C')?.pathway.title.en).toBe('Edited in B');
    expect(storage.getItem(draftKey('chronic-pain', '1.4.0', 'B'))).toBeNull();
  });

  it('discards another tab’s work only when asked', async () => {
    stubServer();
    const storage = memoryStorage();
    (await tab('B', storage)).getState().edit(retitle('Edited in B') as never);
    const c = await tab('C', storage);
    discardOfferedDraft(c, storage, draftKey('chronic-pain', '1.4.0', 'B'));
    expect(otherTabDrafts(storage, 'chronic-pain', '1.4.0', 'C')).toEqual([]);
  });

  it('offers a draft written before drafts were per tab', async () => {
    stubServer();
    const storage = memoryStorage();
    const old = {
      source: {
        id: 'chronic-pain',
        version: '1.4.0',
        baseHash: 'sha256:base',
        layoutHash: null,
        frozen: false,
      },
      pathway: onDisk(),
      layout: chronicPainLayout('1.3.0'),
      savedAt: '2026-12-01T00:00:00Z',
    };
    storage.setItem('vardprogram.draft.chronic-pain@1.4.0', JSON.stringify(old));
    const a = await tab('A', storage);
    expect(a.getState().offeredDrafts.map((d) => d.key)).toEqual([
      'vardprogram.draft.chronic-pain@1.4.0',
    ]);
  });
});

describe('undo history survives a reload', () => {
  it('restores the undo steps kept with the draft, so undo after reload goes back', async () => {
    stubServer();
    const storage = memoryStorage();
    const a = await tab('A', storage);
    a.getState().edit(retitle('one') as never);
    a.getState().edit(retitle('two') as never);
    const reloaded = await tab('A', storage);
    expect(reloaded.getState().pathway?.title.en).toBe('two');
    expect(reloaded.getState().past).toHaveLength(2);
    reloaded.getState().undo();
    expect(reloaded.getState().pathway?.title.en).toBe('one');
    reloaded.getState().undo();
    expect(reloaded.getState().pathway?.title.en).toBe(onDisk().title.en);
    reloaded.getState().redo();
    expect(reloaded.getState().pathway?.title.en).toBe('one');
  });

  it('packs fifty snapshots of one-field edits into little more than one pathway', () => {
    const base = onDisk();
    const layout = chronicPainLayout('1.3.0');
    const past = Array.from({ length: 50 }, (_, i) => ({
      pathway: { ...base, title: { ...base.title, en: `v${i}` } },
      layout,
    }));
    const packed = JSON.stringify(packHistory(past, []));
    expect(packed.length).toBeLessThan(JSON.stringify(base).length * 1.5);
    const back = unpackHistory(JSON.parse(packed));
    expect(back?.past[49]?.pathway).toEqual(past[49]?.pathway);
  });

  it('treats a malformed stored history as none', () => {
    expect(
      unpackHistory({
        pool: [],
        past: [{ pathway: { lists: { steps: [3] }, objects: {} }, layout: 0 }],
        future: [],
      }),
    ).toBeUndefined();
    expect(unpackHistory('nonsense')).toBeUndefined();
  });
});
