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

/** A run of `pathwayId` on `asOf` with two centres and `all`; `shift` moves the review counts. */
export function sampleRun(
  asOf: string,
  options: { version?: string; pathwayId?: string; shift?: number } = {},
): IndicatorRun {
  const shift = options.shift ?? 0;
  const north = group(120, counts(40, 10 + shift), counts(100, 60));
  const south = group(
    80,
    counts(20, 4, { numeratorUnknown: 2 }),
    counts(70, 30, { denominatorUnknown: 5 }),
  );
  const all = group(
    200,
    counts(60, 14 + shift, { numeratorUnknown: 2 }),
    counts(170, 90, {
      denominatorUnknown: 5,
      strata: {
        'age:45-64|sex:female': { denominator: 90, numerator: 50 },
        unknown: { denominator: 80, numerator: 40 },
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
    groups: { all, 'Norra VC': north, 'Södra VC': south },
  };
}
