/** "New version" starts in effect from today as the pathway reckons it, not the browser. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startNewVersion } from '../../editor/src/store/actions';
import { openDraftStore } from './helpers';

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
