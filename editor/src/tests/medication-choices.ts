/**
 * What the test-patient form's medication search offers: the pathway's own drugs (its MME
 * tables and drug classes) and every substance of the terminology table the engine classifies
 * drugs with (`GET /api/terminology/medications`), each with the pathway's drug classes it
 * falls in. A chosen drug fills `atc`, the field the engine reads; a drug the pathway cannot
 * put in a class, or whose MME it cannot compute, says so instead of looking like any other.
 */
import { MedicationRules } from '../../../engine/editor';
import type { Language, Pathway } from '../../../engine/index';
import { atcChoices, choiceMatches, drugClassesOf, type AtcChoice } from '../model/patient-form';

/** A substance of the terminology table as the route serves it. */
export interface MedicationTerm {
  atc: string;
  /** The English INN. */
  name: string;
  /** Swedish and Danish names, where the table gives one (each cited there). */
  names?: { sv?: string; da?: string };
  codes: { system: string; code: string; display?: string }[];
}

/** One drug the search offers. */
export interface MedicationChoice extends AtcChoice {
  /**
   * Every other name the drug is searched by: its English INN, its Swedish and Danish names
   * and the pathway's own name for it, so "oxikodon" and "oxycodone" both find it in any UI
   * language. `name` is the one shown: the table's name in the UI language when it has one.
   */
  aliases: string[];
  /** Its RxNorm / SNOMED CT codes (from the terminology table; empty for the pathway's own). */
  codes: { system: string; code: string }[];
  /**
   * What the engine's MME sum does with a certain dose of this drug when one of the pathway's
   * MME facts counts it but its table has no factor for it: `lower-bound` (a table of the
   * pathway file: the sum becomes "at least"), `left-out` (a built-in legacy table: the drug
   * is left out of a sum that still counts as whole), or false when every MME fact that counts
   * it converts it (or none counts it).
   */
  noMme: NoMme;
  /**
   * The name shown is not in the Swedish or Danish interface's language: the table cites no
   * local name (hydrocodone and eszopiclone are not marketed in Sweden or Denmark), so the
   * English INN or the pathway's own name is shown, and the form says so. Never in English.
   */
  international: boolean;
}

/** See {@link MedicationChoice.noMme}. */
export type NoMme = false | 'lower-bound' | 'left-out';

/**
 * The pathway's drugs and the table's substances, one choice per ATC code, sorted by code.
 * The pathway's name of a drug wins (its MME table's `drug`), else the table's.
 */
export function medicationChoices(
  pathway: Pathway,
  terms: readonly MedicationTerm[],
  language: Language,
): MedicationChoice[] {
  const noMme = mmeGap(pathway);
  const byAtc = new Map<string, MedicationChoice>();
  for (const choice of atcChoices(pathway, language))
    byAtc.set(choice.atc, {
      ...choice,
      aliases: [],
      codes: [],
      noMme: noMme(choice.atc),
      international: language !== 'en',
    });
  for (const term of terms) {
    const known = byAtc.get(term.atc);
    const codes = term.codes.map(({ system, code }) => ({ system, code }));
    const local = language === 'en' ? undefined : term.names?.[language];
    const others = [term.name, term.names?.sv, term.names?.da].filter(
      (n): n is string => n !== undefined,
    );
    if (known !== undefined) {
      // The table's name in the UI language wins; else the pathway's own (its MME row's
      // `drug`), unless that only names the drug by its code.
      const name = local ?? (known.name === known.atc ? term.name : known.name);
      const aliases = [...new Set([...others, known.name])].filter((n) => n !== name);
      const international = language !== 'en' && local === undefined;
      byAtc.set(term.atc, { ...known, name, aliases, codes, international });
      continue;
    }
    const classes = drugClassesOf(pathway, term.atc, language);
    const name = local ?? term.name;
    byAtc.set(term.atc, {
      atc: term.atc,
      name,
      aliases: [...new Set(others)].filter((n) => n !== name),
      classes,
      codes,
      noMme: noMme(term.atc),
      international: language !== 'en' && local === undefined,
    });
  }
  return [...byAtc.values()].sort((a, b) => a.atc.localeCompare(b.atc));
}

/**
 * The engine's own answer to "does an MME fact count this drug without a factor": the
 * resolved MME facts of the pathway (its file tables, or the built-in legacy table a frozen
 * version names) through `MedicationRules`, so the note cannot disagree with the sum. A
 * pathway whose drug classes or tables do not resolve yet (mid-edit) gets no note: its
 * problems list says why, and the engine would refuse to evaluate it.
 */
function mmeGap(pathway: Pathway): (atc: string) => NoMme {
  let rules: MedicationRules;
  try {
    rules = MedicationRules.of(pathway);
  } catch {
    return () => false;
  }
  return (atc) => {
    const missing = rules.mmeWithoutFactor(atc);
    if (missing.length === 0) return false;
    return missing.some((rule) => rule.table?.bounded === true) ? 'lower-bound' : 'left-out';
  };
}

/** A match and, when it was found through one, the RxNorm / SNOMED CT code that matched. */
export interface MedicationMatch {
  choice: MedicationChoice;
  code?: { system: string; code: string };
}

/**
 * The choices matching a search: an ATC code prefix, a part of the name in any of the three
 * languages or of a class, or a RxNorm / SNOMED CT code (from its start). At most `limit`.
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
    if (choiceMatches(choice, q) || choice.aliases.some((a) => a.toLowerCase().includes(q))) {
      out.push({ choice });
      continue;
    }
    const code = choice.codes.find((c) => c.code.toLowerCase().startsWith(q));
    if (code !== undefined) out.push({ choice, code });
  }
  return out;
}
