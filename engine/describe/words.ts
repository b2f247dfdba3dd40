/** The small vocabulary the explanation is built from, per language. */
import type { Language } from '../model/types';

export interface Words {
  and: string;
  or: string;
  not: string;
  /** An empty `all`: true whatever the facts. */
  always: string;
  /** The editor's default condition of a new transition or alert (never true). */
  notWrittenYet: string;
  yes: string;
  no: string;
  unknown: string;
  /** Marks a lower bound: "≥ 30 MME/day (incomplete)". */
  incomplete: string;
  none: string;
  needs: string;
  noneOf: string;
  holds: string;
  doesNotHold: string;
  startedAt: (step: string) => string;
  movedTo: (step: string, reason: string, why: string) => string;
  exitStep: (step: string) => string;
  staysNoCandidate: (step: string) => string;
  notMovedTo: (step: string, why: string) => string;
  waitsFor: (step: string, facts: string, target: string) => string;
  loopGuard: (step: string, target: string) => string;
  alerts: (count: number, list: string) => string;
  noAlerts: string;
  undecidedAlerts: (list: string) => string;
  operators: Record<string, string>;
}

/** The comparison operators' symbols, the same in every language. */
export const OPERATOR_SYMBOLS = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
};

export const WORDS: Record<Language, Words> = {
  en: {
    and: 'and',
    or: 'or',
    not: 'not',
    always: 'always',
    notWrittenYet: 'not written yet (never true)',
    yes: 'yes',
    no: 'no',
    unknown: 'unknown',
    incomplete: 'incomplete',
    none: 'none',
    needs: 'needs',
    noneOf: 'none of',
    holds: 'holds',
    doesNotHold: 'does not hold',
    startedAt: (s) => `Started at “${s}”.`,
    movedTo: (s, reason, why) => `Moved to “${s}” (${reason}) because ${why}.`,
    exitStep: (s) => `“${s}” is an exit step: the pathway ends here.`,
    staysNoCandidate: (s) => `Stays in “${s}”: no transition applies.`,
    notMovedTo: (s, why) => `Not to “${s}”: ${why}.`,
    waitsFor: (s, facts, target) =>
      `Stays in “${s}” until ${facts} ${facts.includes(',') ? 'are' : 'is'} known: that decides whether to move to “${target}”.`,
    loopGuard: (s, t) =>
      `Stays in “${s}”: the next step “${t}” was already visited in this evaluation.`,
    alerts: (n, list) => `${n} ${n === 1 ? 'alert' : 'alerts'}: ${list}.`,
    noAlerts: 'No alerts.',
    undecidedAlerts: (list) => `Alerts not decided for lack of data: ${list}.`,
    operators: {
      ...OPERATOR_SYMBOLS,
      in: 'is one of',
      notIn: 'is not one of',
      contains: 'contains',
      doesNotContain: 'does not contain',
      notEmpty: 'has an entry',
    },
  },
  sv: {
    and: 'och',
    or: 'eller',
    not: 'inte',
    always: 'alltid',
    notWrittenYet: 'inte skrivet ännu (aldrig sant)',
    yes: 'ja',
    no: 'nej',
    unknown: 'okänt',
    incomplete: 'ofullständig',
    none: 'inga',
    needs: 'krävs',
    noneOf: 'inget av',
    holds: 'uppfyllt',
    doesNotHold: 'inte uppfyllt',
    startedAt: (s) => `Började i ”${s}”.`,
    movedTo: (s, reason, why) => `Gick vidare till ”${s}” (${reason}) eftersom ${why}.`,
    exitStep: (s) => `”${s}” är ett avslutande steg: vårdförloppet slutar här.`,
    staysNoCandidate: (s) => `Stannar i ”${s}”: ingen övergång är uppfylld.`,
    notMovedTo: (s, why) => `Inte till ”${s}”: ${why}.`,
    waitsFor: (s, facts, target) =>
      `Stannar i ”${s}” tills ${facts} är känt: det avgör om patienten ska till ”${target}”.`,
    loopGuard: (s, t) =>
      `Stannar i ”${s}”: nästa steg ”${t}” har redan passerats i denna bedömning.`,
    alerts: (n, list) => `${n} ${n === 1 ? 'varning' : 'varningar'}: ${list}.`,
    noAlerts: 'Inga varningar.',
    undecidedAlerts: (list) => `Varningar som inte kan avgöras i brist på uppgifter: ${list}.`,
    operators: {
      ...OPERATOR_SYMBOLS,
      in: 'är något av',
      notIn: 'är inget av',
      contains: 'innehåller',
      doesNotContain: 'innehåller inte',
      notEmpty: 'har minst en uppgift',
    },
  },
  da: {
    and: 'og',
    or: 'eller',
    not: 'ikke',
    always: 'altid',
    notWrittenYet: 'ikke skrevet endnu (aldrig sandt)',
    yes: 'ja',
    no: 'nej',
    unknown: 'ukendt',
    incomplete: 'ufuldstændig',
    none: 'ingen',
    needs: 'kræver',
    noneOf: 'ingen af',
    holds: 'opfyldt',
    doesNotHold: 'ikke opfyldt',
    startedAt: (s) => `Startede i »${s}«.`,
    movedTo: (s, reason, why) => `Gik videre til »${s}« (${reason}) fordi ${why}.`,
    exitStep: (s) => `»${s}« er et afsluttende trin: forløbet slutter her.`,
    staysNoCandidate: (s) => `Bliver i »${s}«: ingen overgang er opfyldt.`,
    notMovedTo: (s, why) => `Ikke til »${s}«: ${why}.`,
    waitsFor: (s, facts, target) =>
      `Bliver i »${s}« indtil ${facts} er kendt: det afgør, om patienten skal til »${target}«.`,
    loopGuard: (s, t) =>
      `Bliver i »${s}«: næste trin »${t}« er allerede passeret i denne vurdering.`,
    alerts: (n, list) => `${n} ${n === 1 ? 'advarsel' : 'advarsler'}: ${list}.`,
    noAlerts: 'Ingen advarsler.',
    undecidedAlerts: (list) => `Advarsler der ikke kan afgøres pga. manglende data: ${list}.`,
    operators: {
      ...OPERATOR_SYMBOLS,
      in: 'er en af',
      notIn: 'er ingen af',
      contains: 'indeholder',
      doesNotContain: 'indeholder ikke',
      notEmpty: 'har mindst én',
    },
  },
};
