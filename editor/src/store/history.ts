/**
 * Undo and redo over the document and layout together. Snapshots are cheap: edits are
 * immutable and share everything they did not change. A run of edits with the same
 * gesture key (typing in one field, one drag) is one undo step.
 */
import type { Drawing } from '../model/edit';
import type { SliceCreator } from './types';

/** How many steps back undo can go. */
export const HISTORY_LIMIT = 200;

export interface HistorySlice {
  past: Drawing[];
  future: Drawing[];
  /** The gesture the last edit belonged to; null after a gesture ended. */
  gesture: string | null;
  /** Records `before` as an undo step unless it continues the current gesture. */
  record(before: Drawing, gesture: string | null): void;
  /** Ends the current gesture: the next edit starts a new undo step. */
  endGesture(): void;
  undo(): void;
  redo(): void;
  clearHistory(): void;
  /** Puts back undo and redo steps kept with unsaved work (after a reload), bounded. */
  restoreHistory(past: Drawing[], future: Drawing[]): void;
}

/**
 * The history after recording `before` (see {@link HistorySlice.record}), or null when it
 * stays as it is: an edit that continues a gesture with nothing to redo changes nothing, so
 * the pointer moves of a drag do not notify the store's subscribers once more each.
 */
export function recordedHistory(
  s: Pick<HistorySlice, 'past' | 'future' | 'gesture'>,
  before: Drawing,
  gesture: string | null,
): Partial<HistorySlice> | null {
  if (gesture !== null && gesture === s.gesture)
    return s.future.length === 0 ? null : { future: [] };
  return { past: [...s.past, before].slice(-HISTORY_LIMIT), future: [], gesture };
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  gesture: null,
  record(before, gesture) {
    const patch = recordedHistory(get(), before, gesture);
    if (patch !== null) set(patch);
  },
  endGesture() {
    set({ gesture: null });
  },
  undo() {
    const s = get();
    const before = s.past.at(-1);
    if (before === undefined || s.pathway === null || s.readOnly) return;
    set({
      past: s.past.slice(0, -1),
      future: [{ pathway: s.pathway, layout: s.layout }, ...s.future],
      pathway: before.pathway,
      layout: before.layout,
      gesture: null,
    });
  },
  redo() {
    const s = get();
    const after = s.future[0];
    if (after === undefined || s.pathway === null || s.readOnly) return;
    set({
      future: s.future.slice(1),
      past: [...s.past, { pathway: s.pathway, layout: s.layout }],
      pathway: after.pathway,
      layout: after.layout,
      gesture: null,
    });
  },
  clearHistory() {
    set({ past: [], future: [], gesture: null });
  },
  restoreHistory(past, future) {
    set({
      past: past.slice(-HISTORY_LIMIT),
      future: future.slice(0, HISTORY_LIMIT),
      gesture: null,
    });
  },
});
