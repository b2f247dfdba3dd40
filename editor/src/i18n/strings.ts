/**
 * The editor's own words in Swedish and English. Pathway texts come from the pathway in
 * the same language; these are the buttons, headings and messages around them.
 */
import type { Fact, Level, Operator } from '../../../engine/editor';
import type { CohortProblem } from '../model/cohort';
import type { DiffMark } from '../model/compare';
import type { AddProblem } from '../store/dictionary';

type SourceKind = NonNullable<Fact['source']>['kind'];

/** Languages the editor's interface is written in. */
export type UiLanguage = 'sv' | 'en';

/** Every string of the interface. */
export interface Strings {
  appTitle: string;
  pathways: string;
  open: string;
  loading: string;
  noPathwayOpen: string;
  language: string;
  save: string;
  saving: string;
  saved: string;
  unsaved: string;
  undo: string;
  redo: string;
  newVersion: string;
  autoLayout: string;
  addStep: string;
  newStepTitle: string;
  newTransitionReason: string;
  frozenBanner: (status: string) => string;
  draftBanner: string;
  newDraftBanner: string;
  restoredBanner: string;
  discardLocal: string;
  changedOnDisk: string;
  reloadFromDisk: string;
  saveFailed: (message: string) => string;
  leaveWarning: string;
  anyStep: string;
  entry: string;
  levels: Record<Level, string>;
  step: string;
  stepId: string;
  rename: string;
  deleteStep: string;
  level: string;
  title: string;
  description: string;
  actions: string;
  addAction: string;
  followUps: string;
  addFollowUp: string;
  followUpAt: string;
  measures: string;
  transitions: string;
  addTransition: string;
  target: string;
  reason: string;
  condition: string;
  moveUp: string;
  moveDown: string;
  remove: string;
  transitionFrom: (step: string, order: number) => string;
  globalTransition: (order: number) => string;
  formView: string;
  jsonView: string;
  all: string;
  any: string;
  not: string;
  groupAll: string;
  groupAny: string;
  groupNot: string;
  addRule: string;
  addGroup: string;
  addNamed: string;
  compareWithFact: string;
  named: string;
  namedConditions: string;
  alerts: string;
  severity: string;
  message: string;
  facts: string;
  factType: string;
  unit: string;
  range: string;
  label: string;
  operators: Record<Operator, string>;
  yes: string;
  no: string;
  invalidJson: string;
  loadingEditor: string;
  problems: string;
  noProblems: string;
  tests: string;
  runAll: string;
  run: string;
  passed: string;
  failed: string;
  notRun: string;
  summary: (passed: number, failed: number) => string;
  inheritedFrom: (version: string) => string;
  finalStep: string;
  status: string;
  path: string;
  missingFacts: string;
  explanation: string;
  patientFacts: string;
  currentStep: string;
  asOf: string;
  resetFacts: string;
  saveAsScenario: string;
  scenarioName: string;
  scenarioSaved: string;
  failures: string;
  cannotEvaluate: string;
  noScenarios: string;
  none: string;
  pathwaySettings: string;
  shortcuts: string;
  readOnly: string;
  clearHighlight: string;
  compareWith: string;
  closeCompare: string;
  compareBanner: (older: string, newer: string) => string;
  changes: string;
  olderVersion: string;
  newerVersion: string;
  diffMarks: Record<DiffMark, string>;
  miniMap: string;
  loadCohort: string;
  clearCohort: string;
  cohortAllCentres: string;
  cohortCentre: string;
  cohortSummary: (file: string, patients: number, asOf: string) => string;
  cohortProblem: (problem: CohortProblem) => string;
  cohortStepTitle: (atStep: number, visited: number, percent: string) => string;
  cohortEdgeTitle: (patients: number, percent: string) => string;
  add: string;
  addFact: string;
  addNamedCondition: string;
  addAlert: string;
  name: string;
  alertId: string;
  nameProblems: Record<AddProblem, string>;
  removeFact: string;
  removeNamedCondition: string;
  removeAlert: string;
  values: string;
  source: string;
  noSource: string;
  sourceKinds: Record<SourceKind, string>;
  newAlertMessage: string;
  severities: Record<'critical' | 'warning' | 'info', string>;
}

const LEVELS_SV: Record<Level, string> = {
  'primary-care': 'Primärvård',
  'specialist-care': 'Specialistvård',
  other: 'Annan vård',
  exit: 'Avslut',
};
const LEVELS_EN: Record<Level, string> = {
  'primary-care': 'Primary care',
  'specialist-care': 'Specialist care',
  other: 'Other care',
  exit: 'Exit',
};

export const STRINGS: Record<UiLanguage, Strings> = {
  sv: {
    appTitle: 'Vårdprogramseditor',
    pathways: 'Vårdprogram',
    open: 'Öppna',
    loading: 'Laddar …',
    noPathwayOpen: 'Välj ett vårdprogram och en version i listan.',
    language: 'Språk',
    save: 'Spara',
    saving: 'Sparar …',
    saved: 'Sparat',
    unsaved: 'Osparade ändringar',
    undo: 'Ångra',
    redo: 'Gör om',
    newVersion: 'Ny version',
    autoLayout: 'Automatisk layout',
    addStep: 'Nytt steg',
    newStepTitle: 'Nytt steg',
    newTransitionReason: 'Ny övergång',
    frozenBanner: (s) =>
      `Denna version är ${s === 'active' ? 'aktiv' : 'pensionerad'} och låst: den kan inte ändras. Skapa en ny version för att göra ändringar.`,
    draftBanner: 'Utkast',
    newDraftBanner: 'Nytt utkast: ännu inte sparat på disk.',
    restoredBanner: 'Osparade ändringar från förra sessionen har återställts.',
    discardLocal: 'Släng lokala ändringar',
    changedOnDisk:
      'Filen har ändrats på disk sedan du öppnade den. Dina ändringar är inte sparade.',
    reloadFromDisk: 'Läs in från disk',
    saveFailed: (m) => `Kunde inte spara: ${m}`,
    leaveWarning: 'Du har osparade ändringar.',
    anyStep: 'Från vilket steg som helst',
    entry: 'Start',
    levels: LEVELS_SV,
    step: 'Steg',
    stepId: 'Stegets id',
    rename: 'Byt namn',
    deleteStep: 'Ta bort steget',
    level: 'Vårdnivå',
    title: 'Rubrik',
    description: 'Beskrivning',
    actions: 'Åtgärder',
    addAction: 'Lägg till åtgärd',
    followUps: 'Uppföljningar',
    addFollowUp: 'Lägg till uppföljning',
    followUpAt: 'Efter (veckor)',
    measures: 'Mått',
    transitions: 'Övergångar (den första som gäller tas)',
    addTransition: 'Lägg till övergång',
    target: 'Till steg',
    reason: 'Motivering',
    condition: 'Villkor',
    moveUp: 'Flytta upp',
    moveDown: 'Flytta ned',
    remove: 'Ta bort',
    transitionFrom: (s, n) => `Övergång ${n} från ${s}`,
    globalTransition: (n) => `Global övergång ${n}`,
    formView: 'Formulär',
    jsonView: 'JSON',
    all: 'alla',
    any: 'något',
    not: 'inte',
    groupAll: 'Alla av följande gäller',
    groupAny: 'Minst ett av följande gäller',
    groupNot: 'Följande gäller inte',
    addRule: '+ Regel',
    addGroup: '+ Grupp',
    addNamed: '+ Namngivet villkor',
    compareWithFact: 'jämför med uppgift',
    named: 'Namngivet villkor',
    namedConditions: 'Namngivna villkor',
    alerts: 'Varningar',
    severity: 'Allvarlighet',
    message: 'Meddelande',
    facts: 'Uppgifter (faktalexikon)',
    factType: 'Typ',
    unit: 'Enhet',
    range: 'Intervall',
    label: 'Benämning',
    operators: {
      equal: 'är lika med',
      notEqual: 'är inte lika med',
      lessThan: 'är mindre än',
      lessThanInclusive: 'är högst',
      greaterThan: 'är större än',
      greaterThanInclusive: 'är minst',
      in: 'är något av',
      notIn: 'är inget av',
      contains: 'innehåller',
      doesNotContain: 'innehåller inte',
      notEmpty: 'har minst en uppgift',
    },
    yes: 'ja',
    no: 'nej',
    invalidJson: 'Ogiltigt villkor – ändringen är inte tillämpad',
    loadingEditor: 'Laddar JSON-editorn …',
    problems: 'Problem',
    noProblems: 'Inga problem.',
    tests: 'Testpatienter',
    runAll: 'Kör alla',
    run: 'Kör',
    passed: 'godkänd',
    failed: 'underkänd',
    notRun: 'ej körd',
    summary: (p, f) => `${p} godkända, ${f} underkända`,
    inheritedFrom: (v) => `förväntningar från ${v}`,
    finalStep: 'Slutsteg',
    status: 'Status',
    path: 'Väg',
    missingFacts: 'Saknade uppgifter',
    explanation: 'Förklaring',
    patientFacts: 'Patientens uppgifter (JSON)',
    currentStep: 'Nuvarande steg',
    asOf: 'Datum',
    resetFacts: 'Återställ',
    saveAsScenario: 'Spara som ny testpatient',
    scenarioName: 'Namn på testpatienten',
    scenarioSaved: 'Testpatienten sparades',
    failures: 'Avvikelser',
    cannotEvaluate: 'Vårdprogrammet kan inte utvärderas',
    noScenarios: 'Inga testpatienter för denna version.',
    none: 'inga',
    pathwaySettings: 'Vårdprogrammet',
    shortcuts:
      'Kortkommandon: Delete tar bort, Ctrl+Z ångrar, Ctrl+Shift+Z / Ctrl+Y gör om, Ctrl+S sparar',
    readOnly: 'Skrivskyddad',
    clearHighlight: 'Rensa markering',
    compareWith: 'Jämför med …',
    closeCompare: 'Stäng jämförelsen',
    compareBanner: (o, n) =>
      `Jämförelse ${o} → ${n}: kartan visar ${n}, skrivskyddad, med ändringarna markerade.`,
    changes: 'Ändringar',
    olderVersion: 'Äldre version',
    newerVersion: 'Nyare version',
    diffMarks: { added: 'ny', removed: 'borttagen', changed: 'ändrad' },
    miniMap: 'Visa eller dölj översiktskartan',
    loadCohort: 'Läs in kohortresultat …',
    clearCohort: 'Ta bort kohortsiffrorna',
    cohortAllCentres: 'Alla vårdcentraler',
    cohortCentre: 'Vårdcentral',
    cohortSummary: (f, n, d) => `${f}: ${n.toLocaleString('sv')} patienter per ${d}`,
    cohortProblem: (p) =>
      p.kind === 'not-json'
        ? `Filen är inte JSON (${p.message}).`
        : p.kind === 'shape'
          ? `Filen är inte en cohort.json: fältet ${p.field} är fel (${p.message}).`
          : `Kohorten gäller ett annat vårdprogram: fältet ${p.field} är ${p.found}, det öppna är ${p.expected}.`,
    cohortStepTitle: (n, v, pct) =>
      `${n.toLocaleString('sv')} patienter står här (${pct} av kohorten); ${v.toLocaleString('sv')} har passerat`,
    cohortEdgeTitle: (n, pct) =>
      `${n.toLocaleString('sv')} patienter gick denna väg (${pct} av kohorten)`,
    add: 'Lägg till',
    addFact: 'Ny uppgift',
    addNamedCondition: 'Nytt namngivet villkor',
    addAlert: 'Ny varning',
    name: 'Namn',
    alertId: 'Id',
    nameProblems: {
      empty: 'Ange ett namn.',
      invalid:
        'Ogiltigt namn (uppgifter och villkor: camelCase, varningar: små-ord-med-bindestreck).',
      duplicate: 'Namnet finns redan.',
      'read-only': 'Versionen är skrivskyddad.',
    },
    removeFact: 'Ta bort uppgiften',
    removeNamedCondition: 'Ta bort villkoret',
    removeAlert: 'Ta bort varningen',
    values: 'Tillåtna värden (kommaseparerade)',
    source: 'Källa',
    noSource: '(ingen angiven)',
    sourceKinds: {
      instrument: 'skattningsinstrument',
      register: 'register',
      'medication-list': 'läkemedelslista',
      record: 'journal',
      clinician: 'behandlare',
      patient: 'patienten',
      derived: 'härledd',
    },
    newAlertMessage: 'Ny varning',
    severities: { critical: 'kritisk', warning: 'varning', info: 'information' },
  },
  en: {
    appTitle: 'Pathway editor',
    pathways: 'Pathways',
    open: 'Open',
    loading: 'Loading …',
    noPathwayOpen: 'Pick a pathway and a version from the list.',
    language: 'Language',
    save: 'Save',
    saving: 'Saving …',
    saved: 'Saved',
    unsaved: 'Unsaved changes',
    undo: 'Undo',
    redo: 'Redo',
    newVersion: 'New version',
    autoLayout: 'Auto layout',
    addStep: 'New step',
    newStepTitle: 'New step',
    newTransitionReason: 'New transition',
    frozenBanner: (s) =>
      `This version is ${s} and frozen: it cannot be changed. Create a new version to make changes.`,
    draftBanner: 'Draft',
    newDraftBanner: 'New draft: not saved to disk yet.',
    restoredBanner: 'Unsaved changes from your last session were restored.',
    discardLocal: 'Discard local changes',
    changedOnDisk: 'The file changed on disk since you opened it. Your changes are not saved.',
    reloadFromDisk: 'Reload from disk',
    saveFailed: (m) => `Could not save: ${m}`,
    leaveWarning: 'You have unsaved changes.',
    anyStep: 'From any step',
    entry: 'Entry',
    levels: LEVELS_EN,
    step: 'Step',
    stepId: 'Step id',
    rename: 'Rename',
    deleteStep: 'Delete step',
    level: 'Level of care',
    title: 'Title',
    description: 'Description',
    actions: 'Actions',
    addAction: 'Add action',
    followUps: 'Follow-ups',
    addFollowUp: 'Add follow-up',
    followUpAt: 'After (weeks)',
    measures: 'Measures',
    transitions: 'Transitions (the first that holds is taken)',
    addTransition: 'Add transition',
    target: 'To step',
    reason: 'Reason',
    condition: 'Condition',
    moveUp: 'Move up',
    moveDown: 'Move down',
    remove: 'Remove',
    transitionFrom: (s, n) => `Transition ${n} from ${s}`,
    globalTransition: (n) => `Global transition ${n}`,
    formView: 'Form',
    jsonView: 'JSON',
    all: 'all',
    any: 'any',
    not: 'not',
    groupAll: 'All of these hold',
    groupAny: 'At least one of these holds',
    groupNot: 'This does not hold',
    addRule: '+ Rule',
    addGroup: '+ Group',
    addNamed: '+ Named condition',
    compareWithFact: 'compare with fact',
    named: 'Named condition',
    namedConditions: 'Named conditions',
    alerts: 'Alerts',
    severity: 'Severity',
    message: 'Message',
    facts: 'Facts (dictionary)',
    factType: 'Type',
    unit: 'Unit',
    range: 'Range',
    label: 'Label',
    operators: {
      equal: 'equals',
      notEqual: 'does not equal',
      lessThan: 'is less than',
      lessThanInclusive: 'is at most',
      greaterThan: 'is greater than',
      greaterThanInclusive: 'is at least',
      in: 'is one of',
      notIn: 'is none of',
      contains: 'contains',
      doesNotContain: 'does not contain',
      notEmpty: 'has an entry',
    },
    yes: 'yes',
    no: 'no',
    invalidJson: 'Invalid condition – the change is not applied',
    loadingEditor: 'Loading the JSON editor …',
    problems: 'Problems',
    noProblems: 'No problems.',
    tests: 'Test patients',
    runAll: 'Run all',
    run: 'Run',
    passed: 'pass',
    failed: 'fail',
    notRun: 'not run',
    summary: (p, f) => `${p} passed, ${f} failed`,
    inheritedFrom: (v) => `expectations from ${v}`,
    finalStep: 'Final step',
    status: 'Status',
    path: 'Path',
    missingFacts: 'Missing facts',
    explanation: 'Explanation',
    patientFacts: 'Patient facts (JSON)',
    currentStep: 'Current step',
    asOf: 'Date',
    resetFacts: 'Reset',
    saveAsScenario: 'Save as new test patient',
    scenarioName: 'Test patient name',
    scenarioSaved: 'Test patient saved',
    failures: 'Differences',
    cannotEvaluate: 'The pathway cannot be evaluated',
    noScenarios: 'No test patients for this version.',
    none: 'none',
    pathwaySettings: 'Pathway',
    shortcuts:
      'Shortcuts: Delete removes, Ctrl+Z undoes, Ctrl+Shift+Z / Ctrl+Y redoes, Ctrl+S saves',
    readOnly: 'Read-only',
    clearHighlight: 'Clear highlight',
    compareWith: 'Compare with …',
    closeCompare: 'Close comparison',
    compareBanner: (o, n) =>
      `Comparing ${o} → ${n}: the canvas shows ${n}, read-only, with the changes marked.`,
    changes: 'Changes',
    olderVersion: 'Older version',
    newerVersion: 'Newer version',
    diffMarks: { added: 'new', removed: 'removed', changed: 'changed' },
    miniMap: 'Show or hide the overview map',
    loadCohort: 'Load cohort result …',
    clearCohort: 'Clear cohort counts',
    cohortAllCentres: 'All health centres',
    cohortCentre: 'Health centre',
    cohortSummary: (f, n, d) => `${f}: ${n.toLocaleString('en')} patients on ${d}`,
    cohortProblem: (p) =>
      p.kind === 'not-json'
        ? `The file is not JSON (${p.message}).`
        : p.kind === 'shape'
          ? `The file is not a cohort.json: field ${p.field} is wrong (${p.message}).`
          : `The cohort is of another pathway: field ${p.field} is ${p.found}, the open one is ${p.expected}.`,
    cohortStepTitle: (n, v, pct) =>
      `${n.toLocaleString('en')} patients are at this step (${pct} of the cohort); ${v.toLocaleString('en')} passed through`,
    cohortEdgeTitle: (n, pct) =>
      `${n.toLocaleString('en')} patients took this transition (${pct} of the cohort)`,
    add: 'Add',
    addFact: 'New fact',
    addNamedCondition: 'New named condition',
    addAlert: 'New alert',
    name: 'Name',
    alertId: 'Id',
    nameProblems: {
      empty: 'Give a name.',
      invalid:
        'Invalid name (facts and conditions: camelCase; alerts: lower-case-words-with-hyphens).',
      duplicate: 'That name is taken.',
      'read-only': 'This version is read-only.',
    },
    removeFact: 'Remove fact',
    removeNamedCondition: 'Remove condition',
    removeAlert: 'Remove alert',
    values: 'Allowed values (comma-separated)',
    source: 'Source',
    noSource: '(not given)',
    sourceKinds: {
      instrument: 'rating instrument',
      register: 'register',
      'medication-list': 'medication list',
      record: 'health record',
      clinician: 'clinician',
      patient: 'patient',
      derived: 'derived',
    },
    newAlertMessage: 'New alert',
    severities: { critical: 'critical', warning: 'warning', info: 'information' },
  },
};
