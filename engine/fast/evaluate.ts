/**
 * `evaluateFast(compiled, input, asOf)`: the population path for one patient. Synchronous,
 * and the same answers as `evaluate()` — step, status, path, alerts, undecided alerts, missing
 * facts, follow-up statuses, the trace when asked for, and the same typed errors — without the
 * explanation, messages and titles. A differential test holds it to json-rules-engine's answers.
 *
 * It is a batch of one: load (`batch.ts`), evaluate (`batch-evaluate.ts`), read the answer
 * back (`result-view.ts`). Population runs call those three directly, a batch at a time.
 */
import { PatientBatch } from './batch';
import { evaluateBatch } from './batch-evaluate';
import { BatchResults } from './batch-results';
import type { PopulationPathway } from './compile';
import type { FastOptions, FastResult } from './result';
import { resultAt } from './result-view';

/** A reusable batch of one per compiled pathway (evaluation is synchronous). */
const singles = new WeakMap<PopulationPathway, { batch: PatientBatch; results: BatchResults }>();

/**
 * Evaluates one patient on the population path. `input` is `{ currentStep?, facts, asOf?,
 * version? }` as for `evaluate()`; `asOf` is used when the input has none.
 * @throws PathwayError exactly where `evaluate()` rejects (same code, message and issues).
 */
export function evaluateFast(
  compiled: PopulationPathway,
  input: unknown,
  asOf?: string,
  options: FastOptions = {},
): FastResult {
  let single = singles.get(compiled);
  if (single === undefined) {
    single = { batch: new PatientBatch(compiled, 1), results: new BatchResults(compiled, 1) };
    singles.set(compiled, single);
  }
  const { batch, results } = single;
  batch.clear();
  batch.add(input, asOf);
  evaluateBatch(batch, results, { trace: options.trace === true });
  return resultAt(batch, results, 0);
}
