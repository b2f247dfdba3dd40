/**
 * The compare view: two versions of the open pathway, the newer one on the canvas
 * (read-only) with the semantic diff laid over it. While comparing, the document fields
 * (`pathway`, `layout`) show the newer version so that every panel reads it unchanged; the
 * open document waits in `stash` and comes back, with its undo history, when the view closes.
 */
import { diffPathways, type Pathway, type PathwayDiff } from '../../../engine/index';
import { compareVersions, type Layout } from '../../../engine/editor';
import { compareMarks, entrySelection, type CompareMarks } from '../model/compare';
import type { Drawing } from '../model/edit';
import { isDirty } from './document';
import type { EditorState, SliceCreator } from './types';

/** One side of a comparison. */
export interface CompareSide {
  version: string;
  pathway: Pathway;
  layout: Layout;
}

/** An open comparison. */
export interface CompareView {
  older: CompareSide;
  newer: CompareSide;
  diff: PathwayDiff;
  marks: CompareMarks;
  /** The open document as it was before comparing. */
  stash: Drawing & { readOnly: boolean };
}

export interface CompareSlice {
  compare: CompareView | null;
  /** Index of the diff entry last clicked, or null. */
  focusedEntry: number | null;
  /** Compares two versions (in either order): the newer is shown, read-only. */
  startCompare(a: CompareSide, b: CompareSide): void;
  /** Closes the comparison and brings the open document back as it was. */
  stopCompare(): void;
  /** Selects what a diff entry is about and brings it into view. */
  focusEntry(index: number): void;
}

/** True while two versions are compared (a narrow selector for read-only UI). */
export function isComparing(s: Pick<CompareSlice, 'compare'>): boolean {
  return s.compare !== null;
}

/** Unsaved changes of the open document, also while a comparison hides it. */
export function documentDirty(s: EditorState): boolean {
  const stash = s.compare?.stash;
  return stash === undefined
    ? isDirty(s)
    : isDirty({ pathway: stash.pathway, layout: stash.layout, saved: s.saved });
}

/** Orders two versions by semantic version; equal versions keep their order. */
function byVersion(a: CompareSide, b: CompareSide): [CompareSide, CompareSide] {
  return compareVersions(a.version, b.version) <= 0 ? [a, b] : [b, a];
}

export const createCompareSlice: SliceCreator<CompareSlice> = (set, get) => ({
  compare: null,
  focusedEntry: null,
  startCompare(a, b) {
    const s = get();
    if (s.pathway === null) return;
    const [older, newer] = byVersion(a, b);
    const diff = diffPathways(older.pathway, newer.pathway);
    // A second comparison replaces the first; the document stashed by the first stays.
    const stash = s.compare?.stash ?? {
      pathway: s.pathway,
      layout: s.layout,
      readOnly: s.readOnly,
    };
    set({
      compare: {
        older,
        newer,
        diff,
        marks: compareMarks(diff, older.pathway, newer.pathway),
        stash,
      },
      focusedEntry: null,
      pathway: newer.pathway,
      layout: newer.layout,
      readOnly: true,
      gesture: null,
      selection: null,
      focusPath: null,
      activeRun: null,
      jsonError: null,
      measured: {},
      bottomTab: 'changes',
    });
  },
  stopCompare() {
    const stash = get().compare?.stash;
    if (stash === undefined) return;
    set({
      compare: null,
      focusedEntry: null,
      pathway: stash.pathway,
      layout: stash.layout,
      readOnly: stash.readOnly,
      selection: null,
      focusPath: null,
      activeRun: null,
      measured: {},
      bottomTab: get().bottomTab === 'changes' ? 'problems' : get().bottomTab,
    });
  },
  focusEntry(index) {
    const entry = get().compare?.diff.entries[index];
    if (entry === undefined) return;
    set({ focusedEntry: index });
    get().select(entrySelection(entry), null, true);
  },
});
