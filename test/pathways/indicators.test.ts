/**
 * Chronic pain 1.3.0: the indicators issue 16 asks for, each citing the file's sources, a
 * case mix of age and sex, and placement, alerts and follow-ups exactly as 1.2.0 gives them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluateOutcome } from '../../engine/evaluate/evaluate';
import { compileIndicators } from '../../engine/indicators/evaluate';
import { synthPatients } from '../../engine/synth';
import { parsePathway } from '../../engine/yaml/parse';

const load = (version: string) =>
  parsePathway(
    readFileSync(join('pathways', 'chronic-pain', `${version}.yaml`), 'utf8'),
    `${version}.yaml`,
  );
const v120 = load('1.2.0');
const v130 = load('1.3.0');

describe('chronic-pain 1.3.0 indicators', () => {
  it('declares the indicators of issue 16, each citing sources the file lists', () => {
    expect(v130.indicators?.map((i) => i.id)).toEqual([
      'screened-ompsq-or-start-back',
      'opioid-review-within-90-days',
      'opioid-mme-50',
      'opioid-mme-90',
      'opioid-with-benzodiazepine',
      'long-term-opioid-treatment-plan',
      'multimodal-rehabilitation-placed',
      'improved-12-months-after-rehabilitation',
      'placement-needs-information',
    ]);
    const references = new Set(v130.references.map((r) => r.id));
    for (const indicator of v130.indicators ?? []) {
      expect(indicator.references.length).toBeGreaterThan(0);
      for (const id of indicator.references) expect(references).toContain(id);
      for (const language of ['sv', 'da', 'en'] as const)
        expect(indicator.title[language]).toBeTruthy();
    }
    expect(v130.caseMix).toEqual([{ fact: 'age', bands: [18, 45, 65] }, { fact: 'sex' }]);
  });

  it('takes over from 1.2.0 on 2027-01-01, which stays without indicators', () => {
    expect(v130).toMatchObject({
      status: 'active',
      effective: { from: '2027-01-01' },
      supersedes: '1.2.0',
    });
    expect(v120.indicators).toBeUndefined();
  });

  it('places synthetic patients exactly as 1.2.0 does, and every one in each indicator', () => {
    const before = compilePathway(v120);
    const after = compilePathway(v130);
    const indicators = compileIndicators(v130);
    let unknownNumerators = 0;
    for (const line of synthPatients(300, 7, '2027-02-01')) {
      const input = { facts: line.facts, ...(line.currentStep ? { currentStep: line.currentStep } : {}) };
      const a = evaluateOutcome(before, input, { asOf: '2027-02-01' });
      const b = evaluateOutcome(after, input, { asOf: '2027-02-01' });
      expect({ ...b, pathway: a.pathway }).toEqual(a);
      const memberships = indicators.evaluate(line.facts, b);
      expect(memberships).toHaveLength(9);
      unknownNumerators += memberships.filter((m) => m.numerator === 'unknown').length;
      expect(indicators.stratum(line.facts, b)).toMatch(/^(unknown|age:[^|]+\|sex:\w+)$/);
    }
    // The synthetic data leaves some things open: unknown is counted, never dropped.
    expect(unknownNumerators).toBeGreaterThan(0);
  });
});
