import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { coverage, runScenario } from '../../engine/scenarios/run';
import { coverageBadges } from '../../editor/src/model/coverage';
import { chronicPain, chronicPainScenarios } from './helpers';

describe('coverage on the canvas', () => {
  it('counts per edge what pathway test counts, and passing patients per final step', async () => {
    const pathway = chronicPain('1.3.0');
    const compiled = compilePathway(pathway);
    const scenarios = chronicPainScenarios()
      .filter((e) => e.scenario.versions.includes('1.3.0'))
      .slice(0, 40);
    const outcomes = await Promise.all(scenarios.map((e) => runScenario(compiled, e.scenario)));
    const cov = coverage(pathway, outcomes);
    const badges = coverageBadges(pathway, outcomes);
    const coveredEdges = Object.values(badges.edges).filter((n) => n > 0).length;
    expect(coveredEdges).toBe(cov.transitions.covered.length);
    expect(Object.keys(badges.edges)).toHaveLength(cov.transitions.total);
    expect(badges.edges['g:0']).toBe(cov.transitions.counts['globalTransitions[0]']);
    const firstStep = pathway.steps.find((s) => s.transitions.length > 0)!;
    expect(badges.edges[`t:${firstStep.id}:0`]).toBe(
      cov.transitions.counts[`steps.${firstStep.id}.transitions[0]`],
    );
    const passing = outcomes.filter((o) => o.passed && o.result !== undefined);
    expect(badges.passed).toBe(passing.length);
    expect(Object.values(badges.steps).reduce((n, s) => n + s.patients, 0)).toBe(passing.length);
    for (const a of pathway.alerts)
      expect(badges.alerts[a.id]).toBe(cov.alerts.counts[`alerts.${a.id}`]);
  });

  it('counts nothing for a failing patient: its walk is not the expected one', async () => {
    const pathway = chronicPain('1.3.0');
    const compiled = compilePathway(pathway);
    const entry = chronicPainScenarios().find(
      (e) => e.file === 'mmr1-completed-to-follow-up.yaml',
    )!;
    const outcome = await runScenario(compiled, entry.scenario);
    expect(outcome.result?.transitions.length ?? 0).toBeGreaterThan(0);
    const badges = coverageBadges(pathway, [{ ...outcome, passed: false }]);
    expect(Object.values(badges.edges).every((n) => n === 0)).toBe(true);
    expect(badges.passed).toBe(0);
  });
});
