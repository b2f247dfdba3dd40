/** Small hand-made runs for the results store tests (counts only, as a cohort run makes them). */
import type { IndicatorCounts, IndicatorRun, RunGroup } from '../../engine/indicators/types';

/** Counts with the unknowns at 0 unless given. */
export function counts(
  denominator: number,
  numerator: number,
  extra: Partial<IndicatorCounts> = {},
): IndicatorCounts {
  return { denominator, numerator, numeratorUnknown: 0, denominatorUnknown: 0, ...extra };
}

function group(patients: number, review: IndicatorCounts, screened: IndicatorCounts): RunGroup {
  return {
    patients,
    needsInformation: Math.floor(patients / 4),
    finalStep: { primary: patients - 3, specialist: 3 },
    indicators: { 'opioid-review': review, screened },
  };
}

/**
 * A run of `pathwayId` on `asOf` with three centres (one small) and `all`; `shift` raises the
 * review counts.
 */
export function sampleRun(
  asOf: string,
  options: { version?: string; pathwayId?: string; shift?: number } = {},
): IndicatorRun {
  const shift = options.shift ?? 0;
  const north = group(1200, counts(400, 100 + 10 * shift), counts(1000, 600));
  const south = group(
    800,
    counts(200, 40 + 5 * shift, { numeratorUnknown: 20 }),
    counts(700, 300, { denominatorUnknown: 50 }),
  );
  // A small centre: 4 of its 30 opioid users reviewed, a cell every output must hide.
  const west = group(60, counts(30, 4), counts(50, 20));
  const all = group(
    2060,
    counts(630, 144 + 15 * shift, { numeratorUnknown: 20 }),
    counts(1750, 920, {
      denominatorUnknown: 50,
      strata: {
        'age:45-64|sex:female': { denominator: 900, numerator: 500 },
        unknown: { denominator: 800, numerator: 420 },
      },
    }),
  );
  return {
    createdAt: `${asOf}T06:00:00.000Z`,
    asOf,
    pathwayId: options.pathwayId ?? 'chronic-pain',
    version: options.version ?? '1.3.0',
    contentHash: `sha256:${(options.version ?? '1.3.0').replace(/\./g, '')}`,
    by: 'healthCentre',
    indicators: [
      {
        id: 'opioid-review',
        title: { sv: 'Opioidgenomgång', da: 'Opioidgennemgang', en: 'Opioid review' },
        direction: 'higher-is-better',
        target: 0.8,
        references: ['Socialstyrelsen 2023'],
      },
      {
        id: 'screened',
        title: { sv: 'Screenade', en: 'Screened' },
        description: { en: 'ÖMPSQ or STarT Back done' },
        direction: 'higher-is-better',
        references: [],
      },
    ],
    groups: { all, 'Norra VC': north, 'Södra VC': south, 'Västra VC': west },
  };
}
