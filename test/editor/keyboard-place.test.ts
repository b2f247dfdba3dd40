import { describe, expect, it } from 'vitest';
import { TabWatch } from '../../editor/src/canvas/keyboard-place';

const key = (
  k: string,
  mods: Partial<Record<'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
) => ({
  key: k,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

/** Lets the timers of the current task run. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('how focus arrived on the canvas', () => {
  it('notes Tab and Shift+Tab for the focus change they cause, then forgets them', async () => {
    const watch = new TabWatch();
    expect(watch.current).toBeNull();
    watch.onKeyDown(key('Tab'));
    expect(watch.current).toEqual({ backwards: false });
    await nextTask();
    expect(watch.current).toBeNull();
    watch.onKeyDown(key('Tab', { shiftKey: true }));
    expect(watch.current).toEqual({ backwards: true });
    await nextTask();
    expect(watch.current).toBeNull();
  });

  it('ignores other keys and Tab with Ctrl, Alt or Meta (the browser switches tabs or windows)', () => {
    const watch = new TabWatch();
    watch.onKeyDown(key('Enter'));
    watch.onKeyDown(key('Tab', { ctrlKey: true }));
    watch.onKeyDown(key('Tab', { altKey: true }));
    watch.onKeyDown(key('Tab', { metaKey: true }));
    expect(watch.current).toBeNull();
  });
});
