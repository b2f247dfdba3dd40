/**
 * `evaluateBatch(batch, results)`: the population path's evaluation of loaded patients —
 * alerts and pathway follow-ups in the patient's own context, the walk (global transitions
 * first, first true candidate taken, stop on the first unknown, loop guard), then the final
 * step's follow-ups — written as columns. The same rules, in the same order, as `evaluate()`;
 * the differential tests hold every answer to json-rules-engine's.
 *
 * With `trace: true` every evaluated condition is recorded node by node (see `recorder.ts`):
 * the alerts first, then the walk's candidates in the order tried. With `trace: 'walk'` only
 * the walk's candidates are, which is all the explanation reads (`describe()`): an answer
 * that gives no trace need not record the alerts' trees.
 */
import { internalError, type PatientBatch } from './batch';
import { BatchResults, NEEDS_INFORMATION, REJECTED, SETTLED, STOP_REASONS } from './batch-results';
import { T, U, type TruthFn } from './codegen';
import type { FastStep } from './compile';
import { followUpCodes, type Timing } from './follow-ups';

const EXIT = STOP_REASONS.indexOf('exit-step');
const NO_CANDIDATE = STOP_REASONS.indexOf('no-candidate');
const UNKNOWN = STOP_REASONS.indexOf('needs-information');
const LOOP = STOP_REASONS.indexOf('loop-guard');

/** Options of {@link evaluateBatch}. */
export interface BatchOptions {
  /** Record every evaluated condition's tree, or the walk's only ('walk'); default false. */
  trace?: boolean | 'walk';
}

/**
 * Evaluates every patient of `batch` into `results` (which must have room for them) and
 * returns `results`. Rejected inputs get status 2: their errors are in `batch.errors`, and a
 * patient whose evaluation failed (a condition that throws) has its error in `results.errors`.
 */
export function evaluateBatch(
  batch: PatientBatch,
  results: BatchResults = new BatchResults(batch.compiled, batch.size),
  options: BatchOptions = {},
): BatchResults {
  const c = batch.compiled;
  if (results.compiled !== c) throw new TypeError('results were made for another compiled pathway');
  if (results.capacity < batch.size)
    throw new RangeError(`results hold ${results.capacity} patients, the batch has ${batch.size}`);
  const traced = options.trace === true || options.trace === 'walk';
  const tracedAlerts = options.trace === true;
  results.traced = options.trace ?? false;
  results.source = { batch, generation: batch.generation };
  const truth = c.truth;
  const record = c.record;
  const nodes = c.nodes;
  const steps = c.steps;
  const alerts = c.alerts;
  const A = results.alertCount;
  const R = results.ruleCount;
  const P = results.pathWidth;
  const timing: Timing = { asOf: '', asOfDay: 0, daysInStep: NaN };
  // Columns as locals: the loop below is the population path's innermost one.
  const { path, taken, alerts: alertTruth, followUps, traceStart } = results;
  const { rows, errors, startStep } = batch;
  let used = 0;
  for (let i = 0; i < batch.size; i++) {
    traceStart[i] = used;
    results.errors[i] = undefined;
    const s0 = rows[i] as unknown[];
    if (errors[i] !== undefined) {
      results.status[i] = REJECTED;
      continue;
    }
    try {
      const b = traced ? results.reserveTrace(used, c.traceBytes) : results.trace;

      // Alerts and pathway-level follow-ups: the patient's own context.
      for (let k = 0; k < A; k++) {
        const cond = (alerts[k] as (typeof alerts)[number]).cond;
        let t: number;
        if (tracedAlerts) {
          t = (record[cond] as (typeof record)[number])(s0, b, used);
          used += nodes[cond] as number;
        } else t = (truth[cond] as TruthFn)(s0);
        alertTruth[i * A + k] = t;
      }
      followUpCodes(followUps, i * R, c.followUps, truth, s0, undefined);

      // The walk.
      let s = s0;
      let at = startStep[i] as number;
      let current = steps[at] as FastStep;
      let length = 1;
      path[i * P] = at;
      let stop = NO_CANDIDATE;
      let pending = -1;
      for (;;) {
        if (current.exit) {
          stop = EXIT;
          break;
        }
        let next = -1;
        let chosen = -1;
        const candidates = current.candidates;
        for (let k = 0; k < candidates.length; k++) {
          const cand = candidates[k] as (typeof candidates)[number];
          let t: number;
          if (traced) {
            t = (record[cand.cond] as (typeof record)[number])(s, b, used);
            used += nodes[cand.cond] as number;
          } else t = (truth[cand.cond] as TruthFn)(s);
          if (t === T) {
            next = cand.to;
            chosen = k;
            break;
          }
          if (t === U) {
            stop = UNKNOWN;
            pending = k;
            break;
          }
        }
        if (stop === UNKNOWN) break;
        if (next < 0) {
          stop = NO_CANDIDATE;
          break;
        }
        let seen = false;
        for (let j = 0; j < length; j++) if (path[i * P + j] === next) seen = true;
        if (seen) {
          stop = LOOP;
          break;
        }
        taken[i * P + length - 1] = chosen;
        path[i * P + length] = next;
        length++;
        at = next;
        current = steps[at] as FastStep;
        // A step entered during the walk has been occupied for no time at all.
        if (s === s0) s = batch.walkRow(i);
      }
      results.pathLength[i] = length;
      results.pending[i] = pending;
      results.stopReason[i] = stop;
      results.status[i] = stop === UNKNOWN ? NEEDS_INFORMATION : SETTLED;

      timing.asOf = batch.asOf[i] as string;
      timing.asOfDay = batch.asOfDay[i] as number;
      timing.daysInStep = length > 1 ? 0 : (batch.startDays[i] as number);
      followUpCodes(followUps, i * R, current.followUps, truth, s, timing);
    } catch (error) {
      // A condition that throws (an operator given values it cannot compare) rejects this
      // patient only, with a typed error, as `evaluate()` would.
      results.errors[i] = internalError(c, error);
      results.status[i] = REJECTED;
      used = traceStart[i] as number;
    }
  }
  traceStart[batch.size] = used;
  return results;
}
