import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  isIsoDate,
  monthsBetween,
  parseIsoDate,
  readDateTime,
  today,
  isTimeZone,
  weeksBetween,
} from '../../engine/model/dates';
import { isoDate as isoDateSchema } from '../../engine/model/schema';
import { PathwayError } from '../../engine/errors';

/** Any real date between 1900 and 2100, as YYYY-MM-DD. */
const isoDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('ISO dates', () => {
  it('accepts real calendar dates, including 29 February in a leap year', () => {
    expect(isIsoDate('2026-01-15')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-15',
    '26-01-15',
    '2026-01-15T00:00:00Z',
    ' 2026-01-15',
    '2026/01/15',
    '',
  ])('rejects %j as a date', (text) => {
    expect(isIsoDate(text)).toBe(false);
  });

  it('rejects values that are not strings as dates', () => {
    expect(isIsoDate(20260115)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(new Date('2026-01-15'))).toBe(false);
  });

  it('throws DATE_FORMAT with the value when parsing a non-date', () => {
    const error = (() => {
      try {
        parseIsoDate('2026-02-30');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PathwayError);
    expect((error as PathwayError).code).toBe('DATE_FORMAT');
    expect((error as PathwayError).issues[0]?.value).toBe('2026-02-30');
  });

  it('gives the same day numbers as the Date object’s UTC clock', () => {
    fc.assert(
      fc.property(isoDate, (d) => parseIsoDate(d) === Date.parse(`${d}T00:00:00Z`) / 86_400_000),
    );
  });

  it('is the rule the schema’s date type applies', () => {
    expect(isoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(isoDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(isoDateSchema.safeParse('2026-2-3').success).toBe(false);
  });

  it('formats a day number back to the same date', () => {
    fc.assert(fc.property(isoDate, (d) => formatIsoDate(parseIsoDate(d)) === d));
  });

  it('handles years below 100 without mapping them to the 1900s', () => {
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(formatIsoDate(parseIsoDate('0050-06-01'))).toBe('0050-06-01');
  });

  it('knows the length of each month', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('day and week counts', () => {
  it('counts whole days from the first date to the second', () => {
    expect(daysBetween('2026-01-01', '2026-04-01')).toBe(90);
  });

  it('counts 29 February in a leap year', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
  });

  it('is not shifted by a daylight-saving change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('gives a negative count when the second date is earlier', () => {
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
  });

  it('counts weeks as days divided by 7', () => {
    expect(weeksBetween('2026-01-01', '2026-03-26')).toBe(12);
    expect(weeksBetween('2026-01-01', '2026-01-04')).toBeCloseTo(3 / 7, 12);
  });
});

describe('calendar months', () => {
  it('counts 2026-01-15 to 2026-07-15 as exactly 6 months', () => {
    expect(monthsBetween('2026-01-15', '2026-07-15')).toBe(6);
  });

  it('counts a partial month as the remaining days over that month’s length', () => {
    expect(monthsBetween('2026-01-15', '2026-02-01')).toBeCloseTo(17 / 31, 12);
    expect(monthsBetween('2026-02-15', '2026-03-01')).toBe(0.5);
  });

  it('counts a month from the 31st to the last day of a shorter month', () => {
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(monthsBetween('2026-01-31', '2026-03-31')).toBe(2);
  });

  it('is one day short of 6 months the day before the anniversary', () => {
    const months = monthsBetween('2026-01-15', '2026-07-14');
    expect(months).toBeLessThan(6);
    expect(months).toBeCloseTo(5 + 29 / 30, 12);
  });

  it('is negative when the second date is earlier', () => {
    expect(monthsBetween('2026-07-15', '2026-01-15')).toBe(-6);
  });

  it('never decreases as the end date moves forward', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 800 }), (start, offset) => {
        const a = addDuration(start, { days: offset });
        const b = addDuration(start, { days: offset + 1 });
        return monthsBetween(start, b) > monthsBetween(start, a);
      }),
    );
  });

  it('gives exactly n months after adding n months to a day up to the 28th', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 240 }), (date, n) => {
        fc.pre(Number(date.slice(8)) <= 28);
        return monthsBetween(date, addDuration(date, { months: n })) === n;
      }),
    );
  });
});

describe('adding durations', () => {
  it('adds days and weeks', () => {
    expect(addDuration('2026-01-01', { days: 90 })).toBe('2026-04-01');
    expect(addDuration('2026-01-01', { weeks: 12 })).toBe('2026-03-26');
  });

  it('adds months, clamping the day to the end of a shorter month', () => {
    expect(addDuration('2026-01-31', { months: 1 })).toBe('2026-02-28');
    expect(addDuration('2024-01-31', { months: 1 })).toBe('2024-02-29');
    expect(addDuration('2026-11-15', { months: 3 })).toBe('2027-02-15');
  });

  it('is undone by daysBetween for any number of days', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        return daysBetween(date, addDuration(date, { days: n })) === n;
      }),
    );
  });

  it('refuses a fractional amount', () => {
    expect(() => addDuration('2026-01-01', { days: 1.5 })).toThrow(PathwayError);
  });
});

describe('date-times', () => {
  it('reads a date-time with an offset as the day of its instant in Stockholm when no zone is named', () => {
    expect(readDateTime('2026-12-06T23:30:00+01:00')).toEqual({
      date: '2026-12-06',
      instant: Date.parse('2026-12-06T22:30:00Z'),
    });
    expect(readDateTime('2026-12-06T23:30:00Z')?.date).toBe('2026-12-07');
    expect(readDateTime('2026-12-06T20:15:00.250-05:00')?.date).toBe('2026-12-07');
  });

  it('puts a record written just after local midnight at +01:00 on that day in Stockholm (winter)', () => {
    expect(readDateTime('2026-03-01T00:30:00+01:00', 'Europe/Stockholm')?.date).toBe('2026-03-01');
    // Read in UTC it would still be 28 February: the zone decides, not the text.
    expect(readDateTime('2026-03-01T00:30:00+01:00', 'UTC')?.date).toBe('2026-02-28');
  });

  it('puts a record written just after local midnight at +02:00 on that day in Stockholm (summer time)', () => {
    expect(readDateTime('2026-07-01T00:05:00+02:00', 'Europe/Stockholm')?.date).toBe('2026-07-01');
    // +01:00 in summer is 01:05 in Stockholm, the same day; 23:55+01:00 is already the next.
    expect(readDateTime('2026-06-30T23:55:00+01:00', 'Europe/Stockholm')?.date).toBe('2026-07-01');
  });

  it('reads +13:00 as the day of that instant: Auckland keeps it, Stockholm is a day behind', () => {
    const text = '2026-12-07T00:30:00+13:00';
    expect(readDateTime(text, 'Pacific/Auckland')?.date).toBe('2026-12-07');
    expect(readDateTime(text, 'Europe/Stockholm')?.date).toBe('2026-12-06');
    expect(readDateTime('2026-03-01T00:30:00+01:00', 'Pacific/Auckland')?.date).toBe('2026-03-01');
  });

  it('keeps a plain date, or a time without an offset, as written in any zone', () => {
    expect(readDateTime('2026-12-07', 'Pacific/Auckland')?.date).toBe('2026-12-07');
    expect(readDateTime('2026-12-07', 'America/New_York')?.date).toBe('2026-12-07');
    expect(readDateTime('2026-12-07T23:30', 'Pacific/Auckland')?.date).toBe('2026-12-07');
  });

  it('refuses an unknown zone with a typed error', () => {
    expect(() => readDateTime('2026-12-07T00:30:00Z', 'Mars/Olympus_Mons')).toThrow(PathwayError);
  });

  it('reads a date alone, or a time without an offset, as UTC, whatever the machine’s zone', () => {
    expect(readDateTime('2026-12-06')).toEqual({
      date: '2026-12-06',
      instant: Date.parse('2026-12-06T00:00:00Z'),
    });
    expect(readDateTime('2026-12-06T10:00')?.instant).toBe(Date.parse('2026-12-06T10:00:00Z'));
  });

  it.each(['2026-02-30T10:00:00Z', '2026-12', '2026-12-06Z', '2026-12-06T25:00:00Z', 'today'])(
    'refuses %j',
    (text) => {
      expect(readDateTime(text)).toBeUndefined();
    },
  );
});

describe('today', () => {
  const lateEvening = new Date('2026-12-06T23:30:00Z');

  it('is already the next day in Stockholm at 23:30 UTC in winter (UTC+1)', () => {
    expect(today('Europe/Stockholm', lateEvening)).toBe('2026-12-07');
    expect(today('UTC', lateEvening)).toBe('2026-12-06');
  });

  it('turns over at 22:00 UTC in Stockholm in summer (UTC+2)', () => {
    expect(today('Europe/Stockholm', new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(today('Europe/Stockholm', new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('is still the previous day west of Greenwich', () => {
    expect(today('America/New_York', new Date('2026-12-07T03:00:00Z'))).toBe('2026-12-06');
  });

  it('reckons in Europe/Stockholm, the default zone, when no zone is given', () => {
    expect(today(undefined, lateEvening)).toBe('2026-12-07');
    expect(today('UTC', lateEvening)).toBe('2026-12-06');
  });

  it('reads years before 1000 and single-digit months and days right', () => {
    expect(today('UTC', new Date(Date.UTC(2026, 0, 5, 12)))).toBe('2026-01-05');
    const early = new Date('0999-03-04T12:00:00Z');
    expect(today('UTC', early)).toBe('0999-03-04');
    expect(today('Asia/Kathmandu', new Date('2026-12-06T18:15:00Z'))).toBe('2026-12-07');
  });

  it('crosses a year boundary and a leap day', () => {
    expect(today('Europe/Stockholm', new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(today('Asia/Tokyo', new Date('2028-02-28T15:00:00Z'))).toBe('2028-02-29');
  });

  it('refuses an unknown time zone with INVALID_INPUT naming it', () => {
    expect(() => today('Mars/Olympus_Mons', lateEvening)).toThrow(/Mars\/Olympus_Mons/);
    try {
      today('Mars/Olympus_Mons', lateEvening);
    } catch (e) {
      expect((e as PathwayError).code).toBe('INVALID_INPUT');
    }
    expect(isTimeZone('Europe/Stockholm')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
