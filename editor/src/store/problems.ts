/**
 * The open document's problems (schema and lint), checked once the canvas has been drawn:
 * checking a large pathway takes longer than a frame, so opening it draws the steps first and
 * typing in a field is never held up by the checks (app/hooks.ts schedules them). Problems are
 * computed once per document object (documents are immutable), so undo finds them ready.
 */
import type { Pathway } from '../../../engine/index';
import { computeProblems, type Problem } from '../model/problems';
import type { SliceCreator } from './types';

/** The problems of one document. */
export interface CheckedDocument {
  pathway: Pathway;
  problems: Problem[];
}

export interface ProblemsSlice {
  /** The last document checked and its problems (null: none checked since it was opened). */
  checked: CheckedDocument | null;
  /** Checks the document as it is now, unless it already was. */
  checkDocument(): void;
}

const cache = new WeakMap<Pathway, Problem[]>();

/** Whether `pathway`'s problems are known already (checking it again costs nothing). */
export function problemsKnown(pathway: Pathway): boolean {
  return cache.has(pathway);
}

/** The problems of `pathway`; a crash of the checks is itself a problem, never silence. */
export function problemsOf(pathway: Pathway): Problem[] {
  let problems = cache.get(pathway);
  if (problems === undefined) {
    try {
      problems = computeProblems(pathway);
    } catch (error) {
      problems = [
        {
          key: 'editor:lint-crash',
          source: 'editor',
          severity: 'error',
          rule: 'internal',
          message: `the checks could not run: ${error instanceof Error ? error.message : String(error)}`,
          path: '',
          target: null,
        },
      ];
    }
    cache.set(pathway, problems);
  }
  return problems;
}

export const createProblemsSlice: SliceCreator<ProblemsSlice> = (set, get) => ({
  checked: null,
  checkDocument() {
    const pathway = get().pathway;
    if (pathway === null || get().checked?.pathway === pathway) return;
    set({ checked: { pathway, problems: problemsOf(pathway) } });
  },
});
