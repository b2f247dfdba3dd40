/** Shared set-up for fact tests: validate like the engine does, then derive. */
import { noteText } from '../../engine/describe/notes';
import { deriveFacts, type DeriveContext, type DerivedFacts } from '../../engine/facts/derive';
import type { FactNote } from '../../engine/facts/notes';
import { validateInput } from '../../engine/facts/validate';
import { PathwayError } from '../../engine/errors';
import type { Language, Pathway } from '../../engine/model/types';
import { factsPathway } from '../fixtures/facts';

/** The evaluation date used throughout the fact tests. */
export const AS_OF = '2026-04-01';

/** Validates `facts` against `pathway` and derives, as the evaluator does. */
export function derive(
  facts: Record<string, unknown>,
  ctx: Partial<DeriveContext> = {},
  pathway: Pathway = factsPathway(),
): DerivedFacts {
  const asOf = ctx.asOf ?? AS_OF;
  const input = validateInput(pathway, { facts }, { asOf });
  return deriveFacts(pathway, input.facts, { enteredDuringWalk: false, ...ctx, asOf });
}

/** Runs `fn` and returns the PathwayError it throws (failing the test if it throws nothing else). */
export function pathwayErrorOf(fn: () => unknown): PathwayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PathwayError) return error;
    throw error;
  }
  throw new Error('expected a PathwayError, but nothing was thrown');
}

/** A derived-fact note in words, as `describe()` writes it (undefined for no note). */
export function noteWords(
  note: FactNote | undefined,
  language: Language,
  pathway: Pathway = factsPathway(),
): string | undefined {
  return note === undefined ? undefined : noteText(note, pathway, language);
}
