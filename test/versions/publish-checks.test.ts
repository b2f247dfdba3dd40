import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/model/types';
import {
  isClear,
  publicationRecord,
  publishBlockers,
  publishChecks,
} from '../../engine/versions/publish-checks';
import { scenariosToPublish } from '../../engine/versions/publish-scenarios';
import { replacedVersion } from '../../engine/versions/replaced';
import { miniPathway } from '../fixtures/pathways';

const v = (version: string, status: 'draft' | 'active' | 'retired', from: string) =>
  miniPathway({ version, status, effective: { from } });

const scenario = (name: string, versions: string[], extra: Partial<Scenario> = {}): Scenario => ({
  name,
  pathway: 'mini',
  versions,
  asOf: '2027-02-01',
  input: { facts: { painMonths: 6, score: 45, age: 40, flags: [], done: false } },
  expect: { step: 'treat' },
  ...extra,
});

describe('which version a new one replaces', () => {
  const siblings = [
    v('1.0.0', 'retired', '2025-01-01'),
    v('1.1.0', 'active', '2026-07-01'),
    v('1.5.0', 'draft', '2027-01-01'),
  ];

  it('is the active version it retires', () => {
    expect(replacedVersion(siblings, v('2.0.0', 'active', '2027-01-01'))?.version).toBe('1.1.0');
  });

  it('is the version it names in supersedes, when it names one', () => {
    const successor = { ...v('2.0.0', 'active', '2027-01-01'), supersedes: '1.0.0' };
    expect(replacedVersion(siblings, successor)?.version).toBe('1.0.0');
  });

  it('is the highest earlier published version when none is active before it, and none for a first version', () => {
    const old = [v('1.0.0', 'retired', '2025-01-01'), v('1.1.0', 'retired', '2025-06-01')];
    expect(replacedVersion(old, v('2.0.0', 'active', '2027-01-01'))?.version).toBe('1.1.0');
    expect(replacedVersion([], v('1.0.0', 'active', '2027-01-01'))).toBeUndefined();
  });
});

describe('the scenarios a version is published against', () => {
  it('are those naming it and those the latest earlier version inherits, with that version’s expectation', () => {
    const own = scenario('own', ['2.0.0']);
    const inherited = scenario('inherited', ['1.1.0'], {
      expectByVersion: { '1.1.0': { step: 'done' } },
    });
    const older = scenario('older', ['1.0.0']);
    const checked = scenariosToPublish([own, inherited, older], '2.0.0');
    expect(checked.map((c) => [c.scenario.name, c.basis])).toEqual([
      ['own', '2.0.0'],
      ['inherited', '1.1.0'],
    ]);
    expect(checked[1]?.scenario.versions).toEqual(['2.0.0']);
    expect(checked[1]?.scenario.expectByVersion).toEqual({ '2.0.0': { step: 'done' } });
  });

  it('leave out an inherited scenario that a scenario of the version replaces by name (a copy)', () => {
    const inherited = scenario('inherited', ['1.1.0']);
    const copy = scenario('inherited', ['2.0.0'], { expect: { step: 'done' } });
    const checked = scenariosToPublish([inherited, copy], '2.0.0');
    expect(checked.map((c) => [c.scenario.name, c.basis])).toEqual([['inherited', '2.0.0']]);
    expect(checked[0]?.scenario.expect).toEqual({ step: 'done' });
    // The original still checks its own version.
    expect(scenariosToPublish([inherited, copy], '1.1.0').map((c) => c.basis)).toEqual(['1.1.0']);
  });
});

describe('what blocks publishing and what is recorded', () => {
  it('blocks on a failing scenario until it is acknowledged by name, and records only what failed', async () => {
    const published = v('2.0.0', 'active', '2027-01-01');
    const failing = scenario('wrong-step', ['2.0.0'], { expect: { step: 'done' } });
    const passing = scenario('right-step', ['2.0.0']);
    // The siblings as they will be: 1.1.0 retired at the successor's start.
    const retired = miniPathway({
      version: '1.1.0',
      status: 'retired',
      effective: { from: '2026-07-01', to: '2027-01-01' },
    });
    const checks = await publishChecks(published, [retired], [failing, passing]);
    expect(checks.scenarios.map((s) => [s.name, s.passed])).toEqual([
      ['wrong-step', false],
      ['right-step', true],
    ]);
    expect(checks.lint.errors).toEqual([]);
    expect(checks.impact?.against).toBe('1.1.0');
    expect(checks.impact?.group.rows).toEqual([]);
    expect(publishBlockers(checks).failingScenarios).toEqual(['wrong-step']);
    expect(isClear(publishBlockers(checks, { failingScenarios: ['right-step'] }))).toBe(false);
    expect(isClear(publishBlockers(checks, { failingScenarios: ['wrong-step'] }))).toBe(true);
    expect(publicationRecord(checks, { failingScenarios: ['wrong-step', 'right-step'] })).toEqual({
      failingScenarios: ['wrong-step'],
    });
  });

  it('reports a version that does not compile as a lint error and runs nothing', async () => {
    const broken = miniPathway({ version: '2.0.0', status: 'active', entryStep: 'nowhere' });
    const checks = await publishChecks(broken, [], [scenario('any', ['2.0.0'])]);
    expect(checks.lint.errors.length).toBeGreaterThan(0);
    expect(checks.scenarios).toEqual([]);
    expect(isClear(publishBlockers(checks))).toBe(false);
  });
});
