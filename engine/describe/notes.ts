/**
 * The words of derived-fact notes: the outcome carries each note as a code with its
 * parameters (`engine/facts/notes.ts`); this file says it in Swedish, Danish and English.
 * The Swedish and English sentences are the ones the engine has always written, to the byte:
 * callers and saved results compare them.
 */
import { describeFact } from '../facts/labels';
import type { UncertaintyReason } from '../facts/medication';
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
  /** What the value is: unknown, or (for a lower bound) incomplete. */
  readonly state: string;
  /** Why an uncertain entry is uncertain, as a clause (`medication-uncertain`). */
  readonly uncertain: string;
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
    sv: (p) => `${p.fact} ${p.state}: ${p.drug} saknar strukturerad dygnsdos.`,
    da: (p) => `${p.fact} ${p.state}: ${p.drug} mangler struktureret døgndosis.`,
    en: (p) => `${p.fact} ${p.state}: ${p.drug} has no structured daily dose.`,
  },
  'mme-unit-missing': {
    sv: (p) =>
      `${p.fact} ${p.state}: dosen för ${p.drug} saknar enhet (${p.expectedUnit} väntades).`,
    da: (p) =>
      `${p.fact} ${p.state}: dosis for ${p.drug} mangler enhed (${p.expectedUnit} var forventet).`,
    en: (p) =>
      `${p.fact} ${p.state}: the dose of ${p.drug} has no unit (expected ${p.expectedUnit}).`,
  },
  'mme-unit-mismatch': {
    sv: (p) =>
      `${p.fact} ${p.state}: ${p.drug} är doserad i ${p.unit}, men ${p.table} räknar om från ${p.expectedUnit}.`,
    da: (p) =>
      `${p.fact} ${p.state}: ${p.drug} er doseret i ${p.unit}, men ${p.table} omregner fra ${p.expectedUnit}.`,
    en: (p) =>
      `${p.fact} ${p.state}: ${p.drug} is dosed in ${p.unit}, but ${p.table} converts it from ${p.expectedUnit}.`,
  },
  'since-missing': {
    sv: (p) => `${p.fact} ${p.state}: ${p.drug} saknar startdatum.`,
    da: (p) => `${p.fact} ${p.state}: ${p.drug} mangler startdato.`,
    en: (p) => `${p.fact} ${p.state}: ${p.drug} has no start date.`,
  },
  'mme-no-factor': {
    sv: (p) => `${p.fact} ${p.state}: ${p.drug} har ingen MME-faktor (${p.reason}).`,
    da: (p) => `${p.fact} ${p.state}: ${p.drug} har ingen MME-faktor (${p.reason}).`,
    en: (p) => `${p.fact} ${p.state}: ${p.drug} has no MME factor (${p.reason}).`,
  },
  'medication-uncertain': {
    sv: (p) => `${p.fact} ${p.state}: ${p.uncertain}.`,
    da: (p) => `${p.fact} ${p.state}: ${p.uncertain}.`,
    en: (p) => `${p.fact} ${p.state}: ${p.uncertain}.`,
  },
};

/** Unknown, or incomplete (a lower bound), in each language. */
const STATE_WORDS: Readonly<Record<'unknown' | 'incomplete', Readonly<Record<Language, string>>>> =
  {
    unknown: { sv: 'är okänd', da: 'er ukendt', en: 'is unknown' },
    incomplete: {
      sv: 'är ofullständig (en nedre gräns)',
      da: 'er ufuldstændig (en nedre grænse)',
      en: 'is incomplete (a lower bound)',
    },
  };

/** Why an entry is uncertain, as a clause; `drug` is `name (ATC)` or a word for "a drug", `detail` verbatim. */
const UNCERTAIN_WORDS: Readonly<
  Record<UncertaintyReason, Readonly<Record<Language, (drug: string, detail: string) => string>>>
> = {
  'unclassified-code': {
    sv: (drug, detail) => `${drug} är kodad som ${detail}, som inte kan klassificeras`,
    da: (drug, detail) => `${drug} er kodet som ${detail}, som ikke kan klassificeres`,
    en: (drug, detail) => `${drug} is coded as ${detail}, which cannot be classified`,
  },
  'no-code': {
    sv: (drug, detail) =>
      `${drug} saknar en användbar läkemedelskod${detail ? ` (${detail})` : ''}`,
    da: (drug, detail) =>
      `${drug} mangler en brugbar lægemiddelkode${detail ? ` (${detail})` : ''}`,
    en: (drug, detail) => `${drug} has no usable drug code${detail ? ` (${detail})` : ''}`,
  },
  'unresolved-reference': {
    sv: (drug, detail) => `${drug} hänvisar till ${detail}, som inte fanns i underlaget`,
    da: (drug, detail) => `${drug} henviser til ${detail}, som ikke var i data`,
    en: (drug, detail) => `${drug} refers to ${detail}, which was not in the data`,
  },
  'status-unknown': {
    sv: (drug) => `${drug} saknar status och kan vara aktuell`,
    da: (drug) => `${drug} mangler status og kan være aktuel`,
    en: (drug) => `${drug} has no status, so it may be current`,
  },
  withheld: {
    sv: (_drug, detail) => `läkemedelsuppgifter undanhölls${detail ? ` (${detail})` : ''}`,
    da: (_drug, detail) => `lægemiddeloplysninger blev tilbageholdt${detail ? ` (${detail})` : ''}`,
    en: (_drug, detail) => `medication records were withheld${detail ? ` (${detail})` : ''}`,
  },
  'list-incomplete': {
    sv: (_drug, detail) => `läkemedelslistan${detail ? ` ${detail}` : ''} skickades inte komplett`,
    da: (_drug, detail) => `medicinlisten${detail ? ` ${detail}` : ''} blev ikke sendt komplet`,
    en: (_drug, detail) => `the medication list${detail ? ` ${detail}` : ''} was not sent in full`,
  },
};

/** "A drug" when an uncertain entry has neither name nor code. */
const SOME_DRUG: Readonly<Record<Language, string>> = {
  sv: 'ett läkemedel',
  da: 'et lægemiddel',
  en: 'a drug',
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

/** Why a drug has no factor in a table of the pathway file, said briefly (the table is the file's own). */
const NO_FACTOR_BRIEF: Readonly<
  Record<MmeExclusionReason | 'absent', Readonly<Record<Language, string>>>
> = {
  'no-published-factor': {
    sv: 'ingen publicerad omräkningsfaktor',
    da: 'ingen publiceret omregningsfaktor',
    en: 'no published conversion factor',
  },
  'non-linear': {
    sv: 'omräknas icke-linjärt',
    da: 'omregnes ikke-lineært',
    en: 'converts non-linearly',
  },
  absent: {
    sv: 'saknas i vårdprogrammets tabell',
    da: 'mangler i forløbets tabel',
    en: 'not in the pathway’s table',
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
    note.code === 'mme-no-factor'
      ? NO_FACTOR_BRIEF[note.exclusion?.reason ?? 'absent'][language]
      : note.exclusion === undefined
        ? NO_FACTOR[language](table)
        : EXCLUSION_WORDS[note.exclusion.reason][language](
            table,
            drugName(note.exclusion.drug, language),
          );
  const named = [note.drug, note.atc === undefined ? undefined : `(${note.atc})`]
    .filter((x) => x !== undefined)
    .join(' ');
  const uncertain =
    note.uncertain === undefined
      ? ''
      : UNCERTAIN_WORDS[note.uncertain.reason][language](
          named === '' ? SOME_DRUG[language] : named,
          note.uncertain.detail ?? '',
        );
  return NOTE_WORDS[note.code][language]({
    fact: fact === undefined ? note.fact : describeFact(fact, language),
    drug: `${note.drug ?? UNNAMED_DRUG[language]} (${note.atc ?? ''})`,
    table,
    reason,
    unit: note.unit ?? '',
    expectedUnit: note.expectedUnit ?? '',
    state: STATE_WORDS[note.incomplete === true ? 'incomplete' : 'unknown'][language],
    uncertain,
  });
}
