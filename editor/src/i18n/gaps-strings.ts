/**
 * The words of the editor's remaining issue-18 pieces, in Swedish, Danish and English: the
 * medication search over the terminology table, named-condition labels and what a rename
 * does to the test patients.
 */

/** Languages these words are written in. */
export type GapsLanguage = 'sv' | 'da' | 'en';

/** Every string of these pieces. */
export interface GapsStrings {
  /** The search field over the pathway's drugs and the terminology table. */
  medicationSearch: string;
  /** A drug whose ATC code is in no drug class of the pathway. */
  noDrugClass: string;
  /** A match found through one of its RxNorm or SNOMED CT codes. */
  matchedCode: (system: string, code: string) => string;
  /** The table could not be loaded: only the pathway's own drugs are searched. */
  termsUnavailable: (reason: string) => string;
  /** The label field of a named condition. */
  conditionLabel: string;
  /** Test patients the rename rewrites (they apply to this version only). */
  scenariosRewritten: (count: number) => string;
  /** Test patients shared with other versions, which a rename does not change. */
  scenariosShared: (count: number) => string;
  /** The rename dialog's choice to copy the inherited patients for the draft. */
  copyShared: (count: number, version: string) => string;
}

const codeSystem = (system: string): string =>
  system.includes('rxnorm') ? 'RxNorm' : system.includes('snomed') ? 'SNOMED CT' : system;

/** The words per language. */
export const GAPS_STRINGS: Record<GapsLanguage, GapsStrings> = {
  sv: {
    medicationSearch: 'Sök läkemedel (namn, klass, ATC-, RxNorm- eller SNOMED-kod)',
    noDrugClass: 'ingår inte i någon läkemedelsklass i vårdprogrammet',
    matchedCode: (system, code) => `${codeSystem(system)} ${code}`,
    termsUnavailable: (reason) =>
      `Terminologitabellen kunde inte läsas (${reason}); sökningen omfattar bara vårdprogrammets läkemedel.`,
    conditionLabel: 'Benämning',
    scenariosRewritten: (n) =>
      n === 1
        ? '1 testpatient gäller bara den här versionen och skrivs om med det nya namnet när du sparar:'
        : `${n} testpatienter gäller bara den här versionen och skrivs om med det nya namnet när du sparar:`,
    scenariosShared: (n) =>
      n === 1
        ? '1 testpatient delas med andra versioner och ändras inte (kopiera den till den här versionen i testpanelen):'
        : `${n} testpatienter delas med andra versioner och ändras inte (kopiera dem till den här versionen i testpanelen):`,
    copyShared: (n, v) =>
      n === 1
        ? `Kopiera den ärvda testpatienten till version ${v} (kopian skrivs om med det nya namnet när du sparar; originalet ändras inte)`
        : `Kopiera de ${n} ärvda testpatienterna till version ${v} (kopiorna skrivs om med det nya namnet när du sparar; originalen ändras inte)`,
  },
  da: {
    medicationSearch: 'Søg lægemiddel (navn, klasse, ATC-, RxNorm- eller SNOMED-kode)',
    noDrugClass: 'indgår ikke i nogen lægemiddelklasse i forløbsprogrammet',
    matchedCode: (system, code) => `${codeSystem(system)} ${code}`,
    termsUnavailable: (reason) =>
      `Terminologitabellen kunne ikke læses (${reason}); søgningen omfatter kun forløbsprogrammets lægemidler.`,
    conditionLabel: 'Betegnelse',
    scenariosRewritten: (n) =>
      n === 1
        ? '1 testpatient gælder kun denne version og omskrives med det nye navn, når du gemmer:'
        : `${n} testpatienter gælder kun denne version og omskrives med det nye navn, når du gemmer:`,
    scenariosShared: (n) =>
      n === 1
        ? '1 testpatient deles med andre versioner og ændres ikke (kopiér den til denne version i testpanelet):'
        : `${n} testpatienter deles med andre versioner og ændres ikke (kopiér dem til denne version i testpanelet):`,
    copyShared: (n, v) =>
      n === 1
        ? `Kopiér den arvede testpatient til version ${v} (kopien omskrives med det nye navn, når du gemmer; originalen ændres ikke)`
        : `Kopiér de ${n} arvede testpatienter til version ${v} (kopierne omskrives med det nye navn, når du gemmer; originalerne ændres ikke)`,
  },
  en: {
    medicationSearch: 'Search medication (name, class, ATC, RxNorm or SNOMED code)',
    noDrugClass: 'in no drug class of this pathway',
    matchedCode: (system, code) => `${codeSystem(system)} ${code}`,
    termsUnavailable: (reason) =>
      `The terminology table could not be read (${reason}); the search covers the pathway's own drugs only.`,
    conditionLabel: 'Label',
    scenariosRewritten: (n) =>
      n === 1
        ? '1 test patient applies to this version only and is rewritten with the new name when you save:'
        : `${n} test patients apply to this version only and are rewritten with the new name when you save:`,
    scenariosShared: (n) =>
      n === 1
        ? '1 test patient is shared with other versions and is not changed (copy it to this version in the test panel):'
        : `${n} test patients are shared with other versions and are not changed (copy them to this version in the test panel):`,
    copyShared: (n, v) =>
      n === 1
        ? `Copy the inherited test patient to version ${v} (the copy is rewritten with the new name when you save; the original is not changed)`
        : `Copy the ${n} inherited test patients to version ${v} (the copies are rewritten with the new name when you save; the originals are not changed)`,
  },
};
