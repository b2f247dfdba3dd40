/**
 * `evaluateFast(compiled, input, asOf)`: the population path. Synchronous, and the same answers
 * as `evaluate()` — step, status, path, alerts, undecided alerts, missing facts, follow-up
 * statuses, the trace when asked for, and the same typed errors — without the explanation,
 * messages and titles. A differential test holds it to json-rules-engine's answers.
 *
 * Per patient: check and load the input into slots (the generated loader; the reference's
 * validation when it declines), derive facts into slots, evaluate alerts and pathway follow-ups
 * in the patient's context, walk, then the final step's follow-ups in the final context.
 */
import { PathwayError, isPathwayError } from '../errors';
import type { TraceEntry } from '../evaluate/result';
import { T, U, type TruthFn } from './codegen';
import type { FastStep, PopulationPathway } from './compile';
import { isoDay, packedDate } from './dates';
import type { DeriveDates } from './derive';
import { followUpsInto, type Timing } from './follow-ups';
import { ownKeyCount, plainRecord } from './loader';
import { prepareInput, type PreparedInput } from '../evaluate/prepare';
import { loadReference } from './reference';
import type { FastFollowUp, FastOptions, FastResult } from './result';

/** How the patient's facts were loaded: by the fast loader, or through the reference. */
type Loaded =
  | { kind: 'fast'; dates: DeriveDates; asOf: string }
  | { kind: 'reference'; prepared: PreparedInput; asOfDay: number };

/** Tries the fast loader; undefined means "ask the reference". */
function loadFast(
  c: PopulationPathway,
  input: unknown,
  fallbackAsOf: string | undefined,
  s: unknown[],
): Loaded | undefined {
  if (c.plan === undefined || !plainRecord(input)) return undefined;
  const { facts, currentStep, version } = input;
  const ownAsOf = input['asOf'];
  if (ownAsOf !== undefined && typeof ownAsOf !== 'string') return undefined;
  const asOf = ownAsOf ?? fallbackAsOf;
  let keys = 1;
  if (!plainRecord(facts)) return undefined;
  const asOfPacked = packedDate(asOf);
  if (asOfPacked < 0 || typeof asOf !== 'string') return undefined;
  const asOfDay = isoDay(asOf);
  if (ownAsOf !== undefined) keys++;
  if (version !== undefined) {
    if (version !== c.pathway.version) return undefined;
    keys++;
  }
  let enteredPacked = -1;
  let enteredDay = NaN;
  if (currentStep !== undefined) {
    if (!plainRecord(currentStep)) return undefined;
    const { id, enteredAt } = currentStep;
    if (typeof id !== 'string' || !c.stepIndex.has(id)) return undefined;
    let stepKeys = 1;
    if (enteredAt !== undefined) {
      enteredPacked = packedDate(enteredAt);
      enteredDay = isoDay(enteredAt);
      if (!(enteredDay <= asOfDay)) return undefined;
      stepKeys++;
    }
    if (ownKeyCount(currentStep) !== stepKeys) return undefined;
    keys++;
  }
  if (ownKeyCount(input) !== keys) return undefined;
  s.fill(undefined);
  if (!c.loader(facts, s, asOfDay)) return undefined;
  const dates: DeriveDates = { asOfDay, asOfPacked, enteredPacked, enteredDay };
  c.plan.medications(s, dates);
  c.plan.scalarsFor(s, dates, false);
  return { kind: 'fast', dates, asOf };
}

function load(
  c: PopulationPathway,
  input: unknown,
  fallbackAsOf: string | undefined,
  s: unknown[],
): Loaded {
  const fast = loadFast(c, input, fallbackAsOf, s);
  if (fast !== undefined) return fast;
  const prepared = prepareInput(c.pathway, input, fallbackAsOf);
  loadReference(c.pathway, c.layout, prepared, false, s);
  return { kind: 'reference', prepared, asOfDay: isoDay(prepared.asOf) };
}

/** Switches the slots to the context of a step entered during the walk (time in step 0). */
function enterWalkContext(c: PopulationPathway, loaded: Loaded, s: unknown[]): void {
  if (loaded.kind === 'fast') c.plan?.scalarsFor(s, loaded.dates, true);
  else loadReference(c.pathway, c.layout, loaded.prepared, true, s);
}

/** Days in the start step: from its entry date, else from a days/weeks time-in-step fact. */
function daysInStartStep(
  c: PopulationPathway,
  loaded: Loaded,
  s: readonly unknown[],
): number | undefined {
  if (loaded.kind === 'fast') {
    if (loaded.dates.enteredPacked >= 0) return loaded.dates.asOfDay - loaded.dates.enteredDay;
  } else {
    const enteredAt = loaded.prepared.validated.currentStep?.enteredAt;
    if (enteredAt !== undefined) return loaded.asOfDay - isoDay(enteredAt);
  }
  for (const { slot, days } of c.dayFacts) {
    const value = s[slot];
    if (typeof value === 'number') return Math.floor(value * days);
  }
  return undefined;
}

function startStep(c: PopulationPathway, input: unknown, loaded: Loaded): FastStep {
  const id =
    loaded.kind === 'reference'
      ? loaded.prepared.validated.currentStep?.id
      : (input as { currentStep?: { id?: string } }).currentStep?.id;
  return c.steps[id === undefined ? c.entry : (c.stepIndex.get(id) ?? c.entry)] as FastStep;
}

function run(
  c: PopulationPathway,
  input: unknown,
  asOf: string | undefined,
  traced: boolean,
): FastResult {
  const s = c.scratch;
  const loaded = load(c, input, asOf, s);
  const truth = c.truth;
  const asOfText = loaded.kind === 'fast' ? loaded.asOf : loaded.prepared.asOf;
  const asOfDay = loaded.kind === 'fast' ? loaded.dates.asOfDay : loaded.asOfDay;

  // Alerts and pathway-level follow-ups: the patient's own context.
  const alerts: string[] = [];
  const undecided: string[] = [];
  const truths = c.alertTruths;
  for (let i = 0; i < c.alerts.length; i++) {
    const a = c.alerts[i] as (typeof c.alerts)[number];
    const t = (truth[a.cond] as TruthFn)(s);
    truths[i] = t;
    if (t === U) undecided.push(a.id);
  }
  for (const a of c.alertsBySeverity) if (truths[a.order] === T) alerts.push(a.id);
  const alertTrace: TraceEntry[] = [];
  if (traced)
    for (const a of c.alerts) {
      const node = (c.trace[a.cond] as (typeof c.trace)[number])(s);
      alertTrace.push({ source: c.keys[a.cond] as string, result: node.result, condition: node });
    }
  const pathwayFollowUps: FastFollowUp[] = [];
  followUpsInto(pathwayFollowUps, c.followUps, truth, s, undefined);
  const startDays = daysInStartStep(c, loaded, s);

  // The walk.
  let current = startStep(c, input, loaded);
  const path = [current.id];
  const taken: string[] = [];
  const trace: TraceEntry[] = [];
  let entered = false;
  let stopReason: FastResult['stopReason'] = 'no-candidate';
  let pending: string | undefined;
  let missingFacts: string[] = [];
  for (;;) {
    if (current.exit) {
      stopReason = 'exit-step';
      break;
    }
    let next: FastStep | undefined;
    let nextKey = '';
    let stop = false;
    for (const cand of current.candidates) {
      const t = (truth[cand.cond] as TruthFn)(s);
      if (traced) {
        const node = (c.trace[cand.cond] as (typeof c.trace)[number])(s);
        const to = (c.steps[cand.to] as FastStep).id;
        trace.push({
          source: cand.key,
          from: current.id,
          to,
          result: node.result,
          condition: node,
        });
      }
      if (t === T) {
        next = c.steps[cand.to];
        nextKey = cand.key;
        break;
      }
      if (t === U) {
        stopReason = 'needs-information';
        pending = cand.key;
        const collect = c.unknownFacts[cand.cond] as (typeof c.unknownFacts)[number];
        missingFacts = c.missing.forFacts(collect(s), s);
        stop = true;
        break;
      }
    }
    if (stop) break;
    if (next === undefined) {
      stopReason = 'no-candidate';
      break;
    }
    if (path.includes(next.id)) {
      stopReason = 'loop-guard';
      break;
    }
    taken.push(nextKey);
    path.push(next.id);
    current = next;
    if (!entered) {
      entered = true;
      enterWalkContext(c, loaded, s);
    }
  }

  const followUps: FastFollowUp[] = [];
  const timing: Timing = { asOf: asOfText, asOfDay, daysInStep: entered ? 0 : startDays };
  followUpsInto(followUps, current.followUps, truth, s, timing);
  for (const f of pathwayFollowUps) followUps.push(f);

  const result: FastResult = {
    status: stopReason === 'needs-information' ? 'needs-information' : 'settled',
    stopReason,
    step: current.id,
    path,
    taken,
    pending,
    alerts,
    undecidedAlerts: undecided,
    missingFacts,
    followUps,
  };
  if (traced) result.trace = trace.concat(alertTrace);
  return result;
}

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
  try {
    return run(compiled, input, asOf, options.trace === true);
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
