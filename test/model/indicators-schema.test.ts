/**
 * Indicators and case mix in the pathway file: read from YAML with the outcome terms in the
 * fact position, refused with located schema errors when malformed, and printed back
 * canonically without change.
 */
import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import { parsePathway } from '../../engine/yaml/parse';
import { printPathway } from '../../engine/yaml/print';
import { opioidIndicatorPathway, walkIndicatorPathway } from '../indicators/fixture';

function schemaError(text: string): PathwayError {
  try {
    parsePathway(text);
  } catch (error) {
    if (error instanceof PathwayError) return error;
    throw error;
  }
  throw new Error('parsed');
}

const INDICATORS = `indicators:
  - id: reviewed
    title:
      sv: Granskade
      en: Reviewed
    direction: higher-is-better
    target: 0.8
    denominator:
      fact: $visited:treat
      operator: equal
      value: true
    numerator:
      any:
        - fact: $alert:high-score
          operator: equal
          value: false
        - fact: $step
          operator: in
          value: [done]
    references: [cdc-2022]
caseMix:
  - fact: age
    bands: [18, 45, 65]
`;

describe('indicators in the pathway file', () => {
  const base = printPathway(walkIndicatorPathway());

  it('prints and reads back a file with indicators and case mix unchanged', () => {
    for (const pathway of [walkIndicatorPathway(), opioidIndicatorPathway()]) {
      const text = printPathway(pathway);
      expect(text).toContain('indicators:');
      expect(printPathway(parsePathway(text))).toBe(text);
    }
  });

  it('reads outcome terms in the fact position of an indicator condition', () => {
    const withoutOwn = base.slice(0, base.indexOf('indicators:'));
    const parsed = parsePathway(withoutOwn + INDICATORS);
    expect(parsed.indicators?.[0]?.denominator).toEqual({
      fact: '$visited:treat',
      operator: 'equal',
      value: true,
    });
    expect(parsed.caseMix).toEqual([{ fact: 'age', bands: [18, 45, 65] }]);
  });

  it('refuses an outcome term in a transition, where only facts are read', () => {
    const text = base.replace('fact: painMonths', 'fact: $step');
    const error = schemaError(text);
    expect(error.code).toBe('SCHEMA');
    expect(error.issues[0]?.path).toMatch(/^conditions\[0\]\.when\.fact$/);
  });

  it('refuses a malformed term, a target above 1 and bands out of order, naming each path', () => {
    const withoutOwn = base.slice(0, base.indexOf('indicators:'));
    const text = (withoutOwn + INDICATORS)
      .replace('fact: $step', 'fact: $stepp')
      .replace('target: 0.8', 'target: 80')
      .replace('bands: [18, 45, 65]', 'bands: [45, 18]');
    const paths = schemaError(text).issues.map((i) => i.path);
    expect(paths).toEqual([
      'indicators[0].target',
      'indicators[0].numerator.any[1].fact',
      'caseMix[0].bands',
    ]);
  });

  it('refuses an indicator without a reference', () => {
    const withoutOwn = base.slice(0, base.indexOf('indicators:'));
    const text = (withoutOwn + INDICATORS).replace(
      '    references: [cdc-2022]\n',
      '    references: []\n',
    );
    expect(schemaError(text).issues[0]?.path).toBe('indicators[0].references');
  });
});
