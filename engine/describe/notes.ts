/**
 * The words of derived-fact notes: the outcome carries each note as a code with its
 * parameters (`engine/facts/notes.ts`); this file says it in Swedish, Danish and English.
 * The Swedish and English sentences are the ones the engine has always written, to the byte:
 * callers and saved results compare them.
 */
import { describeFact } from '../facts/labels';
import type { FactNote, FactNoteCode, MmeExclusionReason } from '../facts/notes';
import type { Language, Pathway } from '../model/types';

/** What a note's sentence is built from, already in the reader's language where it matters. */
interface NoteParts {
  /** The fact, as `label (name)`. */
  readonly fact: string;
  /** The drug, as `name (ATC)`. */
  readonly drug: string;
  readonly table: string;
  /** Why the table leaves the drug out: the sentence of the reason, or of its absence. */
  readonly reason: string;
  readonly unit: string;
  readonly expectedUnit: string;
}

type Sentence = (p: NoteParts) => string;

/** Every note code in every language; the type makes a missing one a compile error. */
export const NOTE_WORDS: Readonly<Record<FactNoteCode, Readonly<Record<Language, Sentence>>>> = {
  'mme-excludes': {
    sv: (p) => `${p.fact} räknar inte med ${p.drug}: ${p.reason}.`,
    da: (p) => `${p.fact} medregner ikke ${p.drug}: ${p.reason}.`,
    en: (p) => `${p.fact} excludes ${p.drug}: ${p.reason}.`,
  },
  'mme-dose-missing': {
    sv: (p) => `${p.fact} är okänd: ${p.drug} saknar strukturerad dygnsdos.`,
    da: (p) => `${p.fact} er ukendt: ${p.drug} mangler struktureret døgndosis.`,
    en: (p) => `${p.fact} is unknown: ${p.drug} has no structured daily dose.`,
  },
  'mme-unit-missing': {
    sv: (p) => `${p.fact} är okänd: dosen för ${p.drug} saknar enhet (${p.expectedUnit} väntades).`,
    da: (p) =>
      `${p.fact} er ukendt: dosis for ${p.drug} mangler enhed (${p.expectedUnit} var forventet).`,
    en: (p) =>
      `${p.fact} is unknown: the dose of ${p.drug} has no unit (expected ${p.expectedUnit}).`,
  },
  'mme-unit-mismatch': {
    sv: (p) =>
      `${p.fact} är okänd: ${p.drug} är doserad i ${p.unit}, men ${p.table} räknar om från ${p.expectedUnit}.`,
    da: (p) =>
      `${p.fact} er ukendt: ${p.drug} er doseret i ${p.unit}, men ${p.table} omregner fra ${p.expectedUnit}.`,
    en: (p) =>
      `${p.fact} is unknown: ${p.drug} is dosed in ${p.unit}, but ${p.table} converts it from ${p.expectedUnit}.`,
  },
  'since-missing': {
    sv: (p) => `${p.fact} är okänd: ${p.drug} saknar startdatum.`,
    da: (p) => `${p.fact} er ukendt: ${p.drug} mangler startdato.`,
    en: (p) => `${p.fact} is unknown: ${p.drug} has no start date.`,
  },
};

/** Why an MME table leaves a drug out, by reason; `drug` is the drug's name in the reader's language. */
export const EXCLUSION_WORDS: Readonly<
  Record<MmeExclusionReason, Readonly<Record<Language, (table: string, drug: string) => string>>>
> = {
  'no-published-factor': {
    sv: (table, drug) => `${table} anger ingen omräkningsfaktor för ${drug}`,
    da: (table, drug) => `${table} angiver ingen omregningsfaktor for ${drug}`,
    en: (table, drug) => `${table} gives no conversion factor for ${drug}`,
  },
  'non-linear': {
    sv: (_table, drug) => `${drug} omräknas icke-linjärt och ingår inte i denna MME`,
    da: (_table, drug) => `${drug} omregnes ikke-lineært og indgår ikke i denne MME`,
    en: (_table, drug) => `${drug} converts non-linearly and is outside this MME`,
  },
};

/** A table without a stated reason for leaving a drug out. */
const NO_FACTOR: Readonly<Record<Language, (table: string) => string>> = {
  sv: (table) => `${table} har ingen omräkningsfaktor för den`,
  da: (table) => `${table} har ingen omregningsfaktor for det`,
  en: (table) => `${table} has no conversion factor for it`,
};

/** A drug without a name: the word the Swedish and English notes have always used. */
const UNNAMED_DRUG: Readonly<Record<Language, string>> = {
  sv: 'drug',
  da: 'lægemiddel',
  en: 'drug',
};

/** International non-proprietary names that differ from the English one, by English name. */
const DRUG_NAMES: Readonly<Record<string, Partial<Record<Language, string>>>> = {
  buprenorphine: { sv: 'buprenorfin', da: 'buprenorphin' },
  methadone: { sv: 'metadon', da: 'metadon' },
};

function drugName(english: string, language: Language): string {
  return (
    (Object.hasOwn(DRUG_NAMES, english) ? DRUG_NAMES[english]?.[language] : undefined) ?? english
  );
}

/** A note in words in `language`; the fact's label comes from `pathway`. */
export function noteText(note: FactNote, pathway: Pathway, language: Language): string {
  const fact = pathway.facts.find((f) => f.name === note.fact);
  const table = note.table ?? '';
  const reason =
    note.exclusion === undefined
      ? NO_FACTOR[language](table)
      : EXCLUSION_WORDS[note.exclusion.reason][language](
          table,
          drugName(note.exclusion.drug, language),
        );
  return NOTE_WORDS[note.code][language]({
    fact: fact === undefined ? note.fact : describeFact(fact, language),
    drug: `${note.drug ?? UNNAMED_DRUG[language]} (${note.atc ?? ''})`,
    table,
    reason,
    unit: note.unit ?? '',
    expectedUnit: note.expectedUnit ?? '',
  });
}
