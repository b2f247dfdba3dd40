/** "New version" starts in effect from today as the pathway reckons it, not the browser. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startNewVersion } from '../../editor/src/store/actions';
import { createEditorStore } from '../../editor/src/store/store';
import { newVersionFrom } from '../../editor/src/model/version';
import { chronicPain, chronicPainLayout, openDraftStore } from './helpers';

/** The address bar the action updates, for a test without a browser. */
function stubBrowser(): void {
  vi.stubGlobal('window', {
    location: { href: 'http://localhost/' },
    history: { replaceState: () => undefined },
  });
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('starting a new version', () => {
  it('starts it today in the pathway’s time zone (Stockholm is a day ahead at 23:30 UTC)', async () => {
    stubBrowser();
    vi.useFakeTimers({ now: new Date('2026-12-06T23:30:00Z'), toFake: ['Date'] });
    const store = openDraftStore();
    store
      .getState()
      .edit((d) => ({ ...d, pathway: { ...d.pathway, timeZone: 'Europe/Stockholm' } }));
    await startNewVersion(store);
    expect(store.getState().pathway).toMatchObject({
      version: '1.5.0',
      effective: { from: '2026-12-07' },
      timeZone: 'Europe/Stockholm',
    });
  });

  it('starts it today in Europe/Stockholm when the pathway names no zone, as the server reckons today', async () => {
    stubBrowser();
    vi.useFakeTimers({ now: new Date('2026-12-06T23:30:00Z'), toFake: ['Date'] });
    const store = openDraftStore();
    store.getState().edit((d) => {
      const { timeZone: _zone, ...pathway } = d.pathway;
      return { ...d, pathway };
    });
    await startNewVersion(store);
    expect(store.getState().pathway?.effective).toEqual({ from: '2026-12-07' });
    expect(store.getState().pathway?.timeZone).toBeUndefined();
  });

  it('starts it today in UTC when the pathway names UTC', async () => {
    stubBrowser();
    vi.useFakeTimers({ now: new Date('2026-12-06T23:30:00Z'), toFake: ['Date'] });
    const store = openDraftStore();
    store.getState().edit((d) => ({ ...d, pathway: { ...d.pathway, timeZone: 'UTC' } }));
    await startNewVersion(store);
    expect(store.getState().pathway?.effective).toEqual({ from: '2026-12-06' });
  });
});

/** The catalog the server lists: chronic pain 1.0.0 … 1.3.0. */
const catalog = ['1.0.0', '1.1.0', '1.2.0', '1.3.0'].map((version) => ({
  version,
  status: 'active' as const,
  effective: { from: '2025-01-01' },
  hash: 'sha256:x',
}));

describe('a new version starts from the version on screen', () => {
  it('copies 1.1.0 when 1.1.0 is on screen (not the latest, 1.3.0), numbers it 1.4.0 and says what it copied', async () => {
    stubBrowser();
    const store = createEditorStore();
    const onScreen = chronicPain('1.1.0');
    store.getState().setCatalog([{ id: 'chronic-pain', title: onScreen.title, versions: catalog }]);
    store.getState().openDocument(
      {
        id: 'chronic-pain',
        version: '1.1.0',
        baseHash: 'sha256:a',
        layoutHash: null,
        frozen: true,
      },
      { pathway: onScreen, layout: chronicPainLayout('1.1.0') },
    );
    await startNewVersion(store, '2027-01-01');
    const s = store.getState();
    expect(s.source).toMatchObject({ version: '1.4.0', baseHash: null, copiedFrom: '1.1.0' });
    expect(s.pathway?.version).toBe('1.4.0');
    expect(s.pathway?.status).toBe('draft');
    // 1.1.0's steps, not 1.3.0's.
    expect(s.pathway?.steps.map((x) => x.id)).toEqual(onScreen.steps.map((x) => x.id));
    expect(s.pathway?.globalTransitions).toEqual(onScreen.globalTransitions);
    expect(s.readOnly).toBe(false);
  });

  it('keeps the unsaved edits on screen in the copy', async () => {
    stubBrowser();
    const store = openDraftStore();
    store.getState().edit((d) => ({
      ...d,
      pathway: { ...d.pathway, title: { ...d.pathway.title, en: 'Edited' } },
    }));
    await startNewVersion(store, '2027-01-01');
    expect(store.getState().pathway?.title.en).toBe('Edited');
    expect(store.getState().source?.copiedFrom).toBe('1.4.0');
  });

  it('drops what belonged to the copied version alone: its publication record and its supersedes', () => {
    const published = {
      ...chronicPain('1.3.0'),
      supersedes: '1.2.0',
      publication: { failingScenarios: ['x'] },
    };
    const draft = newVersionFrom(published, ['1.3.0'], '2027-01-01');
    expect(draft.version).toBe('1.4.0');
    expect(draft.publication).toBeUndefined();
    expect(draft.supersedes).toBeUndefined();
    expect(draft.effective).toEqual({ from: '2027-01-01' });
  });
});
