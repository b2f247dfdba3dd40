/**
 * The Danish supervision self-check: the indicators of chronic-pain-dk place patients on the
 * points about dependency-forming medicines. A record that would fail is in the numerator; a
 * record that does not say is unknown, never "met".
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluateOutcome } from '../../engine/evaluate/evaluate';
import { compileIndicators } from '../../engine/indicators/evaluate';
import type { IndicatorMembership } from '../../engine/indicators/types';
import { loadRepository, versionsOf } from '../../engine/node/repository';

const root = join(process.cwd(), 'pathways');
const repo = await loadRepository(root);
const loaded = versionsOf(repo, 'chronic-pain-dk').find((v) => v.pathway.version === '1.0.0');
if (loaded === undefined) throw new Error('chronic-pain-dk 1.0.0 is missing');
const pathway = loaded.pathway;
const compiled = compilePathway(pathway);
const indicators = compileIndicators(pathway);
const AS_OF = '2026-12-10';

function place(facts: Record<string, unknown>): Map<string, IndicatorMembership> {
  const outcome = evaluateOutcome(
    compiled,
    { facts, currentStep: { id: 'gp-management' } },
    { asOf: AS_OF },
  );
  return new Map(indicators.evaluate(facts, outcome).map((m) => [m.id, m] as const));
}

const DOCUMENTED = {
  indicationDocumented: true,
  hasTreatmentPlan: true,
  informedOfDependenceRisk: true,
  fmkCurrent: true,
  lastRenewalInPerson: true,
  monthsSincePersonalConsultation: 2,
  taperingPlanDocumented: true,
};
const TRAMADOL = { atc: 'N02AX02', dose: 200, unit: 'mg/day', since: '2026-06-01' };
const numerators = (m: Map<string, IndicatorMembership>): Record<string, string> =>
  Object.fromEntries([...m].map(([id, x]) => [id, `${x.denominator}/${x.numerator}`]));

describe('the chronic-pain-dk supervision self-check', () => {
  it('declares one indicator per point, each lower-is-better with target 0 and a source', () => {
    expect(indicators.infos.map((i) => i.id)).toEqual([
      'indication-not-documented',
      'no-treatment-plan',
      'dependence-risk-not-discussed',
      'fmk-not-current',
      'renewal-without-consultation',
      'opioid-consultation-overdue',
      'no-tapering-plan',
      'hypnotic-over-14-days',
      'anxiolytic-over-28-days',
      'opioid-with-benzodiazepine',
    ]);
    for (const info of indicators.infos) {
      expect(info).toMatchObject({ direction: 'lower-is-better', target: 0 });
      expect(info.title.da).toBeDefined();
      expect(info.references).toContain('stps-2024-smerteklinikker');
    }
  });

  it('puts the example patient in the numerators her record would fail', async () => {
    const example = JSON.parse(
      await readFile(join(root, 'chronic-pain-dk/examples/patient.json'), 'utf8'),
    ) as { facts: Record<string, unknown> };
    expect(numerators(place(example.facts))).toEqual({
      'indication-not-documented': 'true/false',
      'no-treatment-plan': 'true/true',
      'dependence-risk-not-discussed': 'true/false',
      'fmk-not-current': 'true/false',
      'renewal-without-consultation': 'true/true',
      'opioid-consultation-overdue': 'true/true',
      'no-tapering-plan': 'true/true',
      'hypnotic-over-14-days': 'true/true',
      'anxiolytic-over-28-days': 'false/false',
      'opioid-with-benzodiazepine': 'true/true',
    });
  });

  it('passes a fully documented tramadol patient on every point', () => {
    const m = place({ ...DOCUMENTED, medications: [TRAMADOL] });
    for (const x of m.values()) expect(x.numerator).toBe('false');
    expect(m.get('no-treatment-plan')?.denominator).toBe('true');
  });

  it('counts an undocumented record as unknown and names the fact to look up', () => {
    const m = place({ medications: [TRAMADOL] });
    expect(m.get('no-treatment-plan')).toEqual({
      id: 'no-treatment-plan',
      denominator: 'true',
      numerator: 'unknown',
      missingFacts: ['hasTreatmentPlan'],
    });
  });

  it('leaves a patient on no dependency-forming medicine out of every denominator', () => {
    const m = place({ medications: [{ atc: 'N02BE01', dose: 3000, unit: 'mg/day' }] });
    for (const x of m.values()) expect(x.denominator).toBe('false');
  });
});
