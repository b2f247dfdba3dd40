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
  // Timers run only when the test says so; a cleared one is gone.
  const pending = new Map<number, () => void>();
  let next = 0;
  let hide: () => void = () => undefined;
  const host: CoalesceHost = {
    setTimeout: (run) => {
      pending.set(++next, run);
      return next;
    },
    clearTimeout: (id) => void pending.delete(id),
    addEventListener: (_, listener) => (hide = listener),
  };
  const heard: [EditorState, EditorState][] = [];
  coalesceMoves(store, host).subscribe((s, p) => heard.push([s, p]));
  const timers = (): number[] => [...pending.keys()];
  const runTimers = (): void => {
    const due = [...pending.entries()];
    pending.clear();
    for (const [, run] of due) run();
  };
  return { change, heard, timers, runTimers, hide: () => hide(), state: () => state };
}

describe('coalescing a drag for the draft writer', () => {
  it('delivers the moves of a drag once, from before the first to after the last', () => {
    const t = setup();
    const before = t.state();
    for (let i = 0; i < 20; i++) t.change({ layout: { i } as never });
    expect(t.heard).toHaveLength(0);
    expect(t.timers()).toHaveLength(1);
    t.runTimers();
    expect(t.heard).toEqual([[t.state(), before]]);
  });

  it('delivers nothing while the drag goes on, only once it rests', () => {
    const t = setup();
    const before = t.state();
    t.change({ layout: { i: 1 } as never });
    const [first] = t.timers();
    t.change({ layout: { i: 2 } as never });
    // The first move's timer was replaced by the second's: a write never lands mid-drag.
    expect(t.timers()).toHaveLength(1);
    expect(t.timers()).not.toContain(first);
    t.runTimers();
    expect(t.heard).toEqual([[t.state(), before]]);
  });

  it('neither delivers nor ends a drag on a change outside the document', () => {
    const t = setup();
    const before = t.state();
    t.change({ layout: { moved: true } as never });
    t.change({ selection: { kind: 'step', stepId: 'a' }, focusedEdge: 'e' } as never);
    expect(t.heard).toHaveLength(0);
    t.change({ gesture: null } as never);
    expect(t.heard).toHaveLength(0);
    t.runTimers();
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
