/**
 * The MME sum over a patient's medications: dose × factor for each matching drug, by one
 * table. A matching drug the table cannot convert is never skipped silently: without a
 * factor it is left out with an `mme-excludes` note; without a usable dose the whole sum is
 * unknown, because a partial sum would understate the dose (and an understated dose could
 * keep a high-dose alert from firing).
 */
import type { Fact } from '../model/types';
import { matchesAtc, type AtcSelector } from './atc';
import type { Medication } from './medication';
import { findMmeEntry, findMmeExclusion, type MmeTable } from './mme';
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
  const note = (code: FactNoteCode, med: Medication, more: Partial<FactNote> = {}): void => {
    // One note per drug and problem, even if the same drug is listed twice.
    if (notes.some((n) => n.code === code && n.atc === med.atc)) return;
    const exclusion = findMmeExclusion(table, med.atc);
    const drug = med.name ?? findMmeEntry(table, med.atc)?.name ?? exclusion?.name;
    notes.push({
      code,
      fact: fact.name,
      atc: med.atc,
      ...(drug === undefined ? {} : { drug }),
      table: table.title,
      ...more,
    });
  };
  let sum = 0;
  let known = true;
  for (const med of medications) {
    if (!matchesAtc(med.atc, selector)) continue;
    const entry = findMmeEntry(table, med.atc);
    if (entry === undefined) {
      const exclusion = findMmeExclusion(table, med.atc);
      note(
        'mme-excludes',
        med,
        exclusion === undefined
          ? {}
          : { exclusion: { reason: exclusion.reason, drug: exclusion.name } },
      );
    } else if (med.dose === undefined) {
      known = false;
      note('mme-dose-missing', med);
    } else if (med.unit === undefined) {
      known = false;
      note('mme-unit-missing', med, { expectedUnit: entry.unit });
    } else if (med.unit !== entry.unit) {
      known = false;
      note('mme-unit-mismatch', med, { unit: med.unit, expectedUnit: entry.unit });
    } else {
      sum += med.dose * entry.factor;
    }
  }
  // roundTo snaps floating-point noise before rounding (30 × 0.15 must be 4.5, not 4.4).
  return { value: known ? roundTo(sum, 1) : undefined, notes };
}
