/** What a rename does to the test patients: this version's own are rewritten on save; shared ones are not. */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/model/types';
import { renameName } from '../../engine/model/rename';
import { scenarioRenamePlan, scenarioWrites } from '../../editor/src/model/rename';
import type { ScenarioEntry } from '../../editor/src/model/scenarios';
import { miniPathway } from '../fixtures/pathways';

const patient = (name: string, versions: string[]): ScenarioEntry => {
  const scenario: Scenario = {
    name,
    pathway: 'mini',
    versions,
    asOf: '2027-02-01',
    input: { facts: { painMonths: 6, score: 45 } },
    expect: { step: 'treat', alerts: [] },
  };
  return { file: `${name}.yaml`, scenario, hash: `sha256:${name}` };
};

const entries = [
  patient('own', ['2.0.0']),
  patient('shared', ['1.1.0', '2.0.0']),
  patient('inherited', ['1.1.0']),
  patient('other', ['1.0.0']),
];
const draft = miniPathway({ version: '2.0.0', status: 'draft' });

describe('scenarioRenamePlan', () => {
  it('rewrites the patients of this version alone and lists shared and inherited ones as unchanged', () => {
    expect(scenarioRenamePlan(entries, '2.0.0', 'fact', 'score')).toEqual({
      rewritten: ['own'],
      shared: ['shared', 'inherited'],
    });
    expect(scenarioRenamePlan(entries, '2.0.0', 'fact', 'flags')).toEqual({
      rewritten: [],
      shared: [],
    });
  });
});

describe('scenarioWrites', () => {
  it('carries a rename into the own scenarios with their hash, and nothing else', () => {
    const renamed = renameName(draft, 'fact', 'score', 'painScore');
    const writes = scenarioWrites(
      entries,
      [{ kind: 'fact', from: 'score', to: 'painScore' }],
      renamed,
    );
    expect(writes.map((w) => [w.name, w.baseHash])).toEqual([['own', 'sha256:own']]);
    expect(writes[0]?.scenario.input.facts).toEqual({ painMonths: 6, painScore: 45 });
  });

  it('leaves out a rename that was undone, and follows a chain of renames', () => {
    const undone = scenarioWrites(
      entries,
      [{ kind: 'fact', from: 'score', to: 'painScore' }],
      draft,
    );
    expect(undone).toEqual([]);
    const twice = renameName(renameName(draft, 'fact', 'score', 'a'), 'fact', 'a', 'b');
    const chain = scenarioWrites(
      entries,
      [
        { kind: 'fact', from: 'score', to: 'a' },
        { kind: 'fact', from: 'a', to: 'b' },
      ],
      twice,
    );
    expect(chain[0]?.scenario.input.facts).toEqual({ painMonths: 6, b: 45 });
  });
});
