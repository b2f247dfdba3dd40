/**
 * Scenarios pin indicator memberships: `expect.indicators` is read from the scenario file,
 * each part given is checked, and a mismatch or an undeclared indicator fails in words.
 */
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import type { Scenario } from '../../engine/model/types';
import { runScenario } from '../../engine/scenarios/run';
import { parseScenario } from '../../engine/yaml/parse';
import { opioidIndicatorPathway } from '../indicators/fixture';

const compiled = compilePathway(opioidIndicatorPathway());

const SCENARIO = `name: incomplete MME sum
pathway: mini
versions: [1.0.0]
asOf: 2026-04-01
input:
  facts:
    medications:
      - { atc: N02AA05, dose: 20, unit: mg/day, since: 2025-01-01 }
      - { atc: N02AB01, dose: 50, unit: mg/day, since: 2025-01-01 }
expect:
  indicators:
    mme-50: { denominator: true, numerator: unknown }
    opioid-benzodiazepine: { numerator: false }
`;

function withIndicators(indicators: NonNullable<Scenario['expect']['indicators']>): Scenario {
  const scenario = parseScenario(SCENARIO);
  return { ...scenario, expect: { indicators } };
}

describe('scenario expectations on indicators', () => {
  it('reads true, false and unknown from the scenario file and passes when they hold', async () => {
    const scenario = parseScenario(SCENARIO);
    expect(scenario.expect.indicators).toEqual({
      'mme-50': { denominator: true, numerator: 'unknown' },
      'opioid-benzodiazepine': { numerator: false },
    });
    const outcome = await runScenario(compiled, scenario);
    expect(outcome.failures).toEqual([]);
    expect(outcome.passed).toBe(true);
  });

  it('fails a part that does not hold, naming the facts that would decide it', async () => {
    const outcome = await runScenario(
      compiled,
      withIndicators({ 'mme-50': { numerator: true }, 'mme-90': { denominator: false } }),
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.failures).toEqual([
      'indicators.mme-50.numerator: expected true, got unknown (missing: opioidMme)',
      'indicators.mme-90.denominator: expected false, got true',
    ]);
  });

  it('fails an indicator the version does not declare', async () => {
    const outcome = await runScenario(compiled, withIndicators({ 'no-such': { numerator: true } }));
    expect(outcome.failures).toEqual([
      'indicators.no-such: version 1.0.0 declares no such indicator',
    ]);
  });

  it('refuses a truth other than true, false or unknown in the file', () => {
    expect(() => parseScenario(SCENARIO.replace('numerator: unknown', 'numerator: maybe'))).toThrow(
      /indicators/,
    );
  });
});
