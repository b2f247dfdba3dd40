/**
 * Notes that derived facts attach to an evaluation: things a clinician must know about how
 * a value was (or could not be) computed, such as an opioid that the MME leaves out. They
 * are never silent, and never words: each is a stable code plus the parameters a reader
 * needs (fact, ATC code, drug, table, units). `engine/describe/notes.ts` puts them into
 * words in every language the engine writes.
 */

/** Stable note codes. Never rename one: outside callers match on them. */
export const FACT_NOTE_CODES = [
  /** A matching drug has no conversion factor in the MME table: it adds nothing to the sum. */
  'mme-excludes',
  /** A matching drug has no structured dose: the MME is unknown. */
  'mme-dose-missing',
  /** A matching drug's dose has no unit: the MME is unknown. */
  'mme-unit-missing',
  /** A matching drug's dose unit differs from the table's unit for it: the MME is unknown. */
  'mme-unit-mismatch',
  /** A matching drug has no start date: the day count is unknown (or a lower bound). */
  'since-missing',
  /** A matching drug has no factor in a pathway-file MME table: the sum is a lower bound. */
  'mme-no-factor',
  /** An uncertain entry (unclassified, unresolved, no status, withheld, list incomplete) could match. */
  'medication-uncertain',
] as const;
export type FactNoteCode = (typeof FACT_NOTE_CODES)[number];

/** Why an MME table deliberately leaves a drug out (see `MmeExclusion`). */
export const MME_EXCLUSION_REASONS = [
  /** The table's source publishes no conversion factor for the drug. */
  'no-published-factor',
  /** The drug converts non-linearly, so no single factor fits. */
  'non-linear',
] as const;
export type MmeExclusionReason = (typeof MME_EXCLUSION_REASONS)[number];

import type { Uncertainty } from './medication';

/** One note about a derived fact, optionally about one drug in it. Language-free. */
export interface FactNote {
  readonly code: FactNoteCode;
  /** The derived fact the note is about. */
  readonly fact: string;
  /** The ATC code of the drug concerned, when there is one. */
  readonly atc?: string;
  /** The drug's name as the medication list or the MME table gives it; absent when neither does. */
  readonly drug?: string;
  /** The title of the MME table concerned (`mme-*` codes). */
  readonly table?: string;
  /** Why the table leaves the drug out, when it says (`mme-excludes`); `drug` is the table's own name for it. */
  readonly exclusion?: { readonly reason: MmeExclusionReason; readonly drug: string };
  /** The unit the drug's dose is given in (`mme-unit-mismatch`). */
  readonly unit?: string;
  /** The unit the table converts from (`mme-unit-missing`, `mme-unit-mismatch`). */
  readonly expectedUnit?: string;
  /** Why the entry is uncertain (`medication-uncertain`). */
  readonly uncertain?: Uncertainty;
  /** The fact is a lower bound because of this (rather than unknown). */
  readonly incomplete?: true;
}
