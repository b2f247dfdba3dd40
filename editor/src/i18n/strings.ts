/**
 * The editor's own words in Swedish, Danish and English. Pathway texts come from the pathway
 * in the same language; these are the buttons, headings and messages around them, and the
 * names of statuses, severities, fact types and lint rules the interface shows.
 */
import { LOGIC_STRINGS } from './logic-strings';
import type { AriaLabelConfig } from '@xyflow/react';
import type { Fact, Level, Operator } from '../../../engine/editor';
import type { LintIssue } from '../../../engine/index';
import type { CohortProblem } from '../model/cohort';
import type { DiffMark } from '../model/compare';
import type { AddProblem } from '../store/dictionary';

type SourceKind = NonNullable<Fact['source']>['kind'];

/** Languages the editor's interface is written in. */
export type UiLanguage = 'sv' | 'da' | 'en';

/** The interface languages, in the order the language menu lists them. */
export const UI_LANGUAGES: readonly UiLanguage[] = ['sv', 'da', 'en'];

/** Each language's name in itself, for the language menu. */
export const UI_LANGUAGE_NAMES: Readonly<Record<UiLanguage, string>> = {
  sv: 'Svenska',
  da: 'Dansk',
  en: 'English',
};

/** Whether `value` names an interface language (a stored choice may be stale or foreign). */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** A version status in the interface language; an unknown or empty status as it is. */
export function statusName(t: Strings, status: string): string {
  return status in t.statuses ? t.statuses[status as keyof Strings['statuses']] : status;
}

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
  currentStep: string;
  asOf: string;
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
  /** A version's status badge. */
  statuses: Record<'draft' | 'active' | 'retired', string>;
  /** An evaluation's status (ScenarioDetails). */
  resultStatuses: Record<'settled' | 'needs-information', string>;
  /** A problem's severity badge. */
  problemSeverities: Record<'error' | 'warning', string>;
  /** What each lint rule finds, in one line; the engine's detailed message is shown on hover. */
  lintRules: Record<LintIssue['rule'], string>;
  /** What a schema problem is, in one line (the detail from the schema is shown on hover). */
  schemaProblem: string;
  /** The accessible name of a condition's fact menu. */
  fact: string;
  /** The accessible name of a condition's operator menu. */
  operator: string;
  factTypes: Record<Fact['type'], string>;
  /** React Flow's own words (keyboard help, zoom buttons, minimap) in the interface language. */
  canvasAria: Partial<AriaLabelConfig>;
  /** What a screen reader calls a node on the canvas (aria-roledescription). */
  stepRole: string;
  /** What a screen reader calls an edge on the canvas (aria-roledescription). */
  transitionRole: string;
  /** A step's accessible name: title, level, and what its badges show. */
  stepAria: (title: string, level: string, details: StepAriaDetails) => string;
  /** A transition's accessible name: order, from, to and condition in words. */
  transitionAria: (order: number, from: string, to: string, condition: string) => string;
  /** A global transition's accessible name. */
  globalTransitionAria: (order: number, to: string, condition: string) => string;
  /** The alert badge of a step: alerts whose condition names this step. */
  stepAlerts: (count: number) => string;
  /** The canvas note of alerts that concern every step. */
  pathwayAlerts: (count: number) => string;
  /** The toolbar's overflow menu. */
  moreTools: string;
  /** The canvas keyboard help, shown under the canvas. */
  canvasKeys: string;
}

/** What a step node shows beside its title, for its accessible name. */
export interface StepAriaDetails {
  entry: boolean;
  problems: number;
  alerts: number;
  /** Position in the highlighted walk (1 = start), or null. */
  visit: number | null;
}

const LEVELS_SV: Record<Level, string> = {
  'primary-care': 'Primärvård',
  'specialist-care': 'Specialistvård',
  other: 'Annan vård',
  exit: 'Avslut',
};
const LEVELS_DA: Record<Level, string> = {
  'primary-care': 'Almen praksis',
  'specialist-care': 'Specialiseret behandling',
  other: 'Anden behandling',
  exit: 'Afslutning',
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
    currentStep: 'Nuvarande steg',
    asOf: 'Datum',
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
    statuses: { draft: 'utkast', active: 'aktiv', retired: 'pensionerad' },
    resultStatuses: { settled: 'avgjort', 'needs-information': 'behöver uppgifter' },
    problemSeverities: { error: 'fel', warning: 'varning' },
    lintRules: {
      ...LOGIC_STRINGS.sv.lintRules,
      'duplicate-id': 'Samma id används två gånger.',
      'effective-dates': 'Slutdatumet ligger inte efter startdatumet.',
      'unknown-step': 'Hänvisar till ett steg som inte finns.',
      'unknown-fact': 'Hänvisar till en uppgift som inte finns i faktalexikonet.',
      'unknown-condition': 'Hänvisar till ett namngivet villkor som inte finns.',
      'condition-cycle': 'Namngivna villkor hänvisar till varandra i en cirkel.',
      'operator-type': 'Operatorn passar inte uppgiftens typ.',
      'threshold-out-of-range': 'Gränsvärdet ligger utanför uppgiftens intervall.',
      'derived-fact': 'Den härledda uppgiften är felaktigt definierad.',
      'unreachable-step': 'Steget kan inte nås från start.',
      'dead-end-step': 'Steget har ingen väg vidare och är inget avslut.',
      'exit-step-transitions': 'Ett avslutssteg har övergångar som aldrig tas.',
      'missing-text': 'En text saknas på ett av vårdprogrammets språk.',
      'alert-template': 'Varningens meddelande har en platshållare som inte är en uppgift.',
      'unknown-reference': 'Hänvisar till en källa som inte finns i referenslistan.',
      'unknown-measure': 'Hänvisar till ett mått som inte finns.',
      'unused-fact': 'Uppgiften används inte.',
      'unused-condition': 'Det namngivna villkoret används inte.',
      'message-threshold': 'Texten nämner ett annat gränsvärde än villkoret använder.',
      'unsatisfiable-condition': 'Villkoret kan aldrig vara uppfyllt.',
      'different-ids': 'Versionerna har olika id.',
      'duplicate-version': 'Samma versionsnummer finns två gånger.',
      'overlapping-versions': 'Två versioner gäller samma dag.',
      'effective-gap': 'Det finns dagar då ingen version gäller.',
      'version-order': 'En senare version har ett lägre versionsnummer.',
      'multiple-active': 'Mer än en version är aktiv.',
      'open-ended-retired': 'En pensionerad version saknar slutdatum.',
    },
    schemaProblem: 'Bryter mot filformatet.',
    fact: 'Uppgift',
    operator: 'Jämförelse',
    factTypes: {
      integer: 'heltal',
      number: 'tal',
      boolean: 'ja/nej',
      string: 'text',
      'string[]': 'lista av texter',
      date: 'datum',
      medications: 'läkemedelslista',
    },
    canvasAria: {
      'node.a11yDescription.default':
        'Enter eller mellanslag öppnar steget, Esc stänger. Piltangenterna flyttar ett valt steg.',
      'node.a11yDescription.keyboardDisabled':
        'Enter eller mellanslag öppnar steget, Esc stänger. Piltangenterna flyttar ett valt steg.',
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        `Steget flyttat ${({ up: 'uppåt', down: 'nedåt', left: 'åt vänster', right: 'åt höger' } as Record<string, string>)[direction] ?? direction}. Ny position x ${x}, y ${y}`,
      'edge.a11yDescription.default': 'Enter eller mellanslag öppnar övergången, Esc stänger.',
      'controls.ariaLabel': 'Kartans knappar',
      'controls.zoomIn.ariaLabel': 'Zooma in',
      'controls.zoomOut.ariaLabel': 'Zooma ut',
      'controls.fitView.ariaLabel': 'Visa hela vårdprogrammet',
      'controls.interactive.ariaLabel': 'Lås eller lås upp kartan',
      'minimap.ariaLabel': 'Översiktskarta',
      'handle.ariaLabel': 'Anslutningspunkt',
    },
    stepRole: 'steg',
    transitionRole: 'övergång',
    stepAria: (title, level, d) =>
      [
        title,
        level,
        d.entry ? 'start' : '',
        d.visit === null ? '' : `steg ${d.visit} i vägen`,
        d.problems > 0 ? `${d.problems} problem` : '',
        d.alerts > 0 ? `${d.alerts} ${d.alerts === 1 ? 'varning' : 'varningar'}` : '',
      ]
        .filter((part) => part !== '')
        .join(', '),
    transitionAria: (n, from, to, c) => `Övergång ${n} från ${from} till ${to}: ${c}`,
    globalTransitionAria: (n, to, c) => `Global övergång ${n} till ${to}: ${c}`,
    stepAlerts: (n) => `${n} ${n === 1 ? 'varning gäller' : 'varningar gäller'} detta steg`,
    pathwayAlerts: (n) => `${n} ${n === 1 ? 'varning gäller' : 'varningar gäller'} alla steg`,
    moreTools: 'Mer',
    canvasKeys: 'Tabb går mellan steg och övergångar, Enter öppnar, Esc stänger',
  },
  da: {
    appTitle: 'Forløbsprogrameditor',
    pathways: 'Forløbsprogrammer',
    open: 'Åbn',
    loading: 'Indlæser …',
    noPathwayOpen: 'Vælg et forløbsprogram og en version på listen.',
    language: 'Sprog',
    save: 'Gem',
    saving: 'Gemmer …',
    saved: 'Gemt',
    unsaved: 'Ændringer, der ikke er gemt',
    undo: 'Fortryd',
    redo: 'Gentag',
    newVersion: 'Ny version',
    autoLayout: 'Automatisk layout',
    addStep: 'Nyt trin',
    newStepTitle: 'Nyt trin',
    newTransitionReason: 'Ny overgang',
    frozenBanner: (s) =>
      `Denne version er ${s === 'active' ? 'aktiv' : 'udgået'} og låst: den kan ikke ændres. Opret en ny version for at foretage ændringer.`,
    draftBanner: 'Kladde',
    newDraftBanner: 'Ny kladde: endnu ikke gemt på disken.',
    restoredBanner: 'Ændringer, der ikke blev gemt i sidste session, er gendannet.',
    discardLocal: 'Kassér lokale ændringer',
    changedOnDisk: 'Filen er ændret på disken, siden du åbnede den. Dine ændringer er ikke gemt.',
    reloadFromDisk: 'Indlæs fra disken',
    saveFailed: (m) => `Kunne ikke gemme: ${m}`,
    leaveWarning: 'Du har ændringer, der ikke er gemt.',
    anyStep: 'Fra et vilkårligt trin',
    entry: 'Start',
    levels: LEVELS_DA,
    step: 'Trin',
    stepId: 'Trinnets id',
    rename: 'Omdøb',
    deleteStep: 'Slet trinnet',
    level: 'Behandlingsniveau',
    title: 'Overskrift',
    description: 'Beskrivelse',
    actions: 'Handlinger',
    addAction: 'Tilføj handling',
    followUps: 'Opfølgninger',
    addFollowUp: 'Tilføj opfølgning',
    measures: 'Målinger',
    transitions: 'Overgange (den første, der gælder, vælges)',
    addTransition: 'Tilføj overgang',
    target: 'Til trin',
    reason: 'Begrundelse',
    condition: 'Betingelse',
    moveUp: 'Flyt op',
    moveDown: 'Flyt ned',
    remove: 'Fjern',
    transitionFrom: (s, n) => `Overgang ${n} fra ${s}`,
    globalTransition: (n) => `Global overgang ${n}`,
    formView: 'Formular',
    jsonView: 'JSON',
    all: 'alle',
    any: 'mindst én',
    not: 'ikke',
    groupAll: 'Alle følgende gælder',
    groupAny: 'Mindst én af følgende gælder',
    groupNot: 'Følgende gælder ikke',
    addRule: '+ Regel',
    addGroup: '+ Gruppe',
    addNamed: '+ Navngiven betingelse',
    compareWithFact: 'sammenlign med oplysning',
    named: 'Navngiven betingelse',
    namedConditions: 'Navngivne betingelser',
    alerts: 'Advarsler',
    severity: 'Alvorlighed',
    message: 'Meddelelse',
    facts: 'Oplysninger (faktaleksikon)',
    factType: 'Type',
    unit: 'Enhed',
    range: 'Interval',
    label: 'Betegnelse',
    operators: {
      equal: 'er lig med',
      notEqual: 'er ikke lig med',
      lessThan: 'er mindre end',
      lessThanInclusive: 'er højst',
      greaterThan: 'er større end',
      greaterThanInclusive: 'er mindst',
      in: 'er en af',
      notIn: 'er ingen af',
      contains: 'indeholder',
      doesNotContain: 'indeholder ikke',
      notEmpty: 'har mindst én oplysning',
    },
    yes: 'ja',
    no: 'nej',
    invalidJson: 'Ugyldig betingelse – ændringen er ikke anvendt',
    loadingEditor: 'Indlæser JSON-editoren …',
    problems: 'Problemer',
    noProblems: 'Ingen problemer.',
    tests: 'Testpatienter',
    runAll: 'Kør alle',
    run: 'Kør',
    passed: 'bestået',
    failed: 'ikke bestået',
    notRun: 'ikke kørt',
    summary: (p, f) => `${p} bestået, ${f} ikke bestået`,
    inheritedFrom: (v) => `forventninger fra ${v}`,
    finalStep: 'Sluttrin',
    status: 'Status',
    path: 'Forløb',
    missingFacts: 'Manglende oplysninger',
    explanation: 'Forklaring',
    currentStep: 'Nuværende trin',
    asOf: 'Dato',
    failures: 'Afvigelser',
    cannotEvaluate: 'Forløbsprogrammet kan ikke evalueres',
    noScenarios: 'Ingen testpatienter til denne version.',
    none: 'ingen',
    pathwaySettings: 'Forløbsprogrammet',
    shortcuts:
      'Genveje: Delete sletter, Ctrl+Z fortryder, Ctrl+Shift+Z / Ctrl+Y gentager, Ctrl+S gemmer',
    readOnly: 'Skrivebeskyttet',
    clearHighlight: 'Ryd markering',
    compareWith: 'Sammenlign med …',
    closeCompare: 'Luk sammenligningen',
    compareBanner: (o, n) =>
      `Sammenligning ${o} → ${n}: kortet viser ${n}, skrivebeskyttet, med ændringerne markeret.`,
    changes: 'Ændringer',
    olderVersion: 'Ældre version',
    newerVersion: 'Nyere version',
    diffMarks: { added: 'ny', removed: 'fjernet', changed: 'ændret' },
    miniMap: 'Vis eller skjul oversigtskortet',
    loadCohort: 'Indlæs kohorteresultat …',
    clearCohort: 'Fjern kohortetallene',
    cohortAllCentres: 'Alle lægepraksisser',
    cohortCentre: 'Lægepraksis',
    cohortSummary: (f, n, d) => `${f}: ${n.toLocaleString('da')} patienter pr. ${d}`,
    cohortProblem: (p) =>
      p.kind === 'not-json'
        ? `Filen er ikke JSON (${p.message}).`
        : p.kind === 'shape'
          ? `Filen er ikke en cohort.json: feltet ${p.field} er forkert (${p.message}).`
          : `Kohorten hører til et andet forløbsprogram: feltet ${p.field} er ${p.found}, det åbne er ${p.expected}.`,
    cohortStepTitle: (n, v, pct) =>
      `${n.toLocaleString('da')} patienter står her (${pct} af kohorten); ${v.toLocaleString('da')} er passeret`,
    cohortEdgeTitle: (n, pct) =>
      `${n.toLocaleString('da')} patienter gik denne vej (${pct} af kohorten)`,
    add: 'Tilføj',
    addFact: 'Ny oplysning',
    addNamedCondition: 'Ny navngiven betingelse',
    addAlert: 'Ny advarsel',
    name: 'Navn',
    alertId: 'Id',
    nameProblems: {
      empty: 'Angiv et navn.',
      invalid:
        'Ugyldigt navn (oplysninger og betingelser: camelCase, advarsler: små-ord-med-bindestreg).',
      duplicate: 'Navnet findes allerede.',
      'read-only': 'Versionen er skrivebeskyttet.',
    },
    removeFact: 'Fjern oplysningen',
    removeNamedCondition: 'Fjern betingelsen',
    removeAlert: 'Fjern advarslen',
    values: 'Tilladte værdier (kommaseparerede)',
    source: 'Kilde',
    noSource: '(ikke angivet)',
    sourceKinds: {
      instrument: 'måleinstrument',
      register: 'register',
      'medication-list': 'medicinliste',
      record: 'journal',
      clinician: 'behandler',
      patient: 'patienten',
      derived: 'afledt',
    },
    newAlertMessage: 'Ny advarsel',
    severities: { critical: 'kritisk', warning: 'advarsel', info: 'information' },
    statuses: { draft: 'kladde', active: 'aktiv', retired: 'udgået' },
    resultStatuses: { settled: 'afgjort', 'needs-information': 'mangler oplysninger' },
    problemSeverities: { error: 'fejl', warning: 'advarsel' },
    lintRules: {
      ...LOGIC_STRINGS.da.lintRules,
      'duplicate-id': 'Samme id bruges to gange.',
      'effective-dates': 'Slutdatoen ligger ikke efter startdatoen.',
      'unknown-step': 'Henviser til et trin, der ikke findes.',
      'unknown-fact': 'Henviser til en oplysning, der ikke findes i faktaleksikonet.',
      'unknown-condition': 'Henviser til en navngiven betingelse, der ikke findes.',
      'condition-cycle': 'Navngivne betingelser henviser til hinanden i ring.',
      'operator-type': 'Sammenligningen passer ikke til oplysningens type.',
      'threshold-out-of-range': 'Grænseværdien ligger uden for oplysningens interval.',
      'derived-fact': 'Den afledte oplysning er defineret forkert.',
      'unreachable-step': 'Trinnet kan ikke nås fra start.',
      'dead-end-step': 'Trinnet fører ingen steder hen og er ikke en afslutning.',
      'exit-step-transitions': 'Et afslutningstrin har overgange, der aldrig bruges.',
      'missing-text': 'En tekst mangler på et af forløbsprogrammets sprog.',
      'alert-template': 'Advarslens meddelelse har en pladsholder, der ikke er en oplysning.',
      'unknown-reference': 'Henviser til en kilde, der ikke findes i referencelisten.',
      'unknown-measure': 'Henviser til en måling, der ikke findes.',
      'unused-fact': 'Oplysningen bruges ikke.',
      'unused-condition': 'Den navngivne betingelse bruges ikke.',
      'message-threshold': 'Teksten nævner en anden grænseværdi end den, betingelsen bruger.',
      'unsatisfiable-condition': 'Betingelsen kan aldrig være opfyldt.',
      'different-ids': 'Versionerne har forskellige id.',
      'duplicate-version': 'Samme versionsnummer findes to gange.',
      'overlapping-versions': 'To versioner gælder samme dag.',
      'effective-gap': 'Der er dage, hvor ingen version gælder.',
      'version-order': 'En senere version har et lavere versionsnummer.',
      'multiple-active': 'Mere end én version er aktiv.',
      'open-ended-retired': 'En udgået version mangler slutdato.',
    },
    schemaProblem: 'Overholder ikke filformatet.',
    fact: 'Oplysning',
    operator: 'Sammenligning',
    factTypes: {
      integer: 'heltal',
      number: 'tal',
      boolean: 'ja/nej',
      string: 'tekst',
      'string[]': 'liste af tekster',
      date: 'dato',
      medications: 'medicinliste',
    },
    canvasAria: {
      'node.a11yDescription.default':
        'Enter eller mellemrum åbner trinnet, Esc lukker. Piletasterne flytter et valgt trin.',
      'node.a11yDescription.keyboardDisabled':
        'Enter eller mellemrum åbner trinnet, Esc lukker. Piletasterne flytter et valgt trin.',
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        `Trinnet er flyttet ${({ up: 'op', down: 'ned', left: 'til venstre', right: 'til højre' } as Record<string, string>)[direction] ?? direction}. Ny position x ${x}, y ${y}`,
      'edge.a11yDescription.default': 'Enter eller mellemrum åbner overgangen, Esc lukker.',
      'controls.ariaLabel': 'Kortets knapper',
      'controls.zoomIn.ariaLabel': 'Zoom ind',
      'controls.zoomOut.ariaLabel': 'Zoom ud',
      'controls.fitView.ariaLabel': 'Vis hele forløbsprogrammet',
      'controls.interactive.ariaLabel': 'Lås eller lås kortet op',
      'minimap.ariaLabel': 'Oversigtskort',
      'handle.ariaLabel': 'Forbindelsespunkt',
    },
    stepRole: 'trin',
    transitionRole: 'overgang',
    stepAria: (title, level, d) =>
      [
        title,
        level,
        d.entry ? 'start' : '',
        d.visit === null ? '' : `trin ${d.visit} i forløbet`,
        d.problems > 0 ? `${d.problems} ${d.problems === 1 ? 'problem' : 'problemer'}` : '',
        d.alerts > 0 ? `${d.alerts} ${d.alerts === 1 ? 'advarsel' : 'advarsler'}` : '',
      ]
        .filter((part) => part !== '')
        .join(', '),
    transitionAria: (n, from, to, c) => `Overgang ${n} fra ${from} til ${to}: ${c}`,
    globalTransitionAria: (n, to, c) => `Global overgang ${n} til ${to}: ${c}`,
    stepAlerts: (n) => `${n} ${n === 1 ? 'advarsel gælder' : 'advarsler gælder'} dette trin`,
    pathwayAlerts: (n) => `${n} ${n === 1 ? 'advarsel gælder' : 'advarsler gælder'} alle trin`,
    moreTools: 'Mere',
    canvasKeys: 'Tab går mellem trin og overgange, Enter åbner, Esc lukker',
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
    currentStep: 'Current step',
    asOf: 'Date',
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
    statuses: { draft: 'draft', active: 'active', retired: 'retired' },
    resultStatuses: { settled: 'settled', 'needs-information': 'needs information' },
    problemSeverities: { error: 'error', warning: 'warning' },
    lintRules: {
      ...LOGIC_STRINGS.en.lintRules,
      'duplicate-id': 'The same id is used twice.',
      'effective-dates': 'The end date is not after the start date.',
      'unknown-step': 'Refers to a step that does not exist.',
      'unknown-fact': 'Refers to a fact that is not in the dictionary.',
      'unknown-condition': 'Refers to a named condition that does not exist.',
      'condition-cycle': 'Named conditions refer to each other in a circle.',
      'operator-type': "The operator does not suit the fact's type.",
      'threshold-out-of-range': "The threshold lies outside the fact's range.",
      'derived-fact': 'The derived fact is defined wrongly.',
      'unreachable-step': 'The step cannot be reached from the entry.',
      'dead-end-step': 'The step leads nowhere and is not an exit.',
      'exit-step-transitions': 'An exit step has transitions that are never taken.',
      'missing-text': "A text is missing in one of the pathway's languages.",
      'alert-template': "The alert's message has a placeholder that is not a fact.",
      'unknown-reference': "Cites a source that is not in the pathway's reference list.",
      'unknown-measure': 'Refers to a measure that does not exist.',
      'unused-fact': 'The fact is not used.',
      'unused-condition': 'The named condition is not used.',
      'message-threshold': 'The text names another threshold than its condition uses.',
      'unsatisfiable-condition': 'The condition can never hold.',
      'different-ids': 'The versions have different ids.',
      'duplicate-version': 'The same version number appears twice.',
      'overlapping-versions': 'Two versions are in effect on the same day.',
      'effective-gap': 'There are days when no version is in effect.',
      'version-order': 'A later version has a lower version number.',
      'multiple-active': 'More than one version is active.',
      'open-ended-retired': 'A retired version has no end date.',
    },
    schemaProblem: 'Breaks the file format.',
    fact: 'Fact',
    operator: 'Operator',
    factTypes: {
      integer: 'integer',
      number: 'number',
      boolean: 'yes/no',
      string: 'text',
      'string[]': 'list of texts',
      date: 'date',
      medications: 'medication list',
    },
    canvasAria: {
      'node.a11yDescription.default':
        'Enter or Space opens the step, Escape closes it. Arrow keys move a selected step.',
      'node.a11yDescription.keyboardDisabled':
        'Enter or Space opens the step, Escape closes it. Arrow keys move a selected step.',
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        `Moved the step ${direction}. New position x ${x}, y ${y}`,
      'edge.a11yDescription.default': 'Enter or Space opens the transition, Escape closes it.',
      'controls.ariaLabel': 'Map controls',
      'controls.zoomIn.ariaLabel': 'Zoom in',
      'controls.zoomOut.ariaLabel': 'Zoom out',
      'controls.fitView.ariaLabel': 'Show the whole pathway',
      'controls.interactive.ariaLabel': 'Lock or unlock the map',
      'minimap.ariaLabel': 'Overview map',
      'handle.ariaLabel': 'Connection point',
    },
    stepRole: 'step',
    transitionRole: 'transition',
    stepAria: (title, level, d) =>
      [
        title,
        level,
        d.entry ? 'entry' : '',
        d.visit === null ? '' : `step ${d.visit} of the walk`,
        d.problems > 0 ? `${d.problems} ${d.problems === 1 ? 'problem' : 'problems'}` : '',
        d.alerts > 0 ? `${d.alerts} ${d.alerts === 1 ? 'alert' : 'alerts'}` : '',
      ]
        .filter((part) => part !== '')
        .join(', '),
    transitionAria: (n, from, to, c) => `Transition ${n} from ${from} to ${to}: ${c}`,
    globalTransitionAria: (n, to, c) => `Global transition ${n} to ${to}: ${c}`,
    stepAlerts: (n) => `${n} ${n === 1 ? 'alert concerns' : 'alerts concern'} this step`,
    pathwayAlerts: (n) => `${n} ${n === 1 ? 'alert concerns' : 'alerts concern'} every step`,
    moreTools: 'More',
    canvasKeys: 'Tab moves between steps and transitions, Enter opens, Escape closes',
  },
};
