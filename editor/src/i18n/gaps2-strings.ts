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
  /**
   * The rename dialog's choice to split the patients that apply to this version and others:
   * what happens to each side, before the author confirms.
   */
  splitShared: (count: number, version: string) => string;
  /** A copy made by a rename, listed in the test panel before the save. */
  unsavedCopy: string;
  /** The button that takes such a copy back (its original runs again). */
  discardCopy: (patient: string) => string;
}

/** The words per language. */
export const GAPS2_STRINGS: Record<Gaps2Language, Gaps2Strings> = {
  sv: {
    noMmeLowerBound:
      'ingen MME-faktor i vårdprogrammets tabell: MME-summan blir en nedre gräns (minst)',
    noMmeLeftOut:
      'ingen MME-faktor i den här versionens tabell: läkemedlet räknas inte med i MME-summan',
    splitShared: (n, v) =>
      n === 1
        ? `Dela testpatienten som även gäller andra versioner: version ${v} får en egen kopia, omskriven med det nya namnet; originalet behåller de andra versionerna oförändrat. Inget tas bort, och kopian kan ångras i testpanelen tills du sparar.`
        : `Dela de ${n} testpatienterna som även gäller andra versioner: version ${v} får egna kopior, omskrivna med det nya namnet; originalen behåller de andra versionerna oförändrade. Inget tas bort, och kopiorna kan ångras i testpanelen tills du sparar.`,
    unsavedCopy: 'kopia, sparas med versionen',
    discardCopy: (p) => `Ångra kopian av ${p}`,
  },
  da: {
    noMmeLowerBound:
      'ingen MME-faktor i forløbsprogrammets tabel: MME-summen bliver en nedre grænse (mindst)',
    noMmeLeftOut:
      'ingen MME-faktor i denne versions tabel: lægemidlet tælles ikke med i MME-summen',
    splitShared: (n, v) =>
      n === 1
        ? `Del testpatienten, der også gælder andre versioner: version ${v} får sin egen kopi, omskrevet med det nye navn; originalen beholder de andre versioner uændret. Intet slettes, og kopien kan fortrydes i testpanelet, indtil du gemmer.`
        : `Del de ${n} testpatienter, der også gælder andre versioner: version ${v} får egne kopier, omskrevet med det nye navn; originalerne beholder de andre versioner uændret. Intet slettes, og kopierne kan fortrydes i testpanelet, indtil du gemmer.`,
    unsavedCopy: 'kopi, gemmes med versionen',
    discardCopy: (p) => `Fortryd kopien af ${p}`,
  },
  en: {
    noMmeLowerBound:
      "no MME factor in this pathway's table: the MME sum becomes a lower bound (at least)",
    noMmeLeftOut: "no MME factor in this version's table: the drug is left out of the MME sum",
    splitShared: (n, v) =>
      n === 1
        ? `Split the test patient that also applies to other versions: version ${v} gets its own copy, rewritten with the new name; the original keeps the other versions unchanged. Nothing is deleted, and the copy can be taken back in the test panel until you save.`
        : `Split the ${n} test patients that also apply to other versions: version ${v} gets its own copies, rewritten with the new name; the originals keep the other versions unchanged. Nothing is deleted, and the copies can be taken back in the test panel until you save.`,
    unsavedCopy: 'copy, saved with the version',
    discardCopy: (p) => `Take back the copy of ${p}`,
  },
};
