/**
 * The one evaluation pipeline, pure and deterministic: check the input against the pathway's
 * fact dictionary, derive facts, evaluate the generated conditions (alerts, the walk,
 * follow-ups) into a language-free {@link Outcome} — `evaluateOutcome` — and, for
 * `evaluate()`, put that outcome into words with `describe()`. Same input, same bytes out.
 */
import { describe } from '../describe/describe';
import { PathwayError, isPathwayError } from '../errors';
import { PatientBatch } from '../fast/batch';
import { evaluateBatch } from '../fast/batch-evaluate';
import { BatchResults } from '../fast/batch-results';
import type { PopulationPathway } from '../fast/compile';
import { outcomeAt } from '../fast/outcome-view';
import type { Language } from '../model/types';
import type { CompiledPathway } from './compile';
import type { Outcome, OutcomeOptions } from './outcome';
import type { EvaluationResult } from './result';

export interface EvaluateOptions {
  /** The evaluation date (YYYY-MM-DD). `input.asOf` wins. One of the two is required: the engine never reads the clock. */
  asOf?: string;
  /** Language of titles, messages and the explanation. Default English. */
  language?: Language;
  /** Include the per-condition trace (default true). */
  trace?: boolean;
}

/** A reusable batch of one per compiled pathway (evaluation is synchronous). */
const singles = new WeakMap<PopulationPathway, { batch: PatientBatch; results: BatchResults }>();

function singleOf(population: PopulationPathway): { batch: PatientBatch; results: BatchResults } {
  let single = singles.get(population);
  if (single === undefined) {
    single = { batch: new PatientBatch(population, 1), results: new BatchResults(population, 1) };
    singles.set(population, single);
  }
  return single;
}

/**
 * Evaluates one patient into its language-free outcome: a batch of one on the generated form.
 * `input` is `{ currentStep?, facts, asOf?, version? }`; `options.asOf` is used when the input
 * has none.
 * @throws PathwayError for bad input (the validation codes, UNKNOWN_VERSION); {@link evaluate}
 * is the entrance that also wraps an unexpected failure as INTERNAL.
 */
export function evaluateOutcome(
  compiled: CompiledPathway,
  input: unknown,
  options: OutcomeOptions = {},
): Outcome {
  const { batch, results } = singleOf(compiled.population);
  batch.clear();
  batch.add(input, options.asOf);
  evaluateBatch(batch, results, { trace: options.trace ?? false });
  return outcomeAt(batch, results, 0);
}

/**
 * Evaluates one patient and puts the answer into words. Resolves to the result, or rejects
 * with a {@link PathwayError} (bad input, or — never expected — an internal failure wrapped
 * with code INTERNAL).
 */
export function evaluate(
  compiled: CompiledPathway,
  input: unknown,
  options: EvaluateOptions = {},
): Promise<EvaluationResult> {
  return described(compiled, options, () =>
    evaluateOutcome(compiled, input, {
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      trace: recorded(options),
    }),
  );
}

/**
 * {@link evaluate} for one line of a patients file, `text[start, end)`, read straight into the
 * batch by the line reader (engine/fast/line-reader.ts) instead of parsed: the same answer or
 * error as `evaluate()` of the parsed line's request. `asOf` is the date of a line without
 * its own. Undefined when the reader declines the line or finds it bad (then parse it and
 * call `evaluate`, which words the error as for any request).
 */
export function evaluateLine(
  compiled: CompiledPathway,
  text: string,
  start: number,
  end: number,
  asOf: string,
  options: Omit<EvaluateOptions, 'asOf'> = {},
): Promise<EvaluationResult> | undefined {
  const { batch, results } = singleOf(compiled.population);
  batch.clear();
  const i = batch.addLine(text, start, end, asOf);
  // Only a line the reader loads without an error: a bad line's error is worded by the route
  // that parses it (a line's schema may refuse it before the evaluator would).
  if (i !== 0 || batch.errors[i] !== undefined) return undefined;
  return described(compiled, options, () => {
    evaluateBatch(batch, results, { trace: recorded(options) });
    return outcomeAt(batch, results, 0);
  });
}

/**
 * What to record of the trace: the explanation reads the walk's evaluated conditions, so the
 * walk is always recorded; the alerts' only when the answer gives the trace.
 */
function recorded(options: Pick<EvaluateOptions, 'trace'>): true | 'walk' {
  return options.trace === false ? 'walk' : true;
}

/** The fields besides the facts of the line {@link evaluateLine} read last (`id`, `healthCentre`, the step). */
export function lastLineFields(compiled: CompiledPathway): PatientBatch['lineFields'] {
  return singleOf(compiled.population).batch.lineFields;
}

/** The outcome `outcomeOf` gives, in words; an unexpected failure rejects as INTERNAL. */
function described(
  compiled: CompiledPathway,
  options: Omit<EvaluateOptions, 'asOf'>,
  outcomeOf: () => Outcome,
): Promise<EvaluationResult> {
  try {
    const outcome = outcomeOf();
    const result = describe(outcome, compiled.pathway, options.language ?? 'en');
    if (options.trace === false) result.trace = [];
    return Promise.resolve(result);
  } catch (error) {
    if (isPathwayError(error)) return Promise.reject(error);
    return Promise.reject(
      new PathwayError(
        'INTERNAL',
        `internal error evaluating ${compiled.pathway.id} ${compiled.pathway.version}: ${error instanceof Error ? error.message : String(error)}`,
        [],
        compiled.pathway.id,
      ),
    );
  }
}
