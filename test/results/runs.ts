/** Hand-made runs for the results tests. */
import type { IndicatorCounts, IndicatorInfo, IndicatorRun } from '../../engine/indicators/types';

export const REVIEW: IndicatorInfo = {
  id: 'opioidReview',
  title: {
    sv: 'Andel opioidanvändare med uppföljning inom 90 dagar',
    da: 'Andel opioidbrugere med opfølgning inden for 90 dage',
    en: 'Share of opioid users reviewed within 90 days',
  },
  direction: 'higher-is-better',
  target: 0.8,
  references: ['Läkemedelsverket 2017'],
};

export const BENZO: IndicatorInfo = {
  id: 'opioidBenzo',
  title: {
    sv: 'Opioid och bensodiazepin',
    da: 'Opioid og benzodiazepin',
    en: 'Opioid and benzodiazepine',
  },
  direction: 'lower-is-better',
  references: [],
};

export const counts = (
  denominator: number,
  numerator: number,
  numeratorUnknown = 0,
  denominatorUnknown = 0,
): IndicatorCounts => ({ denominator, numerator, numeratorUnknown, denominatorUnknown });

/** Sums centres into the region. */
export function region(centres: readonly IndicatorCounts[]): IndicatorCounts {
  const all = counts(0, 0);
  for (const c of centres) {
    all.denominator += c.denominator;
    all.numerator += c.numerator;
    all.numeratorUnknown += c.numeratorUnknown;
    all.denominatorUnknown += c.denominatorUnknown;
    if (c.strata !== undefined) {
      all.strata ??= {};
      for (const [k, s] of Object.entries(c.strata)) {
        const t = (all.strata[k] ??= { denominator: 0, numerator: 0 });
        t.denominator += s.denominator;
        t.numerator += s.numerator;
      }
    }
  }
  return all;
}

/** A run of the given indicators' counts per centre (the region summed). */
export function run(
  asOf: string,
  version: string,
  perIndicator: Record<string, Record<string, IndicatorCounts>>,
  infos: IndicatorInfo[] = [REVIEW],
): IndicatorRun {
  const names = [...new Set(Object.values(perIndicator).flatMap((c) => Object.keys(c)))];
  const groups: IndicatorRun['groups'] = {};
  for (const name of [...names, 'all'])
    groups[name] = { patients: 0, needsInformation: 0, finalStep: {}, indicators: {} };
  for (const [id, centres] of Object.entries(perIndicator)) {
    for (const [name, c] of Object.entries(centres))
      (groups[name] as IndicatorRun['groups'][string]).indicators[id] = c;
    (groups['all'] as IndicatorRun['groups'][string]).indicators[id] = region(
      Object.values(centres),
    );
  }
  return {
    createdAt: `${asOf}T06:00:00Z`,
    asOf,
    pathwayId: 'chronic-pain',
    version,
    contentHash: `sha256:${version}`,
    by: 'healthCentre',
    indicators: infos,
    groups,
  };
}
