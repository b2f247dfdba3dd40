/**
 * The words of logic checks, safe defaults, deleting a step and renaming, in Swedish, Danish
 * and English: the names of the new lint rules, the "not written yet" badge, the delete-step
 * dialog and the rename dialog with its "used in" list.
 */
import type { ConditionOwner, NameUse } from '../../../engine/editor';
import type { NamedKind, NameProblem } from '../model/dictionary';

/** Languages these strings are written in. */
export type LogicLanguage = 'sv' | 'da' | 'en';

/** The lint rules this slice adds, by code. */
export type LogicRule = 'never-true-condition' | 'always-true-condition' | 'incomplete-condition';

/** Every string of this slice. */
export interface LogicStrings {
  lintRules: Record<LogicRule, string>;
  /** Badge on a condition still at its never-true default. */
  incomplete: string;
  incompleteHint: string;
  /** Replaces the default with a first comparison to edit. */
  writeCondition: string;
  kinds: Record<NamedKind, string>;
  renameButton: string;
  renameTitle: (kind: NamedKind, name: string) => string;
  newName: string;
  usedIn: (count: number) => string;
  usedNowhere: string;
  /** Test patients naming it: listed, not rewritten. */
  use: (use: NameUse) => string;
  confirmRename: string;
  cancel: string;
  nameProblems: Record<NameProblem, string>;
  deleteStepTitle: (id: string) => string;
  deleteStepAlsoChanges: string;
  deleteStepNothingElse: string;
  transitionRemoved: (from: string, to: string) => string;
  globalTransitionRemoved: (to: string) => string;
  newEntry: (id: string) => string;
  noStepLeft: string;
  followUpRemoved: (id: string) => string;
  indicatorNames: (id: string) => string;
  confirmDelete: string;
  measureActions: (id: string) => string;
}

function owner(o: ConditionOwner, lang: LogicLanguage): string {
  const w = OWNER_WORDS[lang];
  switch (o.kind) {
    case 'named-condition':
      return `${w.named} ${o.name}`;
    case 'global-transition':
      return w.global(o.to);
    case 'transition':
      return w.transition(o.stepId, o.to);
    case 'alert':
      return `${w.alert} ${o.id}`;
    case 'follow-up':
      return `${w.followUp} ${o.id}`;
    case 'indicator':
      return `${w.indicator} ${o.id}`;
  }
}

const OWNER_WORDS: Record<
  LogicLanguage,
  {
    named: string;
    global: (to: string) => string;
    transition: (from: string, to: string) => string;
    alert: string;
    followUp: string;
    indicator: string;
    message: (id: string, lang: string) => string;
    measure: string;
    derived: string;
    caseMix: string;
  }
> = {
  sv: {
    named: 'namngivet villkor',
    global: (to) => `övergång från alla steg till ${to}`,
    transition: (from, to) => `övergång ${from} → ${to}`,
    alert: 'varning',
    followUp: 'uppföljning',
    indicator: 'indikator',
    message: (id, lang) => `meddelandet i varning ${id} (${lang})`,
    measure: 'mått',
    derived: 'härledd uppgift',
    caseMix: 'standardisering (case mix)',
  },
  da: {
    named: 'navngiven betingelse',
    global: (to) => `overgang fra alle trin til ${to}`,
    transition: (from, to) => `overgang ${from} → ${to}`,
    alert: 'advarsel',
    followUp: 'opfølgning',
    indicator: 'indikator',
    message: (id, lang) => `meddelelsen i advarsel ${id} (${lang})`,
    measure: 'måling',
    derived: 'afledt oplysning',
    caseMix: 'standardisering (case mix)',
  },
  en: {
    named: 'named condition',
    global: (to) => `transition from any step to ${to}`,
    transition: (from, to) => `transition ${from} → ${to}`,
    alert: 'alert',
    followUp: 'follow-up',
    indicator: 'indicator',
    message: (id, lang) => `the message of alert ${id} (${lang})`,
    measure: 'measure',
    derived: 'derived fact',
    caseMix: 'standardisation (case mix)',
  },
};

function useText(use: NameUse, lang: LogicLanguage): string {
  const w = OWNER_WORDS[lang];
  switch (use.kind) {
    case 'condition':
      return owner(use.owner, lang);
    case 'message':
      return w.message(use.alertId, String(use.path[use.path.length - 1] ?? ''));
    case 'measure':
      return `${w.measure} ${use.measureId}`;
    case 'derived':
      return `${w.derived} ${use.factName}`;
    case 'case-mix':
      return w.caseMix;
    case 'follow-up':
      return use.stepId === undefined
        ? `${w.followUp} ${use.followUpId}`
        : `${w.followUp} ${use.followUpId} (${use.stepId})`;
  }
}

/** This slice's words per language. */
export const LOGIC_STRINGS: Record<LogicLanguage, LogicStrings> = {
  sv: {
    lintRules: {
      'never-true-condition': 'Villkoret är aldrig sant, oavsett patientens uppgifter.',
      'always-true-condition': 'Villkoret är alltid sant när uppgiften är känd.',
      'incomplete-condition': 'Villkoret är inte skrivet ännu och är aldrig sant.',
    },
    incomplete: 'Inte skrivet ännu',
    incompleteHint:
      'Villkoret är aldrig sant tills du skriver det, så det ändrar inget för någon patient.',
    writeCondition: 'Skriv villkoret',
    kinds: { fact: 'uppgiften', condition: 'villkoret', alert: 'varningen', measure: 'måttet' },
    renameButton: 'Byt namn…',
    renameTitle: (kind, name) => `Byt namn på ${LOGIC_STRINGS.sv.kinds[kind]} ${name}`,
    newName: 'Nytt namn',
    usedIn: (n) => `Används på ${n} ${n === 1 ? 'ställe' : 'ställen'}, som också byts:`,
    usedNowhere: 'Används ingen annanstans.',
    use: (use) => useText(use, 'sv'),
    confirmRename: 'Byt namn',
    cancel: 'Avbryt',
    nameProblems: {
      empty: 'Skriv ett namn.',
      invalid: 'Ogiltigt namn (små bokstäver och siffror; uppgifter och villkor i camelCase).',
      duplicate: 'Namnet finns redan.',
    },
    deleteStepTitle: (id) => `Ta bort steget ${id}?`,
    deleteStepAlsoChanges: 'Det här ändras också:',
    deleteStepNothingElse: 'Inget annat ändras.',
    transitionRemoved: (from, to) => `övergången ${from} → ${to} tas bort`,
    globalTransitionRemoved: (to) => `övergången från alla steg till ${to} tas bort`,
    newEntry: (id) => `${id} blir nytt startsteg`,
    noStepLeft: 'vårdprogrammet har inget steg kvar att starta i',
    followUpRemoved: (id) => `uppföljningen ${id} i steget tas bort`,
    indicatorNames: (id) => `indikatorn ${id} nämner steget och måste ändras för hand`,
    confirmDelete: 'Ta bort steget',
    measureActions: (id) => `Måttet ${id}`,
  },
  da: {
    lintRules: {
      'never-true-condition': 'Betingelsen er aldrig sand, uanset patientens oplysninger.',
      'always-true-condition': 'Betingelsen er altid sand, når oplysningen er kendt.',
      'incomplete-condition': 'Betingelsen er ikke skrevet endnu og er aldrig sand.',
    },
    incomplete: 'Ikke skrevet endnu',
    incompleteHint:
      'Betingelsen er aldrig sand, før du skriver den, så den ændrer intet for nogen patient.',
    writeCondition: 'Skriv betingelsen',
    kinds: {
      fact: 'oplysningen',
      condition: 'betingelsen',
      alert: 'advarslen',
      measure: 'målingen',
    },
    renameButton: 'Omdøb…',
    renameTitle: (kind, name) => `Omdøb ${LOGIC_STRINGS.da.kinds[kind]} ${name}`,
    newName: 'Nyt navn',
    usedIn: (n) => `Bruges ${n} ${n === 1 ? 'sted' : 'steder'}, som også ændres:`,
    usedNowhere: 'Bruges ingen andre steder.',
    use: (use) => useText(use, 'da'),
    confirmRename: 'Omdøb',
    cancel: 'Annullér',
    nameProblems: {
      empty: 'Skriv et navn.',
      invalid: 'Ugyldigt navn (små bogstaver og tal; oplysninger og betingelser i camelCase).',
      duplicate: 'Navnet findes allerede.',
    },
    deleteStepTitle: (id) => `Slet trinnet ${id}?`,
    deleteStepAlsoChanges: 'Dette ændres også:',
    deleteStepNothingElse: 'Intet andet ændres.',
    transitionRemoved: (from, to) => `overgangen ${from} → ${to} fjernes`,
    globalTransitionRemoved: (to) => `overgangen fra alle trin til ${to} fjernes`,
    newEntry: (id) => `${id} bliver nyt starttrin`,
    noStepLeft: 'forløbet har intet trin tilbage at starte i',
    followUpRemoved: (id) => `opfølgningen ${id} i trinnet fjernes`,
    indicatorNames: (id) => `indikatoren ${id} nævner trinnet og skal rettes i hånden`,
    confirmDelete: 'Slet trinnet',
    measureActions: (id) => `Målingen ${id}`,
  },
  en: {
    lintRules: {
      'never-true-condition': "The condition is never true, whatever the patient's facts.",
      'always-true-condition': 'The condition is always true once the fact is known.',
      'incomplete-condition': 'The condition is not written yet and is never true.',
    },
    incomplete: 'Not written yet',
    incompleteHint:
      'The condition is never true until you write it, so it changes nothing for any patient.',
    writeCondition: 'Write the condition',
    kinds: { fact: 'fact', condition: 'condition', alert: 'alert', measure: 'measure' },
    renameButton: 'Rename…',
    renameTitle: (kind, name) => `Rename ${LOGIC_STRINGS.en.kinds[kind]} ${name}`,
    newName: 'New name',
    usedIn: (n) => `Used in ${n} ${n === 1 ? 'place' : 'places'}, renamed too:`,
    usedNowhere: 'Not used anywhere else.',
    use: (use) => useText(use, 'en'),
    confirmRename: 'Rename',
    cancel: 'Cancel',
    nameProblems: {
      empty: 'Type a name.',
      invalid:
        'Not a valid name (lower-case letters and digits; facts and conditions in camelCase).',
      duplicate: 'That name is taken.',
    },
    deleteStepTitle: (id) => `Delete step ${id}?`,
    deleteStepAlsoChanges: 'This changes too:',
    deleteStepNothingElse: 'Nothing else changes.',
    transitionRemoved: (from, to) => `the transition ${from} → ${to} is removed`,
    globalTransitionRemoved: (to) => `the transition from any step to ${to} is removed`,
    newEntry: (id) => `${id} becomes the new entry step`,
    noStepLeft: 'the pathway has no step left to start in',
    followUpRemoved: (id) => `the step's follow-up ${id} is removed`,
    indicatorNames: (id) => `indicator ${id} names the step and must be changed by hand`,
    confirmDelete: 'Delete step',
    measureActions: (id) => `Measure ${id}`,
  },
};
