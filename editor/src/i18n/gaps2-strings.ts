/**
 * The words of the editor's third round of issue-18 gaps, in Swedish, Danish and English: what
 * the MME sum does with a drug that has no factor, test patients split or copied by a rename,
 * and copies not yet saved.
 */

/** Languages these words are written in. */
export type Gaps2Language = 'sv' | 'da' | 'en';

/** Every string of these pieces. */
export interface Gaps2Strings {
  /** A drug an MME fact counts, under a table of the pathway file with no factor for it. */
  noMmeLowerBound: string;
  /** A drug an MME fact counts, under a built-in legacy table that leaves it out. */
  noMmeLeftOut: string;
}

/** The words per language. */
export const GAPS2_STRINGS: Record<Gaps2Language, Gaps2Strings> = {
  sv: {
    noMmeLowerBound:
      'ingen MME-faktor i vårdprogrammets tabell: MME-summan blir en nedre gräns (minst)',
    noMmeLeftOut:
      'ingen MME-faktor i den här versionens tabell: läkemedlet räknas inte med i MME-summan',
  },
  da: {
    noMmeLowerBound:
      'ingen MME-faktor i forløbsprogrammets tabel: MME-summen bliver en nedre grænse (mindst)',
    noMmeLeftOut:
      'ingen MME-faktor i denne versions tabel: lægemidlet tælles ikke med i MME-summen',
  },
  en: {
    noMmeLowerBound:
      "no MME factor in this pathway's table: the MME sum becomes a lower bound (at least)",
    noMmeLeftOut: "no MME factor in this version's table: the drug is left out of the MME sum",
  },
};
