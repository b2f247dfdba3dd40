/**
 * Follow-up statuses on day numbers, the same rules as `engine/evaluate/follow-ups.ts`. A
 * timing the day-number shortcut cannot reproduce exactly (calendar months, a date outside
 * years 0000–9999, amounts that are not safe integers) is handed to the reference date
 * functions, which compute it or throw the very error `evaluate()` throws.
 */
import { addDuration, daysBetween } from '../facts/dates';
import type { FastFollowUpRule } from './compile';
import { T, type TruthFn } from './codegen';
import { dayFromCivil } from './dates';
import type { FastFollowUp } from './result';

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
  const enteredDate = addDuration(timing.asOf, { days: -daysInStep });
  const dueDate = addDuration(enteredDate, {
    ...(at.days === undefined ? {} : { days: at.days }),
    ...(at.weeks === undefined ? {} : { weeks: at.weeks }),
    ...(at.months === undefined ? {} : { months: at.months }),
  });
  return daysBetween(timing.asOf, dueDate);
}

const NOT_LISTED = 0;
const UPCOMING = 1;
const DUE = 2;
const OVERDUE = 3;

/** Follow-up statuses by the code stored per rule in batch results (0: not listed). */
export const FOLLOW_UP_STATUS: readonly (FastFollowUp['status'] | undefined)[] = [
  undefined,
  'upcoming',
  'due',
  'overdue',
];

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
  if (rule.overdue >= 0 && (truth[rule.overdue] as TruthFn)(s) === T) return OVERDUE;
  if (rule.due >= 0 && (truth[rule.due] as TruthFn)(s) === T) return DUE;
  if (rule.at === undefined || timing === undefined || Number.isNaN(timing.daysInStep))
    return NOT_LISTED;
  const offset = dueOffset(rule, timing, timing.daysInStep);
  const w = rule.windowDays;
  return offset > w ? UPCOMING : offset >= -w ? DUE : OVERDUE;
}
