/**
 * What the test-patient form's medication search offers: the pathway's own drugs (its MME
 * tables and drug classes) and every substance of the terminology table the engine classifies
 * drugs with (`GET /api/terminology/medications`), each with the pathway's drug classes it
 * falls in. A chosen drug fills `atc`, the field the engine reads; a drug the pathway cannot
 * put in a class, or whose MME it cannot compute, says so instead of looking like any other.
 */
import type { Language, Pathway } from '../../../engine/index';
import { atcChoices, choiceMatches, drugClassesOf, type AtcChoice } from '../model/patient-form';

/** A substance of the terminology table as the route serves it. */
export interface MedicationTerm {
  atc: string;
  name: string;
  codes: { system: string; code: string; display?: string }[];
}

/** One drug the search offers. */
export interface MedicationChoice extends AtcChoice {
  /** Its RxNorm / SNOMED CT codes (from the terminology table; empty for the pathway's own). */
  codes: { system: string; code: string }[];
  /**
   * True when the drug is in a class for which the pathway has MME factors but has no factor
   * of its own: its MME is unknown to the engine.
   */
  noMme: boolean;
}

/**
 * The pathway's drugs and the table's substances, one choice per ATC code, sorted by code.
 * The pathway's name of a drug wins (its MME table's `drug`), else the table's.
 */
export function medicationChoices(
  pathway: Pathway,
  terms: readonly MedicationTerm[],
  language: Language,
): MedicationChoice[] {
  const mmeCodes = new Set(
    // A row without a factor (`noFactor`: methadone, non-linear) leaves the MME unknown too.
    (pathway.mmeTables ?? []).flatMap((table) =>
      table.rows.filter((row) => row.factor !== undefined).map((row) => row.atc),
    ),
  );
  const mmeClasses = new Set([...mmeCodes].flatMap((atc) => drugClassesOf(pathway, atc, language)));
  const byAtc = new Map<string, MedicationChoice>();
  const noMme = (atc: string, classes: readonly string[]): boolean =>
    !mmeCodes.has(atc) && classes.some((c) => mmeClasses.has(c));
  for (const choice of atcChoices(pathway, language))
    byAtc.set(choice.atc, { ...choice, codes: [], noMme: noMme(choice.atc, choice.classes) });
  for (const term of terms) {
    const known = byAtc.get(term.atc);
    const codes = term.codes.map(({ system, code }) => ({ system, code }));
    if (known !== undefined) {
      // The pathway's own row only names the drug by code when it has no MME row.
      const name = known.name === known.atc ? term.name : known.name;
      byAtc.set(term.atc, { ...known, name, codes });
      continue;
    }
    const classes = drugClassesOf(pathway, term.atc, language);
    byAtc.set(term.atc, {
      atc: term.atc,
      name: term.name,
      classes,
      codes,
      noMme: noMme(term.atc, classes),
    });
  }
  return [...byAtc.values()].sort((a, b) => a.atc.localeCompare(b.atc));
}

/** A match and, when it was found through one, the RxNorm / SNOMED CT code that matched. */
export interface MedicationMatch {
  choice: MedicationChoice;
  code?: { system: string; code: string };
}

/**
 * The choices matching a search: an ATC code prefix, a word of the name or of a class, or a
 * RxNorm / SNOMED CT code (from its start). At most `limit`.
 */
export function searchMedications(
  choices: readonly MedicationChoice[],
  query: string,
  limit = 8,
): MedicationMatch[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const out: MedicationMatch[] = [];
  for (const choice of choices) {
    if (out.length >= limit) break;
    if (choiceMatches(choice, q)) {
      out.push({ choice });
      continue;
    }
    const code = choice.codes.find((c) => c.code.toLowerCase().startsWith(q));
    if (code !== undefined) out.push({ choice, code });
  }
  return out;
}
