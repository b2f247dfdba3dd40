import { describe, expect, it } from 'vitest';
import { coalesceMoves, type CoalesceHost } from '../../editor/src/store/coalesce-moves';
import type { EditorState } from '../../editor/src/store/types';

/** A store of plain objects standing in for editor states, and a host with a manual clock. */
function setup() {
  let state = { pathway: {}, layout: {}, saved: null, source: {} } as unknown as EditorState;
  const listeners: ((s: EditorState, p: EditorState) => void)[] = [];
  const store = {
    getState: () => state,
    subscribe(listener: (s: EditorState, p: EditorState) => void) {
      listeners.push(listener);
      return () => undefined;
    },
  };
  const change = (patch: Partial<EditorState>): void => {
    const previous = state;
    state = { ...state, ...patch };
    for (const l of listeners) l(state, previous);
  };
  const timers: (() => void)[] = [];
  let hide: () => void = () => undefined;
  const host: CoalesceHost = {
    setTimeout: (run) => timers.push(run),
    clearTimeout: () => undefined,
    addEventListener: (_, listener) => (hide = listener),
  };
  const heard: [EditorState, EditorState][] = [];
  coalesceMoves(store, host).subscribe((s, p) => heard.push([s, p]));
  return { change, heard, timers, hide: () => hide(), state: () => state };
}

describe('coalescing a drag for the draft writer', () => {
  it('delivers the moves of a drag once, from before the first to after the last', () => {
    const t = setup();
    const before = t.state();
    for (let i = 0; i < 20; i++) t.change({ layout: { i } as never });
    expect(t.heard).toHaveLength(0);
    expect(t.timers).toHaveLength(1);
    t.timers[0]?.();
    expect(t.heard).toEqual([[t.state(), before]]);
  });

  it('delivers a document edit at once, with the pending moves', () => {
    const t = setup();
    const before = t.state();
    t.change({ layout: { moved: true } as never });
    t.change({ pathway: { edited: true } as never });
    expect(t.heard).toEqual([[t.state(), before]]);
  });

  it('delivers pending moves when the page is hidden or unloaded', () => {
    const t = setup();
    t.change({ layout: { moved: true } as never });
    t.hide();
    expect(t.heard).toHaveLength(1);
  });
});
