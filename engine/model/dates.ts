/**
 * The one date module. Calendar dates as the pathway and patient input carry them are ISO
 * `YYYY-MM-DD`, with no time and no zone; whether a string is one, the day counts between
 * two, durations after one, the calendar day of a FHIR date-time and "today" in a time zone
 * are all decided here. Arithmetic is on day numbers (days since 1970-01-01, proleptic
 * Gregorian) in plain integers, so neither a daylight-saving change nor the zone of the
 * machine running the engine can shift a count, and the population path can afford it.
 */
import { PathwayError } from '../errors';
import { DEFAULT_TIME_ZONE } from './time-zone';

/** A length of time in whole days, weeks or calendar months (the pathway's follow-up form). */
export interface Duration {
  readonly days?: number;
  readonly weeks?: number;
  readonly months?: number;
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

/**
 * Days from 1970-01-01 for a proleptic Gregorian date (Hinnant's days-from-civil). Pure
 * integer arithmetic: unlike `Date.UTC` it does not map years 0–99 to the 1900s.
 */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month and day of a day number (Hinnant's civil-from-days). */
function civilFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function digit(text: string, at: number): number {
  const c = text.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/**
 * Year, month and day of a real calendar date written `YYYY-MM-DD` as one packed number
 * (y·10⁴ + m·10² + d), or -1 for anything else (2026-02-30 included). Read from character
 * codes, because the population path calls it for every date of every patient.
 */
export function packedDate(text: unknown): number {
  if (typeof text !== 'string' || text.length !== 10) return -1;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (year < 0 || month < 1 || month > 12 || day < 1) return -1;
  if (day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

/** The day number of a packed date from {@link packedDate}. */
function dayOfPacked(packed: number): number {
  return dayFromCivil(Math.floor(packed / 10000), Math.floor(packed / 100) % 100, packed % 100);
}

/** True when `value` is a string holding a real calendar date as `YYYY-MM-DD` (so not 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  return packedDate(value) >= 0;
}

/** The day number of a real calendar date written `YYYY-MM-DD`, or NaN for anything else. */
export function isoDay(text: unknown): number {
  const packed = packedDate(text);
  return packed < 0 ? NaN : dayOfPacked(packed);
}

function packedOrThrow(text: string): number {
  const packed = packedDate(text);
  if (packed < 0) {
    const message = `not a calendar date as YYYY-MM-DD: ${JSON.stringify(text)}`;
    throw new PathwayError('DATE_FORMAT', message, [{ code: 'DATE_FORMAT', message, value: text }]);
  }
  return packed;
}

/**
 * The day number (days since 1970-01-01) of an ISO date.
 * @throws PathwayError `DATE_FORMAT` when `text` is not a real calendar date.
 */
export function parseIsoDate(text: string): number {
  return dayOfPacked(packedOrThrow(text));
}

/**
 * The ISO date of a day number.
 * @throws PathwayError `INVALID_INPUT` when the date falls outside years 0000–9999,
 * which `YYYY-MM-DD` cannot write.
 */
export function formatIsoDate(dayNumber: number): string {
  if (!Number.isInteger(dayNumber)) {
    throw new PathwayError('INVALID_INPUT', `date out of range (day number ${dayNumber})`);
  }
  const { year, month, day } = civilFromDay(dayNumber);
  if (year < 0 || year > 9999) {
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

/** The day number `count` months after a date, the day clamped to that month's length (31 Jan + 1 → 28/29 Feb). */
function addMonths(year: number, month: number, day: number, count: number): number {
  const index = year * 12 + (month - 1) + count;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * {@link monthsBetween} on packed dates from {@link packedDate} (both must be valid), for
 * the population path, which has them packed already.
 */
export function monthsBetweenPacked(from: number, to: number): number {
  const sy = Math.floor(from / 10000);
  const sm = Math.floor(from / 100) % 100;
  const sd = from % 100;
  const startDay = dayOfPacked(from);
  const endDay = dayOfPacked(to);
  if (endDay < startDay) return -monthsBetweenPacked(to, from);
  let whole = (Math.floor(to / 10000) - sy) * 12 + (Math.floor(to / 100) % 100) - sm;
  if (addMonths(sy, sm, sd, whole) > endDay) whole -= 1;
  const anchor = addMonths(sy, sm, sd, whole);
  const next = addMonths(sy, sm, sd, whole + 1);
  return whole + (endDay - anchor) / (next - anchor);
}

/**
 * Calendar months from `from` to `to`, with a fraction: whole months are counted from
 * `from`'s day of the month (2026-01-15 → 2026-07-15 is exactly 6), and the remaining
 * days are divided by the length of the month they fall in, measured from one monthly
 * anniversary to the next. Anniversaries are always counted from `from` itself, so
 * clamping at month ends (31 Jan → 28 Feb) never accumulates drift. Negative when `to`
 * is earlier. Not rounded.
 * @throws PathwayError `DATE_FORMAT` for a bad date.
 */
export function monthsBetween(from: string, to: string): number {
  return monthsBetweenPacked(packedOrThrow(from), packedOrThrow(to));
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
  const packed = packedOrThrow(date);
  const shifted = addMonths(
    Math.floor(packed / 10000),
    Math.floor(packed / 100) % 100,
    packed % 100,
    months,
  );
  return formatIsoDate(shifted + weeks * 7 + days);
}

/** A date or date-time read as a calendar day plus an instant for ordering. */
export interface DateTime {
  /**
   * The calendar day: for a date-time with an offset (`Z`, `+01:00`), the day of that instant
   * in the time zone it was read in; for a date alone, or a time without an offset, the day
   * written.
   */
  readonly date: string;
  /** Milliseconds since the epoch; a date alone, or a time without an offset, counts as UTC. */
  readonly instant: number;
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reads `YYYY-MM-DD` or `YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh:mm]` (FHIR `date`, `dateTime`,
 * `instant`); undefined for anything else, such as 2026-02-30 or a partial date.
 *
 * A date-time with an offset names an instant, and its day is that instant's calendar day
 * in `timeZone` (the pathway's): `2026-03-01T00:30:00+01:00` and `2026-02-28T23:30:00Z`
 * are both 1 March in Stockholm, and `2026-03-01T00:30:00+13:00` is 28 February there. A
 * date alone is a calendar day already and stays as written; so does a time without an
 * offset (FHIR requires one; without it there is no instant to convert).
 * @throws PathwayError `INVALID_INPUT` for an unknown time zone.
 */
export function readDateTime(
  text: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): DateTime | undefined {
  const match = DATE_TIME.exec(text);
  const written = match?.[1];
  if (match === null || written === undefined || !isIsoDate(written)) return undefined;
  const time = match[2];
  const offset = match[3];
  // Without an offset the instant is read as UTC, so the order never depends on the machine's zone.
  const instant = Date.parse(`${written}${time ?? 'T00:00:00'}${offset ?? 'Z'}`);
  if (Number.isNaN(instant)) return undefined;
  if (time === undefined || offset === undefined) return { date: written, instant };
  return { date: today(timeZone, new Date(instant)), instant };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter for the calendar day in `timeZone` (creating one is slow). */
function dayFormat(timeZone: string): Intl.DateTimeFormat | undefined {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
    } catch {
      return undefined;
    }
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** True when `name` is a time zone this runtime knows (an IANA name such as `Europe/Stockholm`, or `UTC`). */
export function isTimeZone(name: string): boolean {
  return name !== '' && dayFormat(name) !== undefined;
}

/**
 * The calendar date at `now` in `timeZone`, as YYYY-MM-DD: "today" for a pathway is
 * `today(timeZoneOf(pathway))`. 2026-12-06T23:30:00Z is 2026-12-07 in Europe/Stockholm.
 * @throws PathwayError `INVALID_INPUT` for an unknown time zone.
 */
export function today(timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): string {
  const format = timeZone === '' ? undefined : dayFormat(timeZone);
  if (format === undefined) {
    throw new PathwayError('INVALID_INPUT', `unknown time zone ${JSON.stringify(timeZone)}`, [
      { code: 'INVALID_INPUT', message: 'not a known IANA time zone', value: timeZone },
    ]);
  }
  // The formatter's plain text (`8/15/2026` in en-US) costs half of its parts; any other
  // shape (a year before 1000, an era) is read from the parts, as before.
  const plain = US_DATE.exec(format.format(now));
  if (plain !== null)
    return formatIsoDate(dayFromCivil(Number(plain[3]), Number(plain[1]), Number(plain[2])));
  const parts = format.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate(dayFromCivil(part('year'), part('month'), part('day')));
}

/** month/day/year with a four-digit year, as the en-US day formatter writes a date. */
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
