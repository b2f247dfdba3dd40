/**
 * Seeded generator of adversarial evaluation inputs for any pathway, for differential and
 * property tests and the benchmark. Everything it names comes from the pathway document:
 * step ids from its steps, facts from its dictionary (type, range, allowed values), and the
 * numbers cluster at the thresholds its conditions compare against (a threshold, one step
 * below and one above), so that every `≥`/`<` edge is exercised. Any fact may be missing,
 * and medication lists mix the drug classes the pathway's derivations select with doses at
 * and around typical strengths.
 */
import { conditionNodes } from '../lint/walk';
import type { Fact, Pathway } from '../model/types';
import { daysBefore, prng } from './random';

export { prng };

/** Options of {@link adversarialPatients}. */
export interface AdversarialOptions {
  /** Share of inputs made invalid (or odd but valid, such as explicit nulls); default 0. */
  invalid?: number;
  /** Evaluation dates are drawn from the 600 days before this date (default 2026-11-30). */
  latestAsOf?: string;
}

/** One generated input and its evaluation date. */
export interface AdversarialPatient {
  input: Record<string, unknown>;
  asOf: string;
}

type Input = Record<string, unknown>;
type Random = () => number;

/**
 * Drugs a medication list draws from: common ATC codes with doses at typical strengths. Not
 * clinical rules (those are pathway data): test material that any pathway's medication facts
 * can be probed with, shared with the frozen chronic-pain generator in test/fixtures.
 */
export const SAMPLE_DRUGS: readonly {
  atc: string;
  unit: 'mg/day' | 'ug/h';
  doses: readonly number[];
}[] = [
  { atc: 'N02AA01', unit: 'mg/day', doses: [10, 30, 49.9, 50, 90, 99.9, 100, 120] },
  { atc: 'N02AA05', unit: 'mg/day', doses: [10, 20, 33.3, 40, 60] },
  { atc: 'N02AX02', unit: 'mg/day', doses: [100, 200, 250, 400] },
  { atc: 'N02AB03', unit: 'ug/h', doses: [12, 25, 50] },
  { atc: 'N02AE01', unit: 'mg/day', doses: [5, 10] },
  { atc: 'N02AJ06', unit: 'mg/day', doses: [60, 240] },
  { atc: 'N05BA01', unit: 'mg/day', doses: [5, 10] },
  { atc: 'N05CF01', unit: 'mg/day', doses: [7.5] },
  { atc: 'N03AE01', unit: 'mg/day', doses: [0.5] },
  { atc: 'N03AX16', unit: 'mg/day', doses: [150, 300] },
  { atc: 'M01AE01', unit: 'mg/day', doses: [1200] },
];

/** Days before the evaluation date at which a medication starts: around 2 and 4 weeks, 3 months, a year. */
const SINCE_DAYS = [5, 13, 14, 15, 27, 28, 29, 90, 91, 400];

/** Days per unit of a time-in-step fact, to turn its thresholds into entry dates. */
const DAYS_PER = { days: 1, weeks: 7, months: 30 } as const;

/** What the generator reads from the pathway once, before drawing patients. */
interface Plan {
  stepIds: string[];
  /** Facts the input may give (not derived, or time in step, which a given value overrides). */
  inputs: Fact[];
  /** Candidate values of each number fact: its thresholds, their neighbours, its range ends. */
  numbers: Map<string, number[]>;
  /** Candidate days since the current step was entered. */
  enteredDays: number[];
  /** Derived facts other than time in step: giving one is an input error. */
  derivedOnly: Fact[];
}

/** The numbers a fact is compared with anywhere in the pathway. */
function thresholds(pathway: Pathway): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const node of conditionNodes(pathway)) {
    if (node.kind !== 'leaf') continue;
    const values = Array.isArray(node.leaf.value) ? node.leaf.value : [node.leaf.value];
    for (const value of values)
      if (typeof value === 'number')
        found.set(node.leaf.fact, [...(found.get(node.leaf.fact) ?? []), value]);
  }
  return found;
}

/**
 * A threshold with one step below and above (1 for integers, 0.1 otherwise), inside the range;
 * a fact with a list of allowed values takes those.
 */
function candidates(fact: Fact, at: readonly number[]): number[] {
  const allowed = fact.values?.filter((v) => typeof v === 'number');
  if (allowed !== undefined && allowed.length > 0) return allowed;
  const step = fact.type === 'integer' ? 1 : 0.1;
  const min = fact.range?.min;
  const max = fact.range?.max;
  const values = new Set<number>();
  for (const t of at) for (const v of [t - step, t, t + step]) values.add(Number(v.toFixed(2)));
  if (min !== undefined) values.add(min);
  if (max !== undefined) values.add(max);
  if (values.size === 0) [0, 1, 10].forEach((v) => values.add(v));
  return [...values]
    .filter((v) => (min === undefined || v >= min) && (max === undefined || v <= max))
    .filter((v) => fact.type !== 'integer' || Number.isInteger(v))
    .sort((a, b) => a - b);
}

function planFor(pathway: Pathway): Plan {
  const found = thresholds(pathway);
  const numbers = new Map<string, number[]>();
  const enteredDays = new Set<number>([0]);
  for (const fact of pathway.facts) {
    if (fact.type !== 'integer' && fact.type !== 'number') continue;
    const at = found.get(fact.name) ?? [];
    numbers.set(fact.name, candidates(fact, at));
    if (fact.derived?.kind === 'timeInStep') {
      const days = DAYS_PER[fact.derived.unit];
      for (const t of at)
        for (const d of [t * days - 1, t * days, t * days + 1]) enteredDays.add(d);
    }
  }
  return {
    stepIds: pathway.steps.map((s) => s.id),
    inputs: pathway.facts.filter((f) => f.derived === undefined || f.derived.kind === 'timeInStep'),
    numbers,
    enteredDays: [...enteredDays].filter((d) => d >= 0).sort((a, b) => a - b),
    derivedOnly: pathway.facts.filter(
      (f) => f.derived !== undefined && f.derived.kind !== 'timeInStep',
    ),
  };
}

/** One value of `fact`, drawn around the pathway's thresholds. */
function valueOf(fact: Fact, plan: Plan, r: Random, asOf: string): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  switch (fact.type) {
    case 'boolean':
      return r() < 0.5;
    case 'integer':
    case 'number':
      return pick(plan.numbers.get(fact.name) ?? [0]);
    case 'string':
      return fact.values === undefined ? 'x' : pick(fact.values);
    case 'string[]':
      return fact.values === undefined || r() < 0.95 ? [] : [pick(fact.values)];
    case 'date':
      return daysBefore(asOf, pick(SINCE_DAYS));
    case 'medications':
      return Array.from({ length: Math.floor(r() * 4) }, () => {
        const drug = pick(SAMPLE_DRUGS);
        return {
          atc: drug.atc,
          ...(r() < 0.9 ? { dose: pick(drug.doses), unit: drug.unit } : {}),
          ...(r() < 0.95 ? { since: daysBefore(asOf, pick(SINCE_DAYS)) } : {}),
        };
      });
  }
}

/**
 * Ways to make an input invalid, each one a kind of mistake a real extract makes: a misspelt
 * fact, a value out of range or of the wrong type, a malformed ATC code or date, a drug started
 * after the evaluation date, an unknown step, an unexpected field, a derived fact given, a bad
 * evaluation date or version. A mistake the pathway has no fact for adds an unexpected field.
 */
function corrupt(input: Input, plan: Plan, r: Random): void {
  const facts = input['facts'] as Input;
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(r() * xs.length)];
  const ofType = (...types: Fact['type'][]): Fact | undefined =>
    pick(plan.inputs.filter((f) => types.includes(f.type)));
  const bounded = pick(plan.inputs.filter((f) => f.range?.max !== undefined));
  const numeric = ofType('integer', 'number');
  const medication = ofType('medications');
  const list = ofType('string[]');
  const derived = pick(plan.derivedOnly);
  const anyFact = pick(plan.inputs);
  const mistakes: (() => boolean)[] = [
    () => anyFact !== undefined && ((facts[`${anyFact.name.slice(0, -1)}x`] = 1), true),
    () => bounded !== undefined && ((facts[bounded.name] = (bounded.range?.max ?? 0) + 10), true),
    () => numeric !== undefined && ((facts[numeric.name] = '12'), true),
    () =>
      medication !== undefined && ((facts[medication.name] = [{ atc: 'n02aa05', dose: 10 }]), true),
    () =>
      medication !== undefined &&
      ((facts[medication.name] = [
        { atc: 'N02AA01', dose: 10, unit: 'mg/day', since: '2099-01-01' },
      ]),
      true),
    () => ((input['currentStep'] = { id: `${plan.stepIds[0] ?? 'step'}-x` }), true),
    () => ((input['patient'] = 'x'), true),
    () => derived !== undefined && ((facts[derived.name] = 40), true),
    () =>
      plan.stepIds[0] !== undefined &&
      ((input['currentStep'] = { id: plan.stepIds[0], enteredAt: '2026-02-30' }), true),
    () => list !== undefined && ((facts[list.name] = [list.values?.[0] ?? 'x', 7]), true),
    () => anyFact !== undefined && ((facts[anyFact.name] = null), true),
    () => ((input['asOf'] = r() < 0.5 ? '2026-13-01' : null), true),
    () => ((input['version'] = '9.9.9'), true),
    () =>
      medication !== undefined &&
      ((facts[medication.name] = [{ atc: 'N02AA05', dose: null }]), true),
  ];
  if (!(pick(mistakes) ?? (() => false))()) input['patient'] = 'x';
}

/**
 * Generates `count` inputs for `pathway`, with evaluation dates in the 600 days before
 * `latestAsOf`. Pure and seeded: the same pathway, count, seed and options give the same inputs.
 */
export function adversarialPatients(
  pathway: Pathway,
  count: number,
  seed: number,
  options: AdversarialOptions = {},
): AdversarialPatient[] {
  const r = prng(seed);
  const plan = planFor(pathway);
  const invalid = options.invalid ?? 0;
  const latest = options.latestAsOf ?? '2026-11-30';
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out: AdversarialPatient[] = [];
  for (let i = 0; i < count; i++) {
    const asOf = daysBefore(latest, Math.floor(r() * 600));
    const facts: Input = {};
    const input: Input = { facts };
    for (const fact of plan.inputs)
      if (fact.derived === undefined && r() < 0.85) facts[fact.name] = valueOf(fact, plan, r, asOf);
    if (plan.stepIds.length > 0 && r() < 0.8) {
      input['currentStep'] = {
        id: pick(plan.stepIds),
        ...(r() < 0.7 ? { enteredAt: daysBefore(asOf, pick(plan.enteredDays)) } : {}),
      };
      // A time in step given instead of (or beside) the entry date: a given value wins.
      for (const fact of plan.inputs)
        if (fact.derived !== undefined && r() < 0.25)
          facts[fact.name] = valueOf(fact, plan, r, asOf);
    }
    if (invalid > 0 && r() < invalid) corrupt(input, plan, r);
    out.push({ input, asOf });
  }
  return out;
}
