/** Renaming a fact or alert inside a test patient (scenario): its facts and every expectation. */
import { describe, expect, it } from 'vitest';
import { renameInScenario, scenarioNames } from '../../engine/model/rename';
import type { Scenario } from '../../engine/model/types';

const scenario: Scenario = {
  name: 'p',
  pathway: 'mini',
  versions: ['2.0.0'],
  asOf: '2027-02-01',
  input: { facts: { age: 40, score: 45, done: false } },
  expect: {
    step: 'treat',
    alerts: ['high-score'],
    missingFacts: ['score'],
    facts: { score: 45 },
  },
  expectByVersion: { '1.1.0': { step: 'treat', alertsExclude: ['high-score'] } },
};

describe('renameInScenario', () => {
  it('renames a fact in the input (keeping the key order) and in what is expected', () => {
    const out = renameInScenario(scenario, 'fact', 'score', 'painScore');
    expect(Object.keys(out.input.facts)).toEqual(['age', 'painScore', 'done']);
    expect(out.expect.missingFacts).toEqual(['painScore']);
    expect(out.expect.facts).toEqual({ painScore: 45 });
    expect(out.expect.alerts).toEqual(['high-score']);
    expect(scenario.input.facts).toHaveProperty('score');
  });

  it('renames an alert in every expectation, per version too', () => {
    const out = renameInScenario(scenario, 'alert', 'high-score', 'score-high');
    expect(out.expect.alerts).toEqual(['score-high']);
    expect(out.expectByVersion?.['1.1.0']?.alertsExclude).toEqual(['score-high']);
    expect(out.input).toBe(scenario.input);
  });

  it('leaves a scenario alone for a named condition or measure, and says which scenarios name a name', () => {
    expect(renameInScenario(scenario, 'condition', 'score', 'x')).toBe(scenario);
    expect(scenarioNames(scenario, 'fact', 'score')).toBe(true);
    expect(scenarioNames(scenario, 'fact', 'flags')).toBe(false);
    expect(scenarioNames(scenario, 'alert', 'high-score')).toBe(true);
    expect(scenarioNames(scenario, 'alert', 'old')).toBe(false);
  });
});
