/**
 * The MME sum over a patient's medications: dose × factor for each matching drug, by one
 * table. A matching drug the table cannot convert is never skipped silently: without a
 * factor it is left out with an `mme-excludes` note; without a usable dose the whole sum is
 * unknown, because a partial sum would understate the dose (and an understated dose could
 * keep a high-dose alert from firing).
 */
import type { Fact } from '../model/types';
import { matchesAtc, type AtcSelector } from './atc';
import { describeFact } from './labels';
import type { Medication } from './medication';
import { findMmeEntry, findMmeExclusion, type MmeTable } from './mme';
import type { FactNote, FactNoteCode, NoteMessage } from './notes';
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
  const sv = describeFact(fact, 'sv');
  const en = describeFact(fact, 'en');
  const note = (code: FactNoteCode, atc: string, message: NoteMessage): void => {
    // One note per drug and problem, even if the same drug is listed twice.
    if (!notes.some((n) => n.code === code && n.atc === atc)) {
      notes.push({ code, fact: fact.name, atc, message });
    }
  };
  let sum = 0;
  let known = true;
  for (const med of medications) {
    if (!matchesAtc(med.atc, selector)) continue;
    const entry = findMmeEntry(table, med.atc);
    const drug = `${med.name ?? entry?.name ?? findMmeExclusion(table, med.atc)?.name ?? 'drug'} (${med.atc})`;
    if (entry === undefined) {
      const reason = findMmeExclusion(table, med.atc)?.reason ?? {
        sv: `${table.title} har ingen omräkningsfaktor för den`,
        en: `${table.title} has no conversion factor for it`,
      };
      note('mme-excludes', med.atc, {
        sv: `${sv} räknar inte med ${drug}: ${reason.sv}.`,
        en: `${en} excludes ${drug}: ${reason.en}.`,
      });
    } else if (med.dose === undefined) {
      known = false;
      note('mme-dose-missing', med.atc, {
        sv: `${sv} är okänd: ${drug} saknar strukturerad dygnsdos.`,
        en: `${en} is unknown: ${drug} has no structured daily dose.`,
      });
    } else if (med.unit === undefined) {
      known = false;
      note('mme-unit-missing', med.atc, {
        sv: `${sv} är okänd: dosen för ${drug} saknar enhet (${entry.unit} väntades).`,
        en: `${en} is unknown: the dose of ${drug} has no unit (expected ${entry.unit}).`,
      });
    } else if (med.unit !== entry.unit) {
      known = false;
      note('mme-unit-mismatch', med.atc, {
        sv: `${sv} är okänd: ${drug} är doserad i ${med.unit}, men ${table.title} räknar om från ${entry.unit}.`,
        en: `${en} is unknown: ${drug} is dosed in ${med.unit}, but ${table.title} converts it from ${entry.unit}.`,
      });
    } else {
      sum += med.dose * entry.factor;
    }
  }
  // roundTo snaps floating-point noise before rounding (30 × 0.15 must be 4.5, not 4.4).
  return { value: known ? roundTo(sum, 1) : undefined, notes };
}
