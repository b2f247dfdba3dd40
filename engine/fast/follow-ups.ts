/**
 * Follow-up statuses on day numbers, the same rules as the reference's (`engine/reference/follow-ups.ts`):
 * a scheduled follow-up (`at`) falls due that long after the step was entered, within
 * `windowDays` either side; a condition-based one is due or overdue when its condition is
 * true; `appliesWhen` must be true for either kind to be listed. A
 * timing the day-number shortcut cannot reproduce exactly (calendar months, a date outside
 * years 0000–9999, amounts that are not safe integers) is handed to the reference date
 * functions, which compute it or throw the very error `evaluate()` throws.
 */
import { addDuration, daysBetween } from '../facts/dates';
import type { FastFollowUpRule } from './compile';
import { T, type TruthFn } from './codegen';
import { dayFromCivil } from './dates';
import type { OutcomeFollowUp } from '../evaluate/outcome';

/** Default tolerance around a scheduled measurement point, in days. */
export const DEFAULT_WINDOW_DAYS = 14;

const MIN_DAY = dayFromCivil(0, 1, 1);
const MAX_DAY = dayFromCivil(9999, 12, 31);

/** When the final step was entered, as far as known. */
export interface Timing {
  asOf: string;
  asOfDay: number;
  /** NaN when unknown. */
  daysInStep: number;
}

function dueOffset(rule: FastFollowUpRule, timing: Timing, daysInStep: number): number {
  const at = rule.at ?? {};
  const days = at.days ?? 0;
  const weeks = at.weeks ?? 0;
  const entered = timing.asOfDay - daysInStep;
  const simple =
    at.months === undefined &&
    Number.isSafeInteger(daysInStep) &&
    Number.isSafeInteger(days) &&
    Number.isSafeInteger(weeks) &&
    entered >= MIN_DAY &&
    entered <= MAX_DAY;
  if (simple) {
    const due = entered + weeks * 7 + days;
    if (due >= MIN_DAY && due <= MAX_DAY) return due - timing.asOfDay;
  }
  return daysBetween(timing.asOf, dueDateOf(rule, timing.asOf, daysInStep));
}

const NOT_LISTED = 0;
const UPCOMING = 1;
const DUE = 2;
const OVERDUE = 3;
const DUE_BY_CONDITION = 4;
const OVERDUE_BY_CONDITION = 5;

/**
 * Follow-up statuses by the code stored per rule in batch results (0: not listed). Codes 1–3
 * come from the schedule (the item then has a due date), 4 and 5 from a condition.
 */
export const FOLLOW_UP_STATUS: readonly (OutcomeFollowUp['status'] | undefined)[] = [
  undefined,
  'upcoming',
  'due',
  'overdue',
  'due',
  'overdue',
];

/** Whether a stored status code came from the schedule, so that the item has a due date. */
export function isScheduled(code: number): boolean {
  return code >= UPCOMING && code <= OVERDUE;
}

/** The due date of a scheduled follow-up, as the reference computes it (read back per patient). */
export function dueDateOf(rule: FastFollowUpRule, asOf: string, daysInStep: number): string {
  const at = rule.at ?? {};
  const entered = addDuration(asOf, { days: -daysInStep });
  return addDuration(entered, {
    ...(at.days === undefined ? {} : { days: at.days }),
    ...(at.weeks === undefined ? {} : { weeks: at.weeks }),
    ...(at.months === undefined ? {} : { months: at.months }),
  });
}

/**
 * Writes the status code of each rule of `rules` to `out[base + rule.index]` (0 when the rule
 * lists nothing for this patient). `timing` is undefined for pathway-level follow-ups, which
 * have no step to be timed from.
 */
export function followUpCodes(
  out: Uint8Array,
  base: number,
  rules: readonly FastFollowUpRule[],
  truth: readonly TruthFn[],
  s: readonly unknown[],
  timing: Timing | undefined,
): void {
  for (const rule of rules) out[base + rule.index] = code(rule, truth, s, timing);
}

function code(
  rule: FastFollowUpRule,
  truth: readonly TruthFn[],
  s: readonly unknown[],
  timing: Timing | undefined,
): number {
  if (rule.applies >= 0 && (truth[rule.applies] as TruthFn)(s) !== T) return NOT_LISTED;
  if (rule.overdue >= 0 && (truth[rule.overdue] as TruthFn)(s) === T) return OVERDUE_BY_CONDITION;
  if (rule.due >= 0 && (truth[rule.due] as TruthFn)(s) === T) return DUE_BY_CONDITION;
  if (rule.at === undefined || timing === undefined || Number.isNaN(timing.daysInStep))
    return NOT_LISTED;
  const offset = dueOffset(rule, timing, timing.daysInStep);
  const w = rule.windowDays;
  return offset > w ? UPCOMING : offset >= -w ? DUE : OVERDUE;
}
