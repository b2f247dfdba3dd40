/** The vocabulary of the impact report, per language. */
import type { Language } from '../model/types';

/** Words for the impact report. */
export interface ImpactWords {
  title: (id: string, before: string, after: string) => string;
  scenarios: string;
  patients: string;
  counts: (run: number, differ: number) => string;
  byKind: (step: number, alerts: number, other: number) => string;
  badLines: (count: number) => string;
  noneDiffer: string;
  who: string;
  step: string;
  alerts: string;
  line: (n: number) => string;
  error: string;
}

export const IMPACT_WORDS: Record<Language, ImpactWords> = {
  en: {
    title: (id, a, b) => `Impact of ${id} ${a} → ${b}`,
    scenarios: 'Scenarios',
    patients: 'Patients',
    counts: (run, differ) => `${run} evaluated, ${differ} with a different outcome`,
    byKind: (s, a, o) =>
      `${s} on a different step, ${a} with different alerts, ${o} otherwise different`,
    badLines: (n) => `${n} bad ${n === 1 ? 'line' : 'lines'}`,
    noneDiffer: 'Nobody lands on a different step or gets different alerts.',
    who: 'who',
    step: 'step',
    alerts: 'alerts',
    line: (n) => `line ${n}`,
    error: 'error',
  },
  sv: {
    title: (id, a, b) => `Påverkan av ${id} ${a} → ${b}`,
    scenarios: 'Scenarier',
    patients: 'Patienter',
    counts: (run, differ) => `${run} bedömda, ${differ} med annat utfall`,
    byKind: (s, a, o) => `${s} i ett annat steg, ${a} med andra varningar, ${o} annars olika`,
    badLines: (n) => `${n} ${n === 1 ? 'felaktig rad' : 'felaktiga rader'}`,
    noneDiffer: 'Ingen hamnar i ett annat steg eller får andra varningar.',
    who: 'vem',
    step: 'steg',
    alerts: 'varningar',
    line: (n) => `rad ${n}`,
    error: 'fel',
  },
  da: {
    title: (id, a, b) => `Betydning af ${id} ${a} → ${b}`,
    scenarios: 'Scenarier',
    patients: 'Patienter',
    counts: (run, differ) => `${run} vurderet, ${differ} med andet udfald`,
    byKind: (s, a, o) => `${s} på et andet trin, ${a} med andre advarsler, ${o} ellers forskellige`,
    badLines: (n) => `${n} ${n === 1 ? 'fejlbehæftet linje' : 'fejlbehæftede linjer'}`,
    noneDiffer: 'Ingen havner på et andet trin eller får andre advarsler.',
    who: 'hvem',
    step: 'trin',
    alerts: 'advarsler',
    line: (n) => `linje ${n}`,
    error: 'fejl',
  },
};
