/**
 * Calendar arithmetic on day numbers for the population path. `engine/facts/dates.ts` parses
 * strings with a regular expression and builds `Date` objects on every call, which costs more
 * than a whole fast evaluation; these functions give the same numbers from character codes and
 * integer arithmetic (a differential test compares them with the originals).
 */

/** Days from 1970-01-01 for a proleptic Gregorian date (Hinnant's days-from-civil). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(text: string, at: number): number {
  const c = text.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/** Year, month and day of an ISO date string as one packed number (y·10⁴ + m·10² + d), or -1. */
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

/** The day number of a real calendar date written `YYYY-MM-DD`, or NaN for anything else. */
export function isoDay(text: unknown): number {
  const p = packedDate(text);
  if (p < 0) return NaN;
  return dayFromCivil(Math.floor(p / 10000), Math.floor(p / 100) % 100, p % 100);
}

function addMonthsDay(year: number, month: number, day: number, count: number): number {
  const index = year * 12 + (month - 1) + count;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * Calendar months from `from` to `to` with a fraction, exactly as `monthsBetween` in
 * `engine/facts/dates.ts` computes them (both must be valid dates; see that function for the rule).
 */
export function monthsBetweenPacked(from: number, to: number): number {
  const sy = Math.floor(from / 10000);
  const sm = Math.floor(from / 100) % 100;
  const sd = from % 100;
  const ey = Math.floor(to / 10000);
  const em = Math.floor(to / 100) % 100;
  const ed = to % 100;
  const startDay = dayFromCivil(sy, sm, sd);
  const endDay = dayFromCivil(ey, em, ed);
  if (endDay < startDay) return -monthsBetweenPacked(to, from);
  let whole = (ey - sy) * 12 + (em - sm);
  if (addMonthsDay(sy, sm, sd, whole) > endDay) whole -= 1;
  const anchor = addMonthsDay(sy, sm, sd, whole);
  const next = addMonthsDay(sy, sm, sd, whole + 1);
  return whole + (endDay - anchor) / (next - anchor);
}
