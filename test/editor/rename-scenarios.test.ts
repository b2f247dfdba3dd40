/** What a rename does to the test patients: this version's own are rewritten on save; shared ones are not. */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/model/types';
import { renameName } from '../../engine/model/rename';
import {
  copiesFor,
  scenarioRenamePlan,
  scenarioWrites,
  withPendingWork,
} from '../../editor/src/model/rename';
import { applicableScenarios } from '../../editor/src/model/scenarios';
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
    // (`splittable` is new: the patient naming the draft and 1.1.0 can now be split.)
    expect(scenarioRenamePlan(entries, '2.0.0', 'fact', 'score')).toEqual({
      rewritten: ['own'],
      shared: ['shared', 'inherited'],
      copyable: ['inherited.yaml'],
      splittable: ['shared.yaml'],
    });
    expect(scenarioRenamePlan(entries, '2.0.0', 'fact', 'flags')).toEqual({
      rewritten: [],
      shared: [],
      copyable: [],
      splittable: [],
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

describe('copying inherited patients for the draft', () => {
  it('copies an inherited patient under a new file for this version alone, keeping its name and expectation', () => {
    // `shared.yaml` names the draft and 1.1.0: it used to be left out, now it is split (below).
    const copies = copiesFor(entries, '2.0.0', ['inherited.yaml', 'shared.yaml', 'own.yaml']);
    expect(copies.map((c) => c.name)).toEqual(['shared-2-0-0', 'inherited-2-0-0']);
    expect(copies[1]?.splitFrom).toBeUndefined();
    expect(copies[1]?.scenario).toMatchObject({
      name: 'inherited',
      versions: ['2.0.0'],
      expect: { step: 'treat', alerts: [] },
    });
  });

  it('never copies one twice and never reuses a taken file name', () => {
    const taken = [...entries, patient('inherited-2-0-0', ['1.0.0'])];
    const first = copiesFor(taken, '2.0.0', ['inherited.yaml']);
    expect(first.map((c) => c.name)).toEqual(['inherited-2-0-0-2']);
    expect(copiesFor(taken, '2.0.0', ['inherited.yaml'], first)).toEqual([]);
  });

  it('saves the copy as a new file with the rename, and the copy replaces the original for the draft', () => {
    const renamed = renameName(draft, 'fact', 'score', 'painScore');
    const copies = copiesFor(entries, '2.0.0', ['inherited.yaml']);
    const writes = scenarioWrites(
      entries,
      [{ kind: 'fact', from: 'score', to: 'painScore' }],
      renamed,
      copies,
    );
    expect(writes.map((w) => [w.name, w.baseHash])).toEqual([
      ['own', 'sha256:own'],
      ['inherited-2-0-0', null],
    ]);
    expect(writes[1]?.scenario.input.facts).toEqual({ painMonths: 6, painScore: 45 });
    const saved = [
      ...entries,
      ...writes.map((w) => ({ file: `${w.name}.yaml`, scenario: w.scenario })),
    ];
    const forDraft = applicableScenarios(saved, '2.0.0').map((e) => [e.file, e.basis]);
    expect(forDraft).toContainEqual(['inherited-2-0-0.yaml', '2.0.0']);
    expect(forDraft).not.toContainEqual(['inherited.yaml', '1.1.0']);
  });

  it('writes a pending copy even when no rename is left', () => {
    const copies = copiesFor(entries, '2.0.0', ['inherited.yaml']);
    expect(scenarioWrites(entries, [], draft, copies).map((w) => w.name)).toEqual([
      'inherited-2-0-0',
    ]);
  });
});

describe('splitting a patient shared by the draft and other versions', () => {
  const rename = [{ kind: 'fact' as const, from: 'score', to: 'painScore' }];
  const renamed = renameName(draft, 'fact', 'score', 'painScore');

  it('copies it for the draft alone and keeps the original, less the draft, to write over it', () => {
    const [split] = copiesFor(entries, '2.0.0', ['shared.yaml']);
    expect(split?.name).toBe('shared-2-0-0');
    expect(split?.scenario.versions).toEqual(['2.0.0']);
    expect(split?.splitFrom).toEqual({
      file: 'shared.yaml',
      hash: 'sha256:shared',
      rest: { ...entries[1]?.scenario, versions: ['1.1.0'] },
    });
    // A patient of the draft alone is not split.
    expect(copiesFor(entries, '2.0.0', ['own.yaml'])).toEqual([]);
  });

  it('saves the renamed copy as a new file and the original, names unchanged, under its hash', () => {
    const copies = copiesFor(entries, '2.0.0', ['shared.yaml']);
    const writes = scenarioWrites(entries, rename, renamed, copies);
    const byName = new Map(writes.map((w) => [w.name, w]));
    expect(byName.get('shared-2-0-0')?.baseHash).toBeNull();
    expect(byName.get('shared-2-0-0')?.scenario.input.facts).toEqual({
      painMonths: 6,
      painScore: 45,
    });
    expect(byName.get('shared')?.baseHash).toBe('sha256:shared');
    expect(byName.get('shared')?.scenario.versions).toEqual(['1.1.0']);
    expect(byName.get('shared')?.scenario.input.facts).toEqual({ painMonths: 6, score: 45 });
  });

  it('lists the copies at once, renamed and marked unsaved, in place of their originals', () => {
    const copies = [
      ...copiesFor(entries, '2.0.0', ['shared.yaml']),
      ...copiesFor(entries, '2.0.0', ['inherited.yaml']),
    ];
    const listed = applicableScenarios(withPendingWork(entries, rename, renamed, copies), '2.0.0');
    expect(listed.map((e) => [e.file, e.basis, e.unsaved === true])).toEqual([
      ['own.yaml', '2.0.0', false],
      ['shared-2-0-0.yaml', '2.0.0', true],
      ['inherited-2-0-0.yaml', '2.0.0', true],
    ]);
    for (const e of listed) expect(e.scenario.input.facts).toHaveProperty('painScore', 45);
    // Before anything is pending the listing is the files as loaded.
    expect(withPendingWork(entries, [], draft, [])).toEqual(entries);
  });
});
