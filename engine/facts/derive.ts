/**
 * Derived facts: values the engine computes from the patient's input (drug classes, MME,
 * days on a drug, score changes, time in the current step). Every rule is a general kind
 * driven by the pathway's fact dictionary (`derived: { kind, … }`); nothing here knows a
 * particular fact name. A derived fact whose inputs are unknown is unknown (absent), never
 * false or 0.
 */
import { PathwayError } from '../errors';
import type { Derivation, Fact, Pathway } from '../model/types';
import { daysBetween, monthsBetween, parseIsoDate } from '../model/dates';
import { derivationOrder } from './dependencies';
import { isMedicationList, type Medication } from './medication';
import { MedicationRules, type MedicationRule } from './medication-rules';
import type { FactNote } from './notes';
import { cleanArithmetic } from './rounding';

export { derivationOrder, derivedFactNames, inputsBehind } from './dependencies';

/** When the evaluation happens and what is known about the current step. */
export interface DeriveContext {
  /** The evaluation date, YYYY-MM-DD. */
  asOf: string;
  /** When the patient entered the step being evaluated, if known. */
  enteredAt?: string;
  /** True for a step the walk enters during this evaluation: time in it is 0. */
  enteredDuringWalk: boolean;
  /** The step the patient is in when the evaluation begins (for `startStep` facts). */
  startStep?: string;
}

/** Input facts plus derived ones (unknown facts absent), and notes on how they were derived. */
export interface DerivedFacts {
  values: Record<string, unknown>;
  notes: FactNote[];
}

/**
 * Computes every derived fact of `pathway` from validated `facts`, in dependency order.
 * Pure: the same arguments always give the same result.
 * @throws PathwayError `SCHEMA` for a cycle among derived facts, `MME_TABLE` for an unknown
 * table, `DATE_FORMAT` for a bad `asOf`/`enteredAt`, `INVALID_INPUT` for medications that
 * did not go through `validateInput`.
 */
export function deriveFacts(
  pathway: Pathway,
  facts: Readonly<Record<string, unknown>>,
  ctx: DeriveContext,
): DerivedFacts {
  parseIsoDate(ctx.asOf);
  if (ctx.enteredAt !== undefined) parseIsoDate(ctx.enteredAt);
  // Resolve drug classes and tables first, so a pathway naming a missing one fails for every patient.
  MedicationRules.of(pathway);
  const values = new Map<string, unknown>();
  for (const [name, value] of Object.entries(facts)) {
    if (value !== null && value !== undefined) values.set(name, value);
  }
  const notes: FactNote[] = [];
  for (const fact of derivationOrder(pathway)) {
    if (fact.derived === undefined) continue;
    const value = derive(pathway, fact, fact.derived, values, ctx, notes);
    if (value === undefined) values.delete(fact.name);
    else values.set(fact.name, value);
  }
  return { values: Object.fromEntries(values), notes };
}

/** One derived value, or undefined when it is unknown. */
function derive(
  pathway: Pathway,
  fact: Fact,
  derivation: Derivation,
  values: ReadonlyMap<string, unknown>,
  ctx: DeriveContext,
  notes: FactNote[],
): unknown {
  switch (derivation.kind) {
    case 'medicationMatch':
    case 'mme':
    case 'daysSinceEarliest':
    case 'daysSinceDoseIncrease': {
      const medications = medicationsOf(pathway, derivation.from, values);
      if (medications === undefined) return undefined;
      const rules = MedicationRules.of(pathway);
      const rule = rules.byFact.get(fact.name) as MedicationRule;
      return rules.value(rule, medications, parseIsoDate(ctx.asOf), parseIsoDate, notes);
    }
    case 'difference': {
      const minuend = values.get(derivation.minuend);
      const subtrahend = values.get(derivation.subtrahend);
      if (typeof minuend !== 'number' || typeof subtrahend !== 'number') return undefined;
      return cleanArithmetic(minuend - subtrahend);
    }
    case 'percentOf': {
      const part = values.get(derivation.part);
      const whole = values.get(derivation.whole);
      if (typeof part !== 'number' || typeof whole !== 'number' || whole <= 0) return undefined;
      return cleanArithmetic((100 * part) / whole);
    }
    case 'startStep':
      return ctx.startStep;
    case 'timeInStep': {
      // A step entered during this walk has just begun, whatever the input said about the
      // step the patient was in before.
      if (ctx.enteredDuringWalk) return 0;
      const given = values.get(fact.name);
      if (given !== undefined) return given;
      if (ctx.enteredAt === undefined) return undefined;
      switch (derivation.unit) {
        case 'days':
          return daysBetween(ctx.enteredAt, ctx.asOf);
        case 'weeks':
          return cleanArithmetic(daysBetween(ctx.enteredAt, ctx.asOf) / 7);
        case 'months':
          return cleanArithmetic(monthsBetween(ctx.enteredAt, ctx.asOf));
      }
    }
  }
}

/** The medication list named `from`, undefined when unknown. */
function medicationsOf(
  pathway: Pathway,
  from: string,
  values: ReadonlyMap<string, unknown>,
): readonly Medication[] | undefined {
  const value = values.get(from);
  if (value === undefined) return undefined;
  if (!isMedicationList(value)) {
    throw new PathwayError(
      'INVALID_INPUT',
      `facts.${from} is not a checked medication list: run validateInput first`,
      [],
      pathway.id,
    );
  }
  return value;
}
