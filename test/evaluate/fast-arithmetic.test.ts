/**
 * The population path's date and rounding shortcuts give exactly the reference functions'
 * numbers (`engine/facts/dates.ts`, `engine/facts/rounding.ts`), on random and edge values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate, monthsBetween, parseIsoDate } from '../../engine/facts/dates';
import { cleanArithmetic, roundTo } from '../../engine/facts/rounding';
import { isoDay, monthsBetweenPacked, packedDate } from '../../engine/fast/dates';
import { fastClean, fastRoundTo } from '../../engine/facts/fast-rounding';

const fastRound1 = (x: number): number => fastRoundTo(x, 1, 10);

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const dateText = fc
  .record({
    y: fc.integer({ min: 0, max: 9999 }),
    m: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
  })
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

describe('the fast date arithmetic', () => {
  it('accepts exactly the dates the reference accepts, with the same day numbers', () => {
    fc.assert(
      fc.property(fc.oneof(dateText, fc.string()), (text) => {
        expect(Number.isNaN(isoDay(text))).toBe(!isIsoDate(text));
        if (isIsoDate(text)) expect(isoDay(text)).toBe(parseIsoDate(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('counts calendar months between two dates as the reference does', () => {
    const valid = dateText.filter((t) => isIsoDate(t) && t >= '1900' && t < '2100');
    fc.assert(
      fc.property(valid, valid, (a, b) => {
        expect(monthsBetweenPacked(packedDate(a), packedDate(b))).toBe(monthsBetween(a, b));
      }),
      { numRuns: 5000 },
    );
    expect(monthsBetweenPacked(packedDate('2026-01-31'), packedDate('2026-02-28'))).toBe(
      monthsBetween('2026-01-31', '2026-02-28'),
    );
  });
});

describe('the fast rounding', () => {
  it('rounds exactly as the reference does, including values near one half', () => {
    const near = fc
      .tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.constantFrom(0.5, 0.05, 0.49999999, 0.5000001))
      .map(([i, f]) => i / 10 + f / 10);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, min: -1e12, max: 1e12 }), near), (x) => {
        expect(fastRound1(x)).toBe(roundTo(x, 1));
        expect(fastClean(x)).toBe(cleanArithmetic(x));
      }),
      { numRuns: 20000 },
    );
    for (const x of [7.3 - 5.3, (100 * 2.1) / 7, 1.15, 2.25, 30 * 0.15, -0.05, 83 / 7])
      expect([fastRound1(x), fastClean(x)]).toEqual([roundTo(x, 1), cleanArithmetic(x)]);
  });
});
