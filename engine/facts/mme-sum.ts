/**
 * The MME sum over a patient's medications: dose × factor for each matching drug, by one
 * table. A matching drug the table cannot convert is never skipped silently: without a
 * factor it is left out with an `mme-excludes` note; without a usable dose the whole sum is
 * unknown, because a partial sum would understate the dose (and an understated dose could
 * keep a high-dose alert from firing).
 */
import type { Fact } from '../model/types';
import { matchesAtc, type AtcSelector } from './atc';
import { isCertain, type Medication } from './medication';
import { findMmeEntry, findMmeExclusion, type MmeEntry, type MmeTable } from './mme';
import type { FactNote, FactNoteCode } from './notes';
import { roundTo } from './rounding';

/** The sum (undefined when unknown) and the notes explaining what it leaves out. */
export interface MmeSum {
  readonly value: number | undefined;
  readonly notes: readonly FactNote[];
}

/**
 * Oral morphine milligram equivalents per day over the medications matching `selector`,
 * rounded to 1 decimal; 0 when none match.
 */
export function sumMme(
  fact: Fact,
  medications: readonly Medication[],
  selector: AtcSelector,
  table: MmeTable,
): MmeSum {
  const notes: FactNote[] = [];
  let sum = 0;
  let known = true;
  for (const med of medications) {
    if (!isCertain(med)) continue;
    if (!matchesAtc(med.atc, selector)) continue;
    const entry = findMmeEntry(table, med.atc);
    if (entry === undefined) {
      addNote(notes, 'mme-excludes', fact, med, table, undefined);
    } else if (med.dose === undefined) {
      known = false;
      addNote(notes, 'mme-dose-missing', fact, med, table, entry);
    } else if (med.unit === undefined) {
      known = false;
      addNote(notes, 'mme-unit-missing', fact, med, table, entry);
    } else if (med.unit !== entry.unit) {
      known = false;
      addNote(notes, 'mme-unit-mismatch', fact, med, table, entry);
    } else {
      sum += med.dose * entry.factor;
    }
  }
  // roundTo snaps floating-point noise before rounding (30 × 0.15 must be 4.5, not 4.4).
  return { value: known ? roundTo(sum, 1) : undefined, notes };
}

/** A note being built (the parameters a code needs are set one by one). */
type Draft = { -readonly [K in keyof FactNote]: FactNote[K] };

/**
 * Adds the note `code` about `med` to `notes`, with the parameters its words need: one note
 * per drug and problem, even if the same drug is listed twice.
 */
function addNote(
  notes: FactNote[],
  code: FactNoteCode,
  fact: Fact,
  med: Medication & { readonly atc: string },
  table: MmeTable,
  entry: MmeEntry | undefined,
): void {
  for (const n of notes) if (n.code === code && n.atc === med.atc) return;
  const exclusion = entry === undefined ? findMmeExclusion(table, med.atc) : undefined;
  const note: Draft = { code, fact: fact.name, atc: med.atc };
  const drug = med.name ?? entry?.name ?? exclusion?.name;
  if (drug !== undefined) note.drug = drug;
  note.table = table.title;
  if (exclusion !== undefined) note.exclusion = { reason: exclusion.reason, drug: exclusion.name };
  if (code === 'mme-unit-mismatch' && med.unit !== undefined) note.unit = med.unit;
  if (entry !== undefined && (code === 'mme-unit-missing' || code === 'mme-unit-mismatch'))
    note.expectedUnit = entry.unit;
  notes.push(note);
}
