/**
 * One patient's answer read back from batch columns as a {@link FastResult}: step ids, source
 * keys, alert ids in the order `evaluate()` lists them, missing facts (worked out here, only
 * for the patient asked about), follow-ups and, when recorded, the trace.
 */
import type { TraceEntry } from '../evaluate/result';
import type { PatientBatch } from './batch';
import { NEEDS_INFORMATION, REJECTED, STOP_REASONS, type BatchResults } from './batch-results';
import { T, U } from './codegen';
import type { FastStep } from './compile';
import { FOLLOW_UP_STATUS } from './follow-ups';
import type { FastFollowUp, FastResult } from './result';

/**
 * The answer for patient `i` of an evaluated batch.
 * @throws PathwayError the error `evaluate()` throws for that patient's input.
 */
export function resultAt(batch: PatientBatch, results: BatchResults, i: number): FastResult {
  if (!(i >= 0 && i < batch.size)) throw new RangeError(`no patient ${i} in this batch`);
  // Results read against a batch that changed since would be another patient's answer.
  if (results.source?.batch !== batch || results.source.generation !== batch.generation)
    throw new Error('these results were not evaluated from this batch as it is now');
  const error = batch.errors[i] ?? results.errors[i];
  if (error !== undefined || results.status[i] === REJECTED)
    throw error ?? new RangeError(`patient ${i} was not evaluated`);
  const c = batch.compiled;
  const P = results.pathWidth;
  const A = results.alertCount;
  const length = results.pathLength[i] as number;
  const steps: FastStep[] = [];
  for (let j = 0; j < length; j++)
    steps.push(c.steps[results.path[i * P + j] as number] as FastStep);
  const final = steps[length - 1] as FastStep;
  const taken: string[] = [];
  for (let j = 0; j + 1 < length; j++) {
    const from = steps[j] as FastStep;
    taken.push(from.candidates[results.taken[i * P + j] as number]?.key ?? '');
  }
  // The slots the final step's conditions were evaluated on.
  const s = (length > 1 ? batch.walkRows[i] : batch.rows[i]) as unknown[];
  const pendingIndex = results.pending[i] as number;
  const pendingCandidate = pendingIndex < 0 ? undefined : final.candidates[pendingIndex];
  let missingFacts: string[] = [];
  if (pendingCandidate !== undefined) {
    const collect = c.unknownFacts[pendingCandidate.cond] as (typeof c.unknownFacts)[number];
    missingFacts = c.missing.forFacts(collect(s), s);
  }

  const alerts: string[] = [];
  for (const a of c.alertsBySeverity) if (results.alerts[i * A + a.order] === T) alerts.push(a.id);
  const undecidedAlerts: string[] = [];
  c.alerts.forEach((a, k) => {
    if (results.alerts[i * A + k] === U) undecidedAlerts.push(a.id);
  });

  const followUps: FastFollowUp[] = [];
  const base = i * results.ruleCount;
  for (const rule of [...final.followUps, ...c.followUps]) {
    const status = FOLLOW_UP_STATUS[results.followUps[base + rule.index] as number];
    if (status !== undefined) followUps.push({ id: rule.id, step: rule.step, status });
  }

  const result: FastResult = {
    status: results.status[i] === NEEDS_INFORMATION ? 'needs-information' : 'settled',
    stopReason: STOP_REASONS[results.stopReason[i] as number] ?? 'no-candidate',
    step: final.id,
    path: steps.map((step) => step.id),
    taken,
    pending: pendingCandidate?.key,
    alerts,
    undecidedAlerts,
    missingFacts,
    followUps,
  };
  if (results.traced) result.trace = traceAt(batch, results, i, steps);
  return result;
}

/** The recorded trace of patient `i`: the walk's candidates in the order tried, then the alerts. */
function traceAt(
  batch: PatientBatch,
  results: BatchResults,
  i: number,
  steps: readonly FastStep[],
): TraceEntry[] {
  const c = batch.compiled;
  const b = results.trace;
  let o = results.traceStart[i] as number;
  const own = batch.rows[i] as unknown[];
  const alertEntries: TraceEntry[] = [];
  for (const a of c.alerts) {
    const condition = (c.views[a.cond] as (typeof c.views)[number])(b, o, own);
    alertEntries.push({ source: c.keys[a.cond] as string, result: condition.result, condition });
    o += c.nodes[a.cond] as number;
  }
  const entries: TraceEntry[] = [];
  const end = results.traceStart[i + 1] as number;
  steps.forEach((step, j) => {
    const s = (j === 0 ? own : batch.walkRows[i]) as unknown[];
    for (const cand of step.candidates) {
      if (o >= end) break;
      const condition = (c.views[cand.cond] as (typeof c.views)[number])(b, o, s);
      const to = (c.steps[cand.to] as FastStep).id;
      entries.push({ source: cand.key, from: step.id, to, result: condition.result, condition });
      o += c.nodes[cand.cond] as number;
      // The walk left this step on the first candidate that was not false.
      if (condition.result !== 'false') break;
    }
  });
  return entries.concat(alertEntries);
}
