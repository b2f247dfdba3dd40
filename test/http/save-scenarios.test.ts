/** A save carries the test patients of that version alone, rewritten after a rename; shared ones are refused. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main';
import { memoryIo } from '../../engine/cli/io';
import { contentHash } from '../../engine/model/hash';
import { renameInScenario, renameName } from '../../engine/model/rename';
import type { Scenario } from '../../engine/model/types';
import { freeze } from '../../engine/node/lock';
import { splitScenario } from '../../engine/scenarios/split';
import { loadRepository } from '../../engine/node/repository';
import { parsePathway, parseScenario } from '../../engine/yaml/parse';
import { writeScenario } from '../fixtures/files';
import { errorCode, miniFolder, service, type TestService } from './helpers';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.app.close();
  svc = undefined;
});

const patient = (name: string, versions: string[]): Scenario => ({
  name,
  pathway: 'mini',
  versions,
  asOf: '2027-02-01',
  input: { facts: { painMonths: 6, score: 45, age: 40, flags: [], done: false } },
  expect: { step: 'treat', alerts: [] },
});

/** Mini 1.0.0, 1.1.0 (frozen) and draft 2.0.0; `own` applies to 2.0.0 alone, `shared` also to 1.1.0. */
async function folder(): Promise<string> {
  const root = await miniFolder();
  await writeScenario(root, 'own', patient('own', ['2.0.0']));
  await writeScenario(root, 'shared', patient('shared', ['1.1.0', '2.0.0']));
  await freeze(await loadRepository(root));
  return root;
}

const read = (root: string, path: string): Promise<string> =>
  readFile(join(root, 'mini', path), 'utf8');

/** 2.0.0 with fact `score` renamed `painScore`, and the named scenarios rewritten with it. */
async function saveRenamed(s: TestService, names: string[], staleHash = false) {
  const text = await read(s.root, '2.0.0.yaml');
  const pathway = renameName(parsePathway(text), 'fact', 'score', 'painScore');
  const scenarios = await Promise.all(
    names.map(async (name) => {
      const file = await read(s.root, `scenarios/${name}.yaml`);
      return {
        name,
        scenario: renameInScenario(parseScenario(file), 'fact', 'score', 'painScore'),
        baseHash: staleHash ? contentHash(`${file}#`) : contentHash(file),
      };
    }),
  );
  return s.call({
    method: 'PUT',
    url: '/api/pathways/mini/versions/2.0.0',
    payload: { pathway, baseHash: contentHash(text), scenarios },
  });
}

/** `pathway test --json` in the folder: which scenarios (by name and version) pass. */
async function pathwayTest(root: string): Promise<Map<string, boolean>> {
  const io = memoryIo(root);
  await main(['test', root, '--json'], io);
  const out = JSON.parse(io.stdout.join('\n')) as {
    scenarios: { name: string; version: string; passed: boolean }[];
  };
  return new Map(out.scenarios.map((s) => [`${s.name}@${s.version}`, s.passed]));
}

describe('saving a version with its own test patients', () => {
  it('writes the renamed version and its own scenario together, and pathway test passes', async () => {
    const root = await folder();
    svc = await service({ root });
    const { status, body } = await saveRenamed(svc, ['own']);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(await read(root, '2.0.0.yaml')).toContain('painScore');
    const own = parseScenario(await read(root, 'scenarios/own.yaml'));
    expect(own.input.facts).toHaveProperty('painScore', 45);
    expect(own.input.facts).not.toHaveProperty('score');
    const shared = await read(root, 'scenarios/shared.yaml');
    expect(shared).toContain('score: 45');
    // `own` passes against the renamed 2.0.0; `shared`, left as it was, still passes on 1.1.0.
    const run = await pathwayTest(root);
    expect(run.get('own@2.0.0')).toBe(true);
    expect(run.get('shared@1.1.0')).toBe(true);
    expect(run.get('shared@2.0.0')).toBe(false);
  });

  it('refuses a scenario shared with another version, and writes nothing', async () => {
    const root = await folder();
    svc = await service({ root });
    const before = await read(root, '2.0.0.yaml');
    const sharedBefore = await read(root, 'scenarios/shared.yaml');
    const { status, body } = await saveRenamed(svc, ['own', 'shared']);
    expect([status, errorCode(body)]).toEqual([400, 'BAD_REQUEST']);
    expect(await read(root, '2.0.0.yaml')).toBe(before);
    expect(await read(root, 'scenarios/shared.yaml')).toBe(sharedBefore);
    expect(await read(root, 'scenarios/own.yaml')).toContain('score: 45');
  });

  it('refuses a scenario changed on disk since it was loaded (409), and writes nothing', async () => {
    const root = await folder();
    svc = await service({ root });
    const before = await read(root, '2.0.0.yaml');
    const { status, body } = await saveRenamed(svc, ['own'], true);
    expect([status, errorCode(body)]).toEqual([409, 'HASH_MISMATCH']);
    expect(await read(root, '2.0.0.yaml')).toBe(before);
  });

  it('writes a copy of an inherited patient as a new file, leaving the original; pathway test passes on both versions', async () => {
    const root = await folder();
    await writeScenario(root, 'inherited', patient('inherited', ['1.1.0']));
    const s = await service({ root });
    svc = s;
    const original = await read(root, 'scenarios/inherited.yaml');
    const copy = renameInScenario(patient('inherited', ['2.0.0']), 'fact', 'score', 'painScore');
    const text = await read(root, '2.0.0.yaml');
    const pathway = renameName(parsePathway(text), 'fact', 'score', 'painScore');
    const send = (baseHash: string | null) =>
      s.call({
        method: 'PUT',
        url: '/api/pathways/mini/versions/2.0.0',
        payload: {
          pathway,
          baseHash: contentHash(text),
          scenarios: [{ name: 'inherited-2-0-0', scenario: copy, baseHash }],
        },
      });
    const { status, body } = await send(null);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(await read(root, 'scenarios/inherited.yaml')).toBe(original);
    expect(
      parseScenario(await read(root, 'scenarios/inherited-2-0-0.yaml')).input.facts,
    ).toHaveProperty('painScore', 45);
    const run = await pathwayTest(root);
    expect(run.get('inherited@1.1.0')).toBe(true);
    expect(run.get('inherited@2.0.0')).toBe(true);
  });

  it('refuses a copy whose file already exists (409), and writes nothing', async () => {
    const root = await folder();
    svc = await service({ root });
    const text = await read(root, '2.0.0.yaml');
    const { status, body } = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/2.0.0',
      payload: {
        pathway: parsePathway(text),
        baseHash: contentHash(text),
        scenarios: [{ name: 'own', scenario: patient('own', ['2.0.0']), baseHash: null }],
      },
    });
    expect([status, errorCode(body)]).toEqual([409, 'HASH_MISMATCH']);
    expect(await read(root, '2.0.0.yaml')).toBe(text);
  });

  describe('splitting a patient shared with the draft and other versions', () => {
    /** The split of `shared` for 2.0.0: its copy renamed for the draft, the original without 2.0.0. */
    async function splitPayload(root: string, withCopy = true) {
      const file = await read(root, 'scenarios/shared.yaml');
      const split = splitScenario(parseScenario(file), '2.0.0');
      if (split === undefined) throw new Error('nothing to split');
      const text = await read(root, '2.0.0.yaml');
      return {
        pathway: renameName(parsePathway(text), 'fact', 'score', 'painScore'),
        baseHash: contentHash(text),
        scenarios: [
          { name: 'shared', scenario: split.rest, baseHash: contentHash(file) },
          ...(withCopy
            ? [
                {
                  name: 'shared-2-0-0',
                  scenario: renameInScenario(split.own, 'fact', 'score', 'painScore'),
                  baseHash: null,
                },
              ]
            : []),
        ],
      };
    }

    it('writes the original without the draft and a renamed copy for it; pathway test passes on both', async () => {
      const root = await folder();
      svc = await service({ root });
      const payload = await splitPayload(root);
      const { status, body } = await svc.call({
        method: 'PUT',
        url: '/api/pathways/mini/versions/2.0.0',
        payload,
      });
      expect(status, JSON.stringify(body)).toBe(200);
      const original = parseScenario(await read(root, 'scenarios/shared.yaml'));
      expect(original.versions).toEqual(['1.1.0']);
      expect(original.input.facts).toHaveProperty('score', 45);
      const copy = parseScenario(await read(root, 'scenarios/shared-2-0-0.yaml'));
      expect([copy.name, copy.versions]).toEqual(['shared', ['2.0.0']]);
      expect(copy.input.facts).toHaveProperty('painScore', 45);
      const run = await pathwayTest(root);
      expect(run.get('shared@1.1.0')).toBe(true);
      expect(run.get('shared@2.0.0')).toBe(true);
    });

    it('refuses the split without the copy (the draft would lose the patient), writing nothing', async () => {
      const root = await folder();
      svc = await service({ root });
      const before = await read(root, 'scenarios/shared.yaml');
      const { status, body } = await svc.call({
        method: 'PUT',
        url: '/api/pathways/mini/versions/2.0.0',
        payload: await splitPayload(root, false),
      });
      expect([status, errorCode(body)]).toEqual([400, 'BAD_REQUEST']);
      expect(await read(root, 'scenarios/shared.yaml')).toBe(before);
    });

    it('refuses a "split" that also changes what the other versions check', async () => {
      const root = await folder();
      svc = await service({ root });
      const payload = await splitPayload(root);
      const rest = payload.scenarios[0];
      if (rest === undefined) throw new Error('no rest');
      rest.scenario = { ...rest.scenario, expect: { step: 'other', alerts: [] } };
      const before = await read(root, 'scenarios/shared.yaml');
      const { status, body } = await svc.call({
        method: 'PUT',
        url: '/api/pathways/mini/versions/2.0.0',
        payload,
      });
      expect([status, errorCode(body)]).toEqual([400, 'BAD_REQUEST']);
      expect(await read(root, 'scenarios/shared.yaml')).toBe(before);
    });
  });
});
