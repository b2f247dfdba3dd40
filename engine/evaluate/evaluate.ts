/**
 * `evaluate(pathway, input)`: pure and deterministic. Validates the input against the
 * pathway's fact dictionary, derives facts, walks the steps, evaluates alerts and
 * follow-ups, and explains the outcome. Same input, same bytes out.
 */
import { PathwayError, isPathwayError } from '../errors';
import { daysBetween } from '../facts/dates';
import { deriveFacts, inputsBehind } from '../facts/derive';
import type { Language, Pathway } from '../model/types';
import { pickText } from '../model/texts';
import { evaluateAlerts } from './alerts';
import type { CompiledPathway } from './compile';
import type { ConditionOutcome } from './condition-evaluator';
import { explain } from './explain';
import { followUpsDue } from './follow-ups';
import type { EvaluationResult } from './result';
import { unknownFacts } from './truth';
import { prepareInput } from './prepare';
import { walk } from './walk';

export interface EvaluateOptions {
  /** The evaluation date (YYYY-MM-DD). `input.asOf` wins. One of the two is required: the engine never reads the clock. */
  asOf?: string;
  /** Language of titles, messages and the explanation. Default English. */
  language?: Language;
  /** Include the per-condition trace (default true). */
  trace?: boolean;
}

const DAYS_PER_UNIT = { days: 1, weeks: 7 } as const;

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

async function run(
  compiled: CompiledPathway,
  input: unknown,
  options: EvaluateOptions,
): Promise<EvaluationResult> {
  const { pathway, steps, evaluator } = compiled;
  const language = options.language ?? 'en';
  const { asOf, validated } = prepareInput(pathway, input, options.asOf);
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
  const outcome = await walk(pathway, steps, startId, outcomesFor);
  const finalOutcomes = await outcomesFor(outcome.enteredDuringWalk);
  const alertOutcome = evaluateAlerts(
    pathway,
    patientOutcomes,
    patient.values,
    language,
    missingInputs,
  );
  const missingFacts =
    outcome.pending === undefined ? [] : missingInputs(unknownFacts(outcome.pending.outcome.node));
  const daysInStep = outcome.enteredDuringWalk
    ? 0
    : daysInStartStep(pathway, patient.values, asOf, enteredAt);
  const followUps = followUpsDue(
    pathway,
    outcome.finalStep,
    { daysInStep, asOf },
    finalOutcomes,
    patientOutcomes,
    language,
  );

  const derivedNames = pathway.facts.filter((f) => f.derived !== undefined).map((f) => f.name);
  const derivedFacts: Record<string, unknown> = {};
  for (const name of derivedNames)
    if (patient.values[name] !== undefined) derivedFacts[name] = patient.values[name];
  const notes = [...new Set(patient.notes.map((n) => pickText(n.message, language)))];

  return {
    pathway: { id: pathway.id, version: pathway.version },
    asOf,
    language,
    status: outcome.stopReason === 'needs-information' ? 'needs-information' : 'settled',
    step: {
      id: outcome.finalStep.id,
      level: outcome.finalStep.level,
      title: pickText(outcome.finalStep.title, language),
    },
    path: outcome.path,
    transitions: outcome.taken.map((t) => ({
      from: t.from,
      to: t.to,
      reason: pickText(t.transition.reason, language),
      global: t.global,
    })),
    actions: outcome.finalStep.actions.map((a) => pickText(a, language)),
    followUps,
    alerts: alertOutcome.alerts,
    missingFacts,
    undecidedAlerts: alertOutcome.undecided,
    stopReason: outcome.stopReason,
    derivedFacts,
    notes,
    explanation: explain(
      pathway,
      steps,
      outcome,
      alertOutcome.alerts,
      alertOutcome.undecided,
      missingFacts,
      language,
    ),
    trace: options.trace === false ? [] : [...outcome.trace, ...alertOutcome.trace],
  };
}

/**
 * Evaluates one patient. Resolves to the result, or rejects with a {@link PathwayError}
 * (bad input, or — never expected — an internal failure wrapped with code INTERNAL).
 */
export async function evaluate(
  compiled: CompiledPathway,
  input: unknown,
  options: EvaluateOptions = {},
): Promise<EvaluationResult> {
  try {
    return await run(compiled, input, options);
  } catch (error) {
    if (isPathwayError(error)) throw error;
    throw new PathwayError(
      'INTERNAL',
      `internal error evaluating ${compiled.pathway.id} ${compiled.pathway.version}: ${error instanceof Error ? error.message : String(error)}`,
      [],
      compiled.pathway.id,
    );
  }
}
