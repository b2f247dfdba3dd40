/**
 * One patient's {@link Outcome} read back from batch columns: step ids, source keys, alert ids
 * in the order `describe()` lists them, missing facts (worked out here, only for the patient
 * asked about), follow-ups with their due dates, derived facts, notes, the values the fired
 * alerts' messages name and, when recorded, the trace. Everything is read from the slots the
 * loader filled: with a derivation plan, nothing is derived a second time.
 */
import { deriveFacts } from '../facts/derive';
import { formatIsoDate } from '../model/dates';
import type { FactNote } from '../facts/notes';
import type { Outcome, OutcomeFollowUp, OutcomeUndecidedAlert } from '../evaluate/outcome';
import type { TraceEntry } from '../evaluate/result';
import { NO_NOTES, type PatientBatch } from './batch';
import { NEEDS_INFORMATION, REJECTED, STOP_REASONS, type BatchResults } from './batch-results';
import { T, U } from './codegen';
import type { FastFollowUpRule, FastStep, PopulationPathway } from './compile';
import { dayFromCivil, isoDay } from './dates';
import { FOLLOW_UP_STATUS, dueDateOf, isScheduled } from './follow-ups';

/** Known values of `slots` by name, as `deriveFacts` lists them (null and undefined left out). */
function known(
  slots: readonly { name: string; slot: number }[],
  s: readonly unknown[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, slot } of slots) {
    const value = s[slot];
    if (value !== undefined && value !== null) out[name] = value;
  }
  return out;
}

/** Copies the known values of some slots into `o` by fact name (null and undefined left out). */
type Picker = (s: readonly unknown[], o: Record<string, unknown>) => void;

/**
 * A generated {@link Picker} for `slots`: one constant-key store per fact, so that building
 * an outcome's derived facts and template values allocates nothing but the object itself.
 */
function picker(slots: readonly { name: string; slot: number }[]): Picker {
  const body = slots
    .map(
      ({ name, slot }) =>
        `v = s[${slot}]; if (v !== undefined && v !== null) o[${JSON.stringify(name)}] = v;`,
    )
    .join('\n');
  return new Function('s', 'o', `"use strict"; let v;\n${body}`) as Picker;
}

/** The pickers of one pathway: derived facts, and per alert (file order) its template facts. */
interface Pickers {
  derived: Picker;
  templates: readonly Picker[];
}

const pickersByPathway = new WeakMap<PopulationPathway, Pickers>();

function pickersOf(c: PopulationPathway): Pickers {
  let pickers = pickersByPathway.get(c);
  if (pickers === undefined) {
    pickers = { derived: picker(c.derivedSlots), templates: c.templateSlots.map(picker) };
    pickersByPathway.set(c, pickers);
  }
  return pickers;
}

const MIN_DAY = dayFromCivil(0, 1, 1);
const MAX_DAY = dayFromCivil(9999, 12, 31);
const DUE_CACHE_LIMIT = 4096;
/** ISO dates of due days already written (patients evaluated on one date share them). */
const dueDates = new Map<number, string>();

/**
 * The due date of a scheduled follow-up. Whole days and weeks from an entry date inside years
 * 0000–9999 are counted on day numbers; anything else (calendar months, say) goes through
 * `dueDateOf`, the reference's date arithmetic — which also throws the reference's errors.
 */
function dueDate(
  rule: FastFollowUpRule,
  asOf: string,
  asOfDay: number,
  daysInStep: number,
): string {
  const at = rule.at;
  if (at !== undefined && at.months === undefined) {
    const days = at.days ?? 0;
    const weeks = at.weeks ?? 0;
    const entered = asOfDay - daysInStep;
    const due = entered + weeks * 7 + days;
    if (
      Number.isSafeInteger(daysInStep) &&
      Number.isSafeInteger(days) &&
      Number.isSafeInteger(weeks) &&
      entered >= MIN_DAY &&
      entered <= MAX_DAY &&
      due >= MIN_DAY &&
      due <= MAX_DAY
    ) {
      let text = dueDates.get(due);
      if (text === undefined) {
        text = formatIsoDate(due);
        if (dueDates.size < DUE_CACHE_LIMIT) dueDates.set(due, text);
      }
      return text;
    }
  }
  return dueDateOf(rule, asOf, daysInStep);
}

/**
 * The notes derivation attaches in the patient's own context. They depend only on the given
 * medication lists: the plan writes them from the lists in their slots; a pathway the plan
 * does not cover runs the reference derivation on those lists alone.
 */
function notesOf(
  c: PopulationPathway,
  s: readonly unknown[],
  asOf: string,
  flag: number,
): FactNote[] {
  if (c.noteSources.length === 0 || flag === NO_NOTES) return [];
  if (c.plan !== undefined) return c.plan.notes(s, isoDay(asOf));
  if (!c.noteSources.some(({ slot }) => Array.isArray(s[slot]) && (s[slot] as []).length > 0))
    return [];
  return deriveFacts(c.pathway, known(c.noteSources, s), { asOf, enteredDuringWalk: false }).notes;
}

/** Unknown fact names of one condition, reused between calls (evaluation is synchronous). */
const unknownScratch: string[] = [];

/**
 * The outcome for patient `i` of an evaluated batch.
 * @throws PathwayError the error `evaluate()` throws for that patient's input.
 */
export function outcomeAt(batch: PatientBatch, results: BatchResults, i: number): Outcome {
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
  const taken: Outcome['taken'] = [];
  for (let j = 0; j + 1 < length; j++) {
    const from = steps[j] as FastStep;
    const cand = from.candidates[results.taken[i * P + j] as number];
    const to = (steps[j + 1] as FastStep).id;
    taken.push({ key: cand?.key ?? '', from: from.id, to, global: cand?.global ?? false });
  }
  // The slots the final step's conditions were evaluated on.
  const s = (length > 1 ? batch.walkRow(i) : batch.rows[i]) as unknown[];
  const pendingIndex = results.pending[i] as number;
  const pendingCandidate = pendingIndex < 0 ? undefined : final.candidates[pendingIndex];
  let missingFacts: string[] = [];
  if (pendingCandidate !== undefined) {
    const collect = c.unknownFacts[pendingCandidate.cond] as (typeof c.unknownFacts)[number];
    unknownScratch.length = 0;
    collect(s, unknownScratch);
    missingFacts = c.missing.forFacts(unknownScratch, s);
  }

  // Alerts, pathway follow-ups, derived facts and notes: the patient's own context.
  const own = batch.rows[i] as unknown[];
  const pickers = pickersOf(c);
  const alerts: string[] = [];
  const templateFacts: Record<string, unknown> = {};
  for (const a of c.alertsBySeverity) if (results.alerts[i * A + a.order] === T) alerts.push(a.id);
  // Template values in file order of the alerts, as the reference lists them.
  for (let k = 0; k < c.alerts.length; k++)
    if (results.alerts[i * A + k] === T) (pickers.templates[k] as Picker)(own, templateFacts);
  const derivedFacts: Record<string, unknown> = {};
  pickers.derived(own, derivedFacts);
  const undecidedAlerts: OutcomeUndecidedAlert[] = [];
  for (let k = 0; k < c.alerts.length; k++) {
    if (results.alerts[i * A + k] !== U) continue;
    // Missing facts only for the alerts left undecided, with the precompiled collectors.
    const a = c.alerts[k] as (typeof c.alerts)[number];
    const collect = c.unknownFacts[a.cond] as (typeof c.unknownFacts)[number];
    unknownScratch.length = 0;
    collect(own, unknownScratch);
    undecidedAlerts.push({ id: a.id, missingFacts: c.missing.forFacts(unknownScratch, own) });
  }

  const asOf = batch.asOf[i] as string;
  const asOfDay = batch.asOfDay[i] as number;
  const daysInStep = length > 1 ? 0 : (batch.startDays[i] as number);
  const followUps: OutcomeFollowUp[] = [];
  const base = i * results.ruleCount;
  // The final step's follow-ups first, then the pathway's.
  for (let list = 0; list < 2; list++)
    for (const rule of list === 0 ? final.followUps : c.followUps) {
      const code = results.followUps[base + rule.index] as number;
      const status = FOLLOW_UP_STATUS[code];
      if (status === undefined) continue;
      followUps.push(
        isScheduled(code)
          ? {
              id: rule.id,
              step: rule.step,
              status,
              dueDate: dueDate(rule, asOf, asOfDay, daysInStep),
            }
          : { id: rule.id, step: rule.step, status },
      );
    }

  const outcome: Outcome = {
    pathway: { id: c.pathway.id, version: c.pathway.version },
    asOf,
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
    derivedFacts,
    notes: notesOf(c, own, asOf, batch.noteFlags[i] as number),
    templateFacts,
  };
  if (results.traced !== false)
    outcome.trace = traceAt(batch, results, i, steps, results.traced === true);
  return outcome;
}

/**
 * The recorded trace of patient `i`: the walk's candidates in the order tried, then the
 * alerts (when they were recorded: `withAlerts`).
 */
function traceAt(
  batch: PatientBatch,
  results: BatchResults,
  i: number,
  steps: readonly FastStep[],
  withAlerts: boolean,
): TraceEntry[] {
  const c = batch.compiled;
  const b = results.trace;
  let o = results.traceStart[i] as number;
  const own = batch.rows[i] as unknown[];
  const alertEntries: TraceEntry[] = [];
  for (const a of withAlerts ? c.alerts : []) {
    const condition = (c.views[a.cond] as (typeof c.views)[number])(b, o, own);
    alertEntries.push({ source: c.keys[a.cond] as string, result: condition.result, condition });
    o += c.nodes[a.cond] as number;
  }
  const entries: TraceEntry[] = [];
  const end = results.traceStart[i + 1] as number;
  steps.forEach((step, j) => {
    const s = j === 0 ? own : batch.walkRow(i);
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
