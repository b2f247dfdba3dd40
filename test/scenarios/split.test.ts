/** Splitting a test patient between a draft and the other versions it names. */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/model/types';
import { expectationFor } from '../../engine/scenarios/run';
import { splitScenario } from '../../engine/scenarios/split';

const shared: Scenario = {
  name: 'p',
  pathway: 'mini',
  versions: ['1.0.0', '1.1.0', '2.0.0'],
  asOf: '2027-02-01',
  input: { facts: { score: 45 } },
  expect: { step: 'treat' },
  expectByVersion: { '2.0.0': { step: 'refer' }, '1.0.0': { alerts: [] } },
};

describe('splitScenario', () => {
  it('gives the draft a copy checking what it checked there, and every other version the same as before', () => {
    const split = splitScenario(shared, '2.0.0');
    expect(split?.own.versions).toEqual(['2.0.0']);
    expect(split?.rest.versions).toEqual(['1.0.0', '1.1.0']);
    for (const v of ['1.0.0', '1.1.0'])
      expect(expectationFor(split?.rest as Scenario, v)).toEqual(expectationFor(shared, v));
    expect(expectationFor(split?.own as Scenario, '2.0.0')).toEqual(
      expectationFor(shared, '2.0.0'),
    );
    expect(split?.rest.expectByVersion).toEqual({ '1.0.0': { alerts: [] } });
  });

  it('drops an override map left empty, and splits nothing that names the version alone or not at all', () => {
    const two: Scenario = {
      ...shared,
      versions: ['1.1.0', '2.0.0'],
      expectByVersion: { '2.0.0': {} },
    };
    expect(splitScenario(two, '2.0.0')?.rest).not.toHaveProperty('expectByVersion');
    expect(splitScenario({ ...shared, versions: ['2.0.0'] }, '2.0.0')).toBeUndefined();
    expect(splitScenario(shared, '3.0.0')).toBeUndefined();
  });
});
