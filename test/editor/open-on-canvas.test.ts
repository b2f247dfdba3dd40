import { describe, expect, it } from 'vitest';
import { serveCanvasFocus } from '../../editor/src/canvas/focus-element';
import type { CanvasElementRef } from '../../editor/src/canvas/tab-order';
import { canvasStepOf, openOnCanvas } from '../../editor/src/sidelist/open-on-canvas';
import { openDraftStore } from './helpers';

describe('choosing a side-list line', () => {
  it('names the step a line belongs to on the canvas, and none for an alert or a pathway follow-up', () => {
    expect(canvasStepOf({ kind: 'step', stepId: 'a' })).toBe('a');
    expect(canvasStepOf({ kind: 'follow-up', stepId: 'a', index: 1 })).toBe('a');
    expect(canvasStepOf({ kind: 'follow-up', stepId: null, index: 0 })).toBeNull();
    expect(canvasStepOf({ kind: 'alert', id: 'red-flag' })).toBeNull();
  });

  it("selects and centres a follow-up's step and sends the focus to its node, not to the field", () => {
    const store = openDraftStore();
    const sent: CanvasElementRef[] = [];
    const stop = serveCanvasFocus((target) => sent.push(target));
    const revealBefore = store.getState().reveal;
    openOnCanvas(store, { kind: 'follow-up', stepId: 'primary-care-management', index: 0 });
    stop();
    expect(store.getState().selection).toEqual({ kind: 'step', stepId: 'primary-care-management' });
    expect(store.getState().focusPath).toBeNull();
    expect(store.getState().reveal).toBe(revealBefore + 1);
    expect(sent).toEqual([{ kind: 'node', id: 'primary-care-management' }]);
  });

  it('opens an alert or a pathway follow-up in its panel, with no focus sent to the canvas', () => {
    const store = openDraftStore();
    const sent: CanvasElementRef[] = [];
    const stop = serveCanvasFocus((target) => sent.push(target));
    openOnCanvas(store, { kind: 'alert', id: 'red-flag' });
    expect(store.getState().selection).toEqual({ kind: 'alert', id: 'red-flag' });
    openOnCanvas(store, { kind: 'follow-up', stepId: null, index: 0 });
    expect(store.getState().selection).toBeNull();
    expect(store.getState().focusPath).not.toBeNull();
    stop();
    expect(sent).toEqual([]);
  });
});
