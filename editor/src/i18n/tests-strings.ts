/**
 * The words of the test-patient form, its list and the coverage on the canvas, in Swedish,
 * Danish and English. Fact labels, units, step titles and alert ids come from the pathway.
 */

/** Languages the test panel is written in. */
export type TestsLanguage = 'sv' | 'da' | 'en';

/** Every string of the test-patient form and coverage. */
export interface TestsStrings {
  newPatient: string;
  patientList: string;
  patientName: string;
  description: string;
  evaluationDate: string;
  currentStep: string;
  enteredAt: string;
  entryStepDefault: string;
  facts: string;
  derivedFacts: string;
  derivedHint: string;
  yes: string;
  no: string;
  unknown: string;
  range: (min: string, max: string) => string;
  medications: string;
  atcSearch: string;
  atcResults: string;
  dose: string;
  medicationUnit: string;
  since: string;
  remove: string;
  noMedications: string;
  listUnknown: string;
  enterList: string;
  setUnknown: string;
  enterValues: string;
  expectation: string;
  expectedStep: string;
  chooseStep: string;
  expectedAlerts: string;
  noAlertsDeclared: string;
  useCurrentAnswer: string;
  advancedJson: string;
  savePatient: string;
  discard: string;
  saved: string;
  nameMissing: string;
  stepMissing: string;
  versionUnsaved: (version: string) => string;
  noStepCheck: string;
  noStepCheckCount: (n: number) => string;
  inherited: (version: string) => string;
  copyAsNew: (version: string) => string;
  inheritedNote: (basis: string, version: string) => string;
  unsaved: string;
  coverage: string;
  coverageSummary: (tc: number, tt: number, ac: number, at: number) => string;
  edgeCoverageTitle: (n: number) => string;
  uncoveredEdge: string;
  stepCoverageTitle: (n: number, alerts: string) => string;
  alertCoverage: string;
  neverFired: string;
}

/** The test panel's words per language. */
export const TESTS_STRINGS: Record<TestsLanguage, TestsStrings> = {
  sv: {
    newPatient: 'Ny testpatient',
    patientList: 'Testpatienter',
    patientName: 'Namn',
    description: 'Beskrivning',
    evaluationDate: 'Bedömningsdatum',
    currentStep: 'Nuvarande steg',
    enteredAt: 'I steget sedan',
    entryStepDefault: '(startsteget)',
    facts: 'Uppgifter om patienten',
    derivedFacts: 'Beräknade uppgifter',
    derivedHint: 'räknas fram av motorn',
    yes: 'Ja',
    no: 'Nej',
    unknown: 'Okänt',
    range: (min, max) => `tillåtet ${min}–${max}`,
    medications: 'Läkemedel',
    atcSearch: 'Sök läkemedel (namn eller ATC-kod)',
    atcResults: 'Träffar',
    dose: 'Dos',
    medicationUnit: 'Enhet',
    since: 'Sedan',
    remove: 'Ta bort',
    noMedications: 'Inga läkemedel',
    listUnknown: 'Läkemedelslistan är okänd',
    enterList: 'Ange läkemedelslista',
    setUnknown: 'Gör okänd',
    enterValues: 'Ange värden',
    expectation: 'Förväntat resultat',
    expectedStep: 'Förväntat steg',
    chooseStep: '(välj steg)',
    expectedAlerts: 'Förväntade varningar (exakt dessa)',
    noAlertsDeclared: 'Versionen har inga varningar',
    useCurrentAnswer: 'Använd nuvarande svar som förväntat',
    advancedJson: 'Avancerat: JSON',
    savePatient: 'Spara testpatient',
    discard: 'Släng ändringar',
    saved: 'Testpatienten sparades',
    nameMissing: 'Ge patienten ett namn',
    stepMissing: 'Välj förväntat steg',
    versionUnsaved: (v) =>
      `Spara version ${v} först: en testpatient kan bara gälla en sparad version`,
    noStepCheck: 'kontrollerar inte steget',
    noStepCheckCount: (n) => `${n} kontrollerar inte steget`,
    inherited: (v) => `ärvd från ${v}`,
    copyAsNew: (v) => `Kopiera till ny testpatient för ${v}`,
    inheritedNote: (b, v) =>
      `Patienten är ärvd från ${b}: att spara den skulle ändra testet av ${b}. Kopiera den för ${v}.`,
    unsaved: 'ej sparad',
    coverage: 'Täckning på kartan',
    coverageSummary: (tc, tt, ac, at) => `Övergångar ${tc}/${tt}, varningar ${ac}/${at}`,
    edgeCoverageTitle: (n) => `${n} godkända testpatienter tar övergången`,
    uncoveredEdge: 'Ingen godkänd testpatient tar övergången',
    stepCoverageTitle: (n, a) =>
      `${n} godkända testpatienter slutar här${a === '' ? '' : `; varningar: ${a}`}`,
    alertCoverage: 'Varningar som testas',
    neverFired: 'aldrig utlöst',
  },
  da: {
    newPatient: 'Ny testpatient',
    patientList: 'Testpatienter',
    patientName: 'Navn',
    description: 'Beskrivelse',
    evaluationDate: 'Vurderingsdato',
    currentStep: 'Nuværende trin',
    enteredAt: 'I trinnet siden',
    entryStepDefault: '(starttrinnet)',
    facts: 'Oplysninger om patienten',
    derivedFacts: 'Beregnede oplysninger',
    derivedHint: 'beregnes af motoren',
    yes: 'Ja',
    no: 'Nej',
    unknown: 'Ukendt',
    range: (min, max) => `tilladt ${min}–${max}`,
    medications: 'Lægemidler',
    atcSearch: 'Søg lægemiddel (navn eller ATC-kode)',
    atcResults: 'Resultater',
    dose: 'Dosis',
    medicationUnit: 'Enhed',
    since: 'Siden',
    remove: 'Fjern',
    noMedications: 'Ingen lægemidler',
    listUnknown: 'Medicinlisten er ukendt',
    enterList: 'Angiv medicinliste',
    setUnknown: 'Sæt til ukendt',
    enterValues: 'Angiv værdier',
    expectation: 'Forventet resultat',
    expectedStep: 'Forventet trin',
    chooseStep: '(vælg trin)',
    expectedAlerts: 'Forventede advarsler (præcis disse)',
    noAlertsDeclared: 'Versionen har ingen advarsler',
    useCurrentAnswer: 'Brug det nuværende svar som forventet',
    advancedJson: 'Avanceret: JSON',
    savePatient: 'Gem testpatient',
    discard: 'Kassér ændringer',
    saved: 'Testpatienten blev gemt',
    nameMissing: 'Giv patienten et navn',
    stepMissing: 'Vælg forventet trin',
    versionUnsaved: (v) => `Gem version ${v} først: en testpatient kan kun gælde en gemt version`,
    noStepCheck: 'kontrollerer ikke trinnet',
    noStepCheckCount: (n) => `${n} kontrollerer ikke trinnet`,
    inherited: (v) => `arvet fra ${v}`,
    copyAsNew: (v) => `Kopiér til ny testpatient for ${v}`,
    inheritedNote: (b, v) =>
      `Patienten er arvet fra ${b}: at gemme den ville ændre testen af ${b}. Kopiér den til ${v}.`,
    unsaved: 'ikke gemt',
    coverage: 'Dækning på kortet',
    coverageSummary: (tc, tt, ac, at) => `Overgange ${tc}/${tt}, advarsler ${ac}/${at}`,
    edgeCoverageTitle: (n) => `${n} beståede testpatienter tager overgangen`,
    uncoveredEdge: 'Ingen bestået testpatient tager overgangen',
    stepCoverageTitle: (n, a) =>
      `${n} beståede testpatienter ender her${a === '' ? '' : `; advarsler: ${a}`}`,
    alertCoverage: 'Advarsler der testes',
    neverFired: 'aldrig udløst',
  },
  en: {
    newPatient: 'New test patient',
    patientList: 'Test patients',
    patientName: 'Name',
    description: 'Description',
    evaluationDate: 'Evaluation date',
    currentStep: 'Current step',
    enteredAt: 'In the step since',
    entryStepDefault: '(the entry step)',
    facts: 'Patient facts',
    derivedFacts: 'Derived facts',
    derivedHint: 'computed by the engine',
    yes: 'Yes',
    no: 'No',
    unknown: 'Unknown',
    range: (min, max) => `allowed ${min}–${max}`,
    medications: 'Medications',
    atcSearch: 'Search medication (name or ATC code)',
    atcResults: 'Matches',
    dose: 'Dose',
    medicationUnit: 'Unit',
    since: 'Since',
    remove: 'Remove',
    noMedications: 'No medications',
    listUnknown: 'The medication list is unknown',
    enterList: 'Enter the medication list',
    setUnknown: 'Set to unknown',
    enterValues: 'Enter values',
    expectation: 'Expected result',
    expectedStep: 'Expected step',
    chooseStep: '(choose a step)',
    expectedAlerts: 'Expected alerts (exactly these)',
    noAlertsDeclared: 'This version has no alerts',
    useCurrentAnswer: 'Use the current answer as expected',
    advancedJson: 'Advanced: JSON',
    savePatient: 'Save test patient',
    discard: 'Discard changes',
    saved: 'Test patient saved',
    nameMissing: 'Give the patient a name',
    stepMissing: 'Choose the expected step',
    versionUnsaved: (v) => `Save version ${v} first: a test patient can only name a saved version`,
    noStepCheck: 'does not check the step',
    noStepCheckCount: (n) => `${n} do not check the step`,
    inherited: (v) => `inherited from ${v}`,
    copyAsNew: (v) => `Copy to a new test patient for ${v}`,
    inheritedNote: (b, v) =>
      `This patient is inherited from ${b}: saving it would change the test of ${b}. Copy it for ${v}.`,
    unsaved: 'not saved',
    coverage: 'Coverage on the canvas',
    coverageSummary: (tc, tt, ac, at) => `Transitions ${tc}/${tt}, alerts ${ac}/${at}`,
    edgeCoverageTitle: (n) => `${n} passing test patients take this transition`,
    uncoveredEdge: 'No passing test patient takes this transition',
    stepCoverageTitle: (n, a) =>
      `${n} passing test patients end here${a === '' ? '' : `; alerts: ${a}`}`,
    alertCoverage: 'Alerts tested',
    neverFired: 'never fired',
  },
};
