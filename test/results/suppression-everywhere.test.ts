import { describe, expect, it } from 'vitest';
import type { IndicatorCounts } from '../../engine/indicators/types';
import { resultsHtml, resultsReport, suppressCounts, type ShownCounts } from '../../engine/results';
import { prng } from '../../engine/synth/random';
import { counts, run } from './runs';

const FIELDS = [
  'denominator',
  'decided',
  'numerator',
  'numeratorUnknown',
  'denominatorUnknown',
] as const;

/** Random centres whose counts are often small, sometimes 0 and sometimes large. */
function randomCentres(r: () => number, n: number): Record<string, IndicatorCounts> {
  const pick = (): number => {
    const x = r();
    return x < 0.25 ? 0 : x < 0.6 ? 1 + Math.floor(r() * 6) : 5 + Math.floor(r() * 400);
  };
  const out: Record<string, IndicatorCounts> = {};
  for (let i = 0; i < n; i++) {
    const yes = pick();
    const no = pick();
    const unknown = pick();
    out[`c${i}`] = counts(yes + no + unknown, yes, unknown, pick());
  }
  return out;
}

function sum(centres: Record<string, IndicatorCounts>): IndicatorCounts {
  const all = counts(0, 0);
  for (const c of Object.values(centres)) {
    all.denominator += c.denominator;
    all.numerator += c.numerator;
    all.numeratorUnknown += c.numeratorUnknown;
    all.denominatorUnknown += c.denominatorUnknown;
  }
  return all;
}

describe('small-cell suppression everywhere', () => {
  it('never shows a count of 1 to 4, nor lets one be recomputed from the cell or the region total', () => {
    const r = prng(16);
    for (let trial = 0; trial < 400; trial++) {
      const centres = randomCentres(r, 1 + Math.floor(r() * 6));
      const raw: Record<string, IndicatorCounts> = { ...centres, all: sum(centres) };
      const shown = suppressCounts(raw);
      for (const [name, cell] of Object.entries(shown)) {
        const c = raw[name] as IndicatorCounts;
        const no = c.denominator - c.numeratorUnknown - c.numerator;
        for (const f of FIELDS) {
          const v = cell[f];
          if (v !== null) expect(v === 0 || v >= 5, `${name}.${f} = ${v}`).toBe(true);
        }
        if (cell.numerator !== null && cell.decided !== null)
          expect(no === 0 || no >= 5, `${name} no = ${no}`).toBe(true);
        const triple = [cell.denominator, cell.decided, cell.numeratorUnknown];
        expect(triple.filter((v) => v === null).length, `${name} triple`).not.toBe(1);
      }
      for (const f of FIELDS) {
        if (shown['all']?.[f] === null) continue;
        const hidden = Object.keys(centres).filter((k) => (shown[k] as ShownCounts)[f] === null);
        expect(hidden.length, `${f} hidden in ${hidden.join(',')}`).not.toBe(1);
      }
    }
  });

  it('leaves no small count in the report JSON nor in its HTML, in any language', () => {
    // Every small count here is 3 and every other count ends in 7, so a leaked 3 can be found.
    const runs = ['2026-01-31', '2026-02-28', '2026-03-31'].map((asOf) =>
      run(asOf, '1.3.0', {
        opioidReview: {
          'vc-a': counts(407, 3, 0, 3),
          'vc-b': counts(507, 207, 3, 0),
          'vc-c': counts(3, 0),
          'vc-d': counts(707, 404, 0, 17),
        },
      }),
    );
    const report = resultsReport(runs);
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (typeof value === 'object' && value !== null)
        for (const [k, v] of Object.entries(value)) {
          if ((FIELDS as readonly string[]).includes(k) && typeof v === 'number')
            expect(v === 0 || v >= 5, `${path}.${k} = ${v}`).toBe(true);
          walk(v, `${path}.${k}`);
        }
    };
    walk(report, 'report');
    for (const lang of ['sv', 'da', 'en'] as const) {
      const html = resultsHtml(report, { lang });
      const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
      expect(cells).not.toContain('3');
      expect(
        cells.filter((c) => c === 'dolt' || c === 'skjult' || c === 'suppressed').length,
      ).toBeGreaterThan(0);
    }
  });
});
