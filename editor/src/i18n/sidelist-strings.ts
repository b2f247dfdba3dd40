/**
 * The words of the follow-up forms, the alerts and follow-ups side list, the search (Ctrl+K),
 * and the exports (canvas as SVG/PNG, the printable page), in Swedish, Danish and English.
 * Pathway texts come from the pathway; level, severity and status names from `strings.ts`.
 */
import type { UiLanguage } from './strings';

/** A follow-up schedule unit, as the file writes it. */
type Unit = 'days' | 'weeks' | 'months';

/** A follow-up condition, as the file names it. */
type ConditionField = 'appliesWhen' | 'dueWhen' | 'overdueWhen';

/** A kind of thing the search finds. */
export type SearchKind = 'step' | 'fact' | 'alert' | 'named' | 'follow-up';

/** Every string of this slice of the interface. */
export interface SidelistStrings {
  // Follow-up forms.
  pathwayFollowUps: string;
  followUpId: string;
  timing: string;
  timingNone: string;
  amount: string;
  unit: string;
  units: Record<Unit, string>;
  afterEntry: string;
  windowDays: string;
  conditionFields: Record<ConditionField, string>;
  conditionHelp: Record<ConditionField, string>;
  addCondition: (field: string) => string;
  removeCondition: (field: string) => string;
  removeFollowUp: string;
  addPathwayFollowUp: string;
  newFollowUpTitle: string;
  noMeasures: string;
  /** "after 6 weeks" */
  timingText: (amount: number, unit: Unit) => string;
  conditionBased: string;
  // Side list.
  sideList: string;
  showSideList: string;
  hideSideList: string;
  alerts: string;
  wholePathway: string;
  perStep: string;
  /** Before a step an alert is about: "→ in step Specialist assessment". */
  inStep: string;
  none: string;
  // Search.
  search: string;
  searchButton: string;
  searchLabel: string;
  searchResults: string;
  noMatches: string;
  matches: (n: number) => string;
  searchHint: string;
  kinds: Record<SearchKind, string>;
  // Export.
  exportSvg: string;
  exportPng: string;
  printable: string;
  print: string;
  close: string;
  exportFailed: (message: string) => string;
  // The printable page.
  version: string;
  status: string;
  effective: (from: string, to: string | undefined) => string;
  entryStep: string;
  steps: string;
  level: string;
  actions: string;
  followUps: string;
  measures: string;
  movesOn: string;
  firstThatHolds: string;
  fromAnyStep: string;
  to: (target: string) => string;
  when: string;
  reason: string;
  namedConditions: string;
  facts: string;
  references: string;
  canvas: string;
  printedOn: (date: string) => string;
  noReferences: string;
}

const UNIT_WORDS: Record<UiLanguage, Record<Unit, string>> = {
  sv: { days: 'dagar', weeks: 'veckor', months: 'månader' },
  da: { days: 'dage', weeks: 'uger', months: 'måneder' },
  en: { days: 'days', weeks: 'weeks', months: 'months' },
};

/** The slice's words per language. */
export const SIDELIST_STRINGS: Record<UiLanguage, SidelistStrings> = {
  sv: {
    pathwayFollowUps: 'Uppföljningar för hela vårdprogrammet',
    followUpId: 'Uppföljningens id',
    timing: 'Tidpunkt',
    timingNone: 'ingen tidpunkt (bara villkor)',
    amount: 'Antal',
    unit: 'Enhet',
    units: UNIT_WORDS.sv,
    afterEntry: 'räknat från inträdet i steget',
    windowDays: 'Fönster runt tidpunkten (± dagar, standard 14)',
    conditionFields: {
      appliesWhen: 'Gäller när',
      dueWhen: 'Aktuell när',
      overdueWhen: 'Försenad när',
    },
    conditionHelp: {
      appliesWhen: 'Uppföljningen visas bara för patienter där villkoret är uppfyllt.',
      dueWhen: 'Uppföljningen är aktuell när villkoret är uppfyllt.',
      overdueWhen: 'Uppföljningen är försenad när villkoret är uppfyllt.',
    },
    addCondition: (field) => `Lägg till villkor: ${field}`,
    removeCondition: (field) => `Ta bort villkoret ${field}`,
    removeFollowUp: 'Ta bort uppföljningen',
    addPathwayFollowUp: 'Lägg till uppföljning för hela vårdprogrammet',
    newFollowUpTitle: 'Uppföljning',
    noMeasures: 'Vårdprogrammet har inga mått att följa upp.',
    timingText: (n, unit) => `efter ${n} ${UNIT_WORDS.sv[unit]}`,
    conditionBased: 'villkorsstyrd',
    sideList: 'Larm och uppföljningar',
    showSideList: 'Visa larm och uppföljningar',
    hideSideList: 'Dölj larm och uppföljningar',
    alerts: 'Larm',
    wholePathway: 'Uppföljningar, hela vårdprogrammet',
    perStep: 'Uppföljningar per steg',
    inStep: '→ i steget',
    none: 'Inga',
    search: 'Sök',
    searchButton: 'Sök (Ctrl+K)',
    searchLabel: 'Sök steg, fakta, larm, namngivna villkor och uppföljningar',
    searchResults: 'Sökträffar',
    noMatches: 'Inga träffar',
    matches: (n) => (n === 1 ? '1 träff' : `${n} träffar`),
    searchHint: '↑ ↓ väljer, Enter öppnar, Esc stänger',
    kinds: {
      step: 'Steg',
      fact: 'Faktauppgift',
      alert: 'Larm',
      named: 'Namngivet villkor',
      'follow-up': 'Uppföljning',
    },
    exportSvg: 'Spara arbetsytan som SVG',
    exportPng: 'Spara arbetsytan som PNG',
    printable: 'Utskriftssida (PDF)',
    print: 'Skriv ut eller spara som PDF',
    close: 'Stäng',
    exportFailed: (m) => `Exporten misslyckades: ${m}`,
    version: 'Version',
    status: 'Status',
    effective: (from, to) => (to === undefined ? `Gäller från ${from}` : `Gäller ${from} – ${to}`),
    entryStep: 'Första steg',
    steps: 'Stegen i ordning',
    level: 'Vårdnivå',
    actions: 'Åtgärder',
    followUps: 'Uppföljningar',
    measures: 'Mått',
    movesOn: 'Går vidare',
    firstThatHolds: 'Den första regel som är uppfylld gäller.',
    fromAnyStep: 'Från vilket steg som helst',
    to: (target) => `till ${target}`,
    when: 'när',
    reason: 'Skäl',
    namedConditions: 'Namngivna villkor',
    facts: 'Faktauppgifter',
    references: 'Källor',
    canvas: 'Vårdprogrammet som flödesschema',
    printedOn: (date) => `Utskriven ${date}`,
    noReferences: 'Inga källor angivna.',
  },
  da: {
    pathwayFollowUps: 'Opfølgninger for hele forløbsprogrammet',
    followUpId: 'Opfølgningens id',
    timing: 'Tidspunkt',
    timingNone: 'intet tidspunkt (kun betingelser)',
    amount: 'Antal',
    unit: 'Enhed',
    units: UNIT_WORDS.da,
    afterEntry: 'regnet fra starten i trinnet',
    windowDays: 'Vindue omkring tidspunktet (± dage, standard 14)',
    conditionFields: {
      appliesWhen: 'Gælder når',
      dueWhen: 'Aktuel når',
      overdueWhen: 'Forsinket når',
    },
    conditionHelp: {
      appliesWhen: 'Opfølgningen vises kun for patienter, hvor betingelsen er opfyldt.',
      dueWhen: 'Opfølgningen er aktuel, når betingelsen er opfyldt.',
      overdueWhen: 'Opfølgningen er forsinket, når betingelsen er opfyldt.',
    },
    addCondition: (field) => `Tilføj betingelse: ${field}`,
    removeCondition: (field) => `Fjern betingelsen ${field}`,
    removeFollowUp: 'Fjern opfølgningen',
    addPathwayFollowUp: 'Tilføj opfølgning for hele forløbsprogrammet',
    newFollowUpTitle: 'Opfølgning',
    noMeasures: 'Forløbsprogrammet har ingen målinger at følge op på.',
    timingText: (n, unit) => `efter ${n} ${UNIT_WORDS.da[unit]}`,
    conditionBased: 'betingelsesstyret',
    sideList: 'Alarmer og opfølgninger',
    showSideList: 'Vis alarmer og opfølgninger',
    hideSideList: 'Skjul alarmer og opfølgninger',
    alerts: 'Alarmer',
    wholePathway: 'Opfølgninger, hele forløbsprogrammet',
    perStep: 'Opfølgninger pr. trin',
    inStep: '→ i trinnet',
    none: 'Ingen',
    search: 'Søg',
    searchButton: 'Søg (Ctrl+K)',
    searchLabel: 'Søg i trin, fakta, alarmer, navngivne betingelser og opfølgninger',
    searchResults: 'Søgeresultater',
    noMatches: 'Ingen resultater',
    matches: (n) => (n === 1 ? '1 resultat' : `${n} resultater`),
    searchHint: '↑ ↓ vælger, Enter åbner, Esc lukker',
    kinds: {
      step: 'Trin',
      fact: 'Oplysning',
      alert: 'Alarm',
      named: 'Navngiven betingelse',
      'follow-up': 'Opfølgning',
    },
    exportSvg: 'Gem lærredet som SVG',
    exportPng: 'Gem lærredet som PNG',
    printable: 'Side til udskrift (PDF)',
    print: 'Udskriv eller gem som PDF',
    close: 'Luk',
    exportFailed: (m) => `Eksporten mislykkedes: ${m}`,
    version: 'Udgave',
    status: 'Tilstand',
    effective: (from, to) => (to === undefined ? `Gælder fra ${from}` : `Gælder ${from} – ${to}`),
    entryStep: 'Første trin',
    steps: 'Trinene i rækkefølge',
    level: 'Sektor',
    actions: 'Handlinger',
    followUps: 'Opfølgninger',
    measures: 'Målinger',
    movesOn: 'Går videre',
    firstThatHolds: 'Den første regel, der er opfyldt, gælder.',
    fromAnyStep: 'Fra et vilkårligt trin',
    to: (target) => `til ${target}`,
    when: 'når',
    reason: 'Begrundelse',
    namedConditions: 'Navngivne betingelser',
    facts: 'Oplysninger',
    references: 'Kilder',
    canvas: 'Forløbsprogrammet som rutediagram',
    printedOn: (date) => `Udskrevet ${date}`,
    noReferences: 'Ingen kilder angivet.',
  },
  en: {
    pathwayFollowUps: 'Follow-ups for the whole pathway',
    followUpId: 'Follow-up id',
    timing: 'Timing',
    timingNone: 'no schedule (conditions only)',
    amount: 'Amount',
    unit: 'Unit',
    units: UNIT_WORDS.en,
    afterEntry: 'counted from entering the step',
    windowDays: 'Window around the time (± days, default 14)',
    conditionFields: {
      appliesWhen: 'Applies when',
      dueWhen: 'Due when',
      overdueWhen: 'Overdue when',
    },
    conditionHelp: {
      appliesWhen: 'The follow-up is listed only for patients who meet the condition.',
      dueWhen: 'The follow-up is due when the condition holds.',
      overdueWhen: 'The follow-up is overdue when the condition holds.',
    },
    addCondition: (field) => `Add condition: ${field}`,
    removeCondition: (field) => `Remove the condition ${field}`,
    removeFollowUp: 'Remove the follow-up',
    addPathwayFollowUp: 'Add a follow-up for the whole pathway',
    newFollowUpTitle: 'Follow-up',
    noMeasures: 'The pathway has no measures to follow up.',
    timingText: (n, unit) => `after ${n} ${UNIT_WORDS.en[unit]}`,
    conditionBased: 'condition-based',
    sideList: 'Alerts and follow-ups',
    showSideList: 'Show alerts and follow-ups',
    hideSideList: 'Hide alerts and follow-ups',
    alerts: 'Alerts',
    wholePathway: 'Follow-ups, whole pathway',
    perStep: 'Follow-ups per step',
    inStep: '→ in step',
    none: 'None',
    search: 'Search',
    searchButton: 'Search (Ctrl+K)',
    searchLabel: 'Search steps, facts, alerts, named conditions and follow-ups',
    searchResults: 'Search results',
    noMatches: 'No matches',
    matches: (n) => (n === 1 ? '1 match' : `${n} matches`),
    searchHint: '↑ ↓ choose, Enter opens, Esc closes',
    kinds: {
      step: 'Step',
      fact: 'Fact',
      alert: 'Alert',
      named: 'Named condition',
      'follow-up': 'Follow-up',
    },
    exportSvg: 'Save the canvas as SVG',
    exportPng: 'Save the canvas as PNG',
    printable: 'Printable page (PDF)',
    print: 'Print or save as PDF',
    close: 'Close',
    exportFailed: (m) => `The export failed: ${m}`,
    version: 'Version',
    status: 'Status',
    effective: (from, to) =>
      to === undefined ? `In effect from ${from}` : `In effect ${from} – ${to}`,
    entryStep: 'Entry step',
    steps: 'The steps in order',
    level: 'Level of care',
    actions: 'Actions',
    followUps: 'Follow-ups',
    measures: 'Measures',
    movesOn: 'Moves on',
    firstThatHolds: 'The first rule that holds is taken.',
    fromAnyStep: 'From any step',
    to: (target) => `to ${target}`,
    when: 'when',
    reason: 'Reason',
    namedConditions: 'Named conditions',
    facts: 'Facts',
    references: 'References',
    canvas: 'The pathway as a flow chart',
    printedOn: (date) => `Printed ${date}`,
    noReferences: 'No references given.',
  },
};

/** The slice's words in the interface language. */
export function sidelistStrings(language: UiLanguage): SidelistStrings {
  return SIDELIST_STRINGS[language];
}
