/**
 * `referenceEvaluate(pathway, input)`: the reference evaluation, the oracle the differential
 * tests and the benchmark hold production `evaluate()` to. It shares only the input checks
 * (`prepareInput`), the derivation of facts and the wording (`describe()`) with production;
 * conditions run in json-rules-engine (three-valued, see `tri-conditions.ts`), and the walk,
 * alerts and follow-ups are evaluated over its answers, independently of the generated code.
 * Not part of the engine's public API: tests and `scripts/bench.ts` use it.
 */
import { describe } from '../describe/describe';
import { PathwayError, isPathwayError } from '../errors';
import { daysBetween } from '../facts/dates';
import { deriveFacts, inputsBehind } from '../facts/derive';
import { checkIntegrity } from '../evaluate/integrity';
import type { EvaluateOptions } from '../evaluate/evaluate';
import type { Outcome } from '../evaluate/outcome';
import { prepareInput } from '../evaluate/prepare';
import type { EvaluationResult } from '../evaluate/result';
import type { Pathway, Step } from '../model/types';
import { evaluateAlerts } from './alerts';
import type { ConditionOutcome } from './condition-evaluator';
import { followUpsDue } from './follow-ups';
import { RulesEngineEvaluator } from './rules-engine-evaluator';
import { unknownFacts } from './truth';
import { walk } from './walk';

const DAYS_PER_UNIT = { days: 1, weeks: 7 } as const;
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** A pathway prepared for the reference: its json-rules-engine evaluator and step lookup. */
interface ReferencePathway {
  steps: ReadonlyMap<string, Step>;
  evaluator: RulesEngineEvaluator;
}

const prepared = new WeakMap<Pathway, ReferencePathway>();

/**
 * The reference form of `pathway`, built once per pathway object.
 * @throws PathwayError as `compilePathway` does, for a pathway that cannot be evaluated.
 */
export function referenceFor(pathway: Pathway): ReferencePathway {
  let ref = prepared.get(pathway);
  if (ref === undefined) {
    checkIntegrity(pathway);
    ref = {
      steps: new Map(pathway.steps.map((s) => [s.id, s])),
      evaluator: new RulesEngineEvaluator(pathway),
    };
    prepared.set(pathway, ref);
  }
  return ref;
}

/** Days in the start step, from its entry date or from a days/weeks time-in-step fact. */
function daysInStartStep(
  pathway: Pathway,
  values: Readonly<Record<string, unknown>>,
  asOf: string,
  enteredAt: string | undefined,
): number | undefined {
  if (enteredAt !== undefined) return daysBetween(enteredAt, asOf);
  for (const fact of pathway.facts) {
    if (fact.derived?.kind !== 'timeInStep' || fact.derived.unit === 'months') continue;
    const value = values[fact.name];
    if (typeof value === 'number') return Math.floor(value * DAYS_PER_UNIT[fact.derived.unit]);
  }
  return undefined;
}

/** The values of the facts the fired alerts' message templates name (known ones only). */
function templateFacts(
  pathway: Pathway,
  fired: readonly string[],
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const alert of pathway.alerts) {
    if (!fired.includes(alert.id)) continue;
    for (const text of Object.values(alert.message) as (string | undefined)[])
      for (const match of (text ?? '').matchAll(PLACEHOLDER)) {
        const name = match[1] as string;
        if (values[name] !== undefined) out[name] = values[name];
      }
  }
  return out;
}

/** The reference's language-free outcome for one patient (trace included). */
export async function referenceOutcome(
  pathway: Pathway,
  input: unknown,
  asOfFallback: string | undefined,
): Promise<Outcome> {
  const { steps, evaluator } = referenceFor(pathway);
  const { asOf, validated } = prepareInput(pathway, input, asOfFallback);
  const enteredAt = validated.currentStep?.enteredAt;
  const startId = validated.currentStep?.id ?? pathway.entryStep;

  // Facts in the start step (as given) and in steps entered during the walk (time in step 0).
  const contexts = new Map<
    boolean,
    {
      values: Record<string, unknown>;
      notes: ReturnType<typeof deriveFacts>['notes'];
      outcomes?: Promise<ReadonlyMap<string, ConditionOutcome>>;
    }
  >();
  const context = (enteredDuringWalk: boolean) => {
    let c = contexts.get(enteredDuringWalk);
    if (c === undefined) {
      const derived = deriveFacts(pathway, validated.facts, {
        asOf,
        ...(enteredAt === undefined ? {} : { enteredAt }),
        enteredDuringWalk,
        startStep: validated.currentStep?.id ?? pathway.entryStep,
      });
      c = { values: derived.values, notes: derived.notes };
      contexts.set(enteredDuringWalk, c);
    }
    return c;
  };
  const outcomesFor = (
    enteredDuringWalk: boolean,
  ): Promise<ReadonlyMap<string, ConditionOutcome>> => {
    const c = context(enteredDuringWalk);
    c.outcomes ??= evaluator.evaluateAll(c.values);
    return c.outcomes;
  };
  const missingInputs = (facts: Iterable<string>): string[] => {
    const out = new Set<string>();
    for (const fact of facts) {
      const inputs = inputsBehind(pathway, fact, validated.facts);
      // A derived fact can be unknown with all inputs present (no dose to convert): name the fact itself.
      for (const name of inputs.length > 0 ? inputs : [fact]) out.add(name);
    }
    return [...out].sort();
  };

  const patient = context(false);
  const patientOutcomes = await outcomesFor(false);
  const walked = await walk(pathway, steps, startId, outcomesFor);
  const finalOutcomes = await outcomesFor(walked.enteredDuringWalk);
  const alertOutcome = evaluateAlerts(pathway, patientOutcomes, missingInputs);
  const daysInStep = walked.enteredDuringWalk
    ? 0
    : daysInStartStep(pathway, patient.values, asOf, enteredAt);
  const derivedFacts: Record<string, unknown> = {};
  for (const fact of pathway.facts)
    if (fact.derived !== undefined && patient.values[fact.name] !== undefined)
      derivedFacts[fact.name] = patient.values[fact.name];

  return {
    pathway: { id: pathway.id, version: pathway.version },
    asOf,
    status: walked.stopReason === 'needs-information' ? 'needs-information' : 'settled',
    stopReason: walked.stopReason,
    step: walked.finalStep.id,
    path: walked.path,
    taken: walked.taken.map((t) => ({ key: t.key, from: t.from, to: t.to, global: t.global })),
    pending: walked.pending?.key,
    alerts: alertOutcome.alerts,
    undecidedAlerts: alertOutcome.undecided,
    missingFacts:
      walked.pending === undefined ? [] : missingInputs(unknownFacts(walked.pending.outcome.node)),
    followUps: followUpsDue(
      pathway,
      walked.finalStep,
      { daysInStep, asOf },
      finalOutcomes,
      patientOutcomes,
    ),
    derivedFacts,
    notes: patient.notes,
    templateFacts: templateFacts(pathway, alertOutcome.alerts, patient.values),
    trace: [...walked.trace, ...alertOutcome.trace],
  };
}

/**
 * Evaluates one patient the reference way and puts the answer into words with the same
 * `describe()` as production. Same signature and result as `evaluate()`, without a compile step.
 */
export async function referenceEvaluate(
  pathway: Pathway,
  input: unknown,
  options: EvaluateOptions = {},
): Promise<EvaluationResult> {
  try {
    const outcome = await referenceOutcome(pathway, input, options.asOf);
    const result = describe(outcome, pathway, options.language ?? 'en');
    if (options.trace === false) result.trace = [];
    return result;
  } catch (error) {
    if (isPathwayError(error)) throw error;
    throw new PathwayError(
      'INTERNAL',
      `internal error evaluating ${pathway.id} ${pathway.version}: ${error instanceof Error ? error.message : String(error)}`,
      [],
      pathway.id,
    );
  }
}
