/**
 * Notes on a days-on-drug fact (`daysSinceEarliest`) that cannot be counted: a matching drug
 * without a start date makes the count unknown, and the note names the drug. Shared by the
 * generic derivation and the generated evaluator, so both write the very same notes.
 */
import type { Fact } from '../model/types';
import { matchesAtc, type AtcSelector } from './atc';
import { isCertain, type Medication } from './medication';
import type { FactNote } from './notes';

/** One `since-missing` note per matching drug without a start date (a drug listed twice, once). */
export function undatedNotes(
  fact: Fact,
  medications: readonly Medication[],
  selector: AtcSelector,
): FactNote[] {
  const notes: FactNote[] = [];
  for (const med of medications) {
    if (!isCertain(med)) continue;
    if (med.since !== undefined || !matchesAtc(med.atc, selector)) continue;
    if (notes.some((n) => n.atc === med.atc)) continue;
    notes.push({
      code: 'since-missing',
      fact: fact.name,
      atc: med.atc,
      ...(med.name === undefined ? {} : { drug: med.name }),
    });
  }
  return notes;
}
