/**
 * Calendar dates as the pathway and patient input carry them: ISO `YYYY-MM-DD`, with no
 * time and no zone. All arithmetic is done on UTC day numbers, so that a daylight-saving
 * change or the zone of the machine running the engine can never shift a day count.
 */
import { PathwayError } from '../errors';

/** A length of time in whole days, weeks or calendar months (the pathway's follow-up form). */
export interface Duration {
  readonly days?: number;
  readonly weeks?: number;
  readonly months?: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

/** True for years with 29 February in the proleptic Gregorian calendar. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Splits a date string into its parts, or undefined when it is not a real calendar date. */
function toCalendarDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * Days since 1970-01-01. `setUTCFullYear` is used instead of `Date.UTC` because the latter
 * maps years 0–99 to 1900–1999.
 */
function dayNumberOf(date: CalendarDate): number {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

function calendarDateOf(dayNumber: number): CalendarDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function parts(text: string): CalendarDate {
  const date = toCalendarDate(text);
  if (date === undefined) {
    const message = `not a calendar date as YYYY-MM-DD: ${JSON.stringify(text)}`;
    throw new PathwayError('DATE_FORMAT', message, [{ code: 'DATE_FORMAT', message, value: text }]);
  }
  return date;
}

/** True when `value` is a string holding a real calendar date as `YYYY-MM-DD` (so not 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && toCalendarDate(value) !== undefined;
}

/**
 * The UTC day number (days since 1970-01-01) of an ISO date.
 * @throws PathwayError `DATE_FORMAT` when `text` is not a real calendar date.
 */
export function parseIsoDate(text: string): number {
  return dayNumberOf(parts(text));
}

/**
 * The ISO date of a UTC day number.
 * @throws PathwayError `INVALID_INPUT` when the date falls outside years 0000–9999,
 * which `YYYY-MM-DD` cannot write.
 */
export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = calendarDateOf(dayNumber);
  if (!Number.isInteger(dayNumber) || year < 0 || year > 9999) {
    throw new PathwayError('INVALID_INPUT', `date out of range (day number ${dayNumber})`);
  }
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Whole days from `from` to `to`: negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return parseIsoDate(to) - parseIsoDate(from);
}

/** Weeks from `from` to `to`, as days / 7 (not rounded: callers round for their purpose). */
export function weeksBetween(from: string, to: string): number {
  return daysBetween(from, to) / 7;
}

/** The month `count` months after `date`, with the day clamped to that month's length (31 Jan + 1 → 28/29 Feb). */
function addMonthsTo(date: CalendarDate, count: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + count;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/**
 * Calendar months from `from` to `to`, with a fraction: whole months are counted from
 * `from`'s day of the month (2026-01-15 → 2026-07-15 is exactly 6), and the remaining
 * days are divided by the length of the month they fall in, measured from one monthly
 * anniversary to the next. Anniversaries are always counted from `from` itself, so
 * clamping at month ends (31 Jan → 28 Feb) never accumulates drift. Negative when `to`
 * is earlier. Not rounded.
 */
export function monthsBetween(from: string, to: string): number {
  const start = parts(from);
  const end = parts(to);
  const startDay = dayNumberOf(start);
  const endDay = dayNumberOf(end);
  if (endDay < startDay) return -monthsBetween(to, from);
  let whole = (end.year - start.year) * 12 + (end.month - start.month);
  if (dayNumberOf(addMonthsTo(start, whole)) > endDay) whole -= 1;
  const anchor = dayNumberOf(addMonthsTo(start, whole));
  const next = dayNumberOf(addMonthsTo(start, whole + 1));
  return whole + (endDay - anchor) / (next - anchor);
}

/**
 * The date `duration` after `date`: months first (day clamped to the month's end),
 * then weeks and days. Amounts may be negative but must be whole: a calendar date has
 * no fraction of a day.
 * @throws PathwayError `INVALID_INPUT` for a non-integer amount, `DATE_FORMAT` for a bad date.
 */
export function addDuration(date: string, duration: Duration): string {
  const { days = 0, weeks = 0, months = 0 } = duration;
  for (const [unit, amount] of [
    ['days', days],
    ['weeks', weeks],
    ['months', months],
  ] as const) {
    if (!Number.isSafeInteger(amount)) {
      throw new PathwayError(
        'INVALID_INPUT',
        `duration ${unit} must be a whole number, got ${amount}`,
      );
    }
  }
  const shifted = dayNumberOf(addMonthsTo(parts(date), months));
  return formatIsoDate(shifted + weeks * 7 + days);
}
