/**
 * Notes that derived facts attach to an evaluation: things a clinician must know about how
 * a value was (or could not be) computed, such as an opioid that the MME leaves out. They
 * are never silent: each has a stable code for services and a message in Swedish and English.
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
  /** A matching drug has no start date: the day count is unknown. */
  'since-missing',
] as const;
export type FactNoteCode = (typeof FACT_NOTE_CODES)[number];

/** A message in the languages the engine always writes notes in. */
export interface NoteMessage {
  readonly sv: string;
  readonly en: string;
}

/** One note about a derived fact, optionally about one drug in it. */
export interface FactNote {
  readonly code: FactNoteCode;
  /** The derived fact the note is about. */
  readonly fact: string;
  /** The ATC code of the drug concerned, when there is one. */
  readonly atc?: string;
  readonly message: NoteMessage;
}
