import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../engine/model/hash';
import type { Pathway, Scenario } from '../../engine/model/types';
import { checkLock, freeze, readLock } from '../../engine/node/lock';
import { loadRepository } from '../../engine/node/repository';
import { parsePathway } from '../../engine/yaml/parse';
import { tempDir, writePathway, writeScenario, writeTwoVersions } from '../fixtures/files';
import { miniPathway } from '../fixtures/pathways';
import { errorCode, errorOf, service, type TestService } from './helpers';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.app.close();
  svc = undefined;
});

/** A patient with chronic pain and score 45: no alert under 1.1.0 (threshold 50). */
const scored45: Scenario = {
  name: 'score-45',
  pathway: 'mini',
  versions: ['1.1.0'],
  asOf: '2027-02-01',
  input: { facts: { painMonths: 6, score: 45, age: 40, flags: [], done: false } },
  expect: { step: 'treat', alerts: [] },
};

/** Mini 1.0.0 (retired), 1.1.0 (active) and draft 2.0.0 from 2027-01-01 with `draft` changes. */
async function folder(draft: Partial<Pathway>, scenarios: Scenario[]): Promise<string> {
  const root = await tempDir();
  await writeTwoVersions(root);
  await writePathway(
    root,
    miniPathway({ version: '2.0.0', status: 'draft', effective: { from: '2027-01-01' }, ...draft }),
  );
  for (const s of scenarios) await writeScenario(root, s.name, s);
  await freeze(await loadRepository(root));
  return root;
}

/** 2.0.0 lowers the score alert to 40: the 45-point patient gains it. */
const lowerThreshold: Partial<Pathway> = {
  alerts: miniPathway().alerts.map((a) =>
    a.id === 'high-score'
      ? { ...a, when: { fact: 'score', operator: 'greaterThanInclusive', value: 40 } }
      : a,
  ),
};

async function publish(s: TestService, acknowledge?: Record<string, unknown>) {
  const text = await readFile(join(s.root, 'mini', '2.0.0.yaml'), 'utf8');
  return s.call({
    method: 'POST',
    url: '/api/pathways/mini/versions/2.0.0/publish',
    payload: {
      baseHash: contentHash(text),
      effective: { from: '2027-01-01' },
      ...(acknowledge === undefined ? {} : { acknowledge }),
    },
  });
}

describe('publishing checks the scenarios and their impact', () => {
  it('refuses a version whose inherited scenario fails, naming the scenario, and writes nothing', async () => {
    const root = await folder(lowerThreshold, [scored45]);
    svc = await service({ root });
    const before = await readFile(join(root, 'mini', '2.0.0.yaml'), 'utf8');
    const { status, body } = await publish(svc);
    expect([status, errorCode(body)]).toEqual([409, 'PUBLISH_BLOCKED']);
    const error = errorOf(body);
    expect(error.message).toContain('score-45');
    expect(error.failingScenarios).toEqual(['score-45']);
    expect(error.impact).toMatchObject({ against: '1.1.0', differ: 1, alerts: 1, step: 0 });
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        code: 'SCENARIO',
        path: 'acknowledge.failingScenarios',
        value: 'score-45',
      }),
    );
    expect(await readFile(join(root, 'mini', '2.0.0.yaml'), 'utf8')).toBe(before);
    expect((await readLock(root))['mini/2.0.0.yaml']).toBeUndefined();
  });

  it('still refuses when the failing scenario is acknowledged but the changed outcome is not', async () => {
    svc = await service({ root: await folder(lowerThreshold, [scored45]) });
    const { status, body } = await publish(svc, { failingScenarios: ['score-45'] });
    expect([status, errorCode(body)]).toEqual([409, 'PUBLISH_BLOCKED']);
    expect(errorOf(body).failingScenarios).toEqual([]);
    expect(errorOf(body).issues).toContainEqual(
      expect.objectContaining({ path: 'acknowledge.impact', value: 1 }),
    );
  });

  it('publishes when both are acknowledged and records what was accepted in the frozen file', async () => {
    const root = await folder(lowerThreshold, [scored45]);
    svc = await service({ root });
    const { status, body } = await publish(svc, {
      failingScenarios: ['score-45'],
      impact: true,
      note: 'Lower MME-like threshold agreed by the board',
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const published = parsePathway(await readFile(join(root, 'mini', '2.0.0.yaml'), 'utf8'));
    expect(published.status).toBe('active');
    expect(published.publication).toEqual({
      failingScenarios: ['score-45'],
      impact: { against: '1.1.0', evaluated: 1, differ: 1, step: 0, alerts: 1 },
      note: 'Lower MME-like threshold agreed by the board',
    });
    expect(checkLock(await loadRepository(root), await readLock(root))).toEqual([]);
  });

  it('publishes a version whose scenarios pass and whose patients do not move without recording anything', async () => {
    const root = await folder({}, [scored45]);
    svc = await service({ root });
    const { status, body } = await publish(svc);
    expect(status, JSON.stringify(body)).toBe(200);
    const text = await readFile(join(root, 'mini', '2.0.0.yaml'), 'utf8');
    expect(text).not.toContain('publication');
  });

  it('drops the publication record a draft copied from its predecessor', async () => {
    const copied: Partial<Pathway> = { publication: { failingScenarios: ['old-one'] } };
    const root = await folder(copied, [scored45]);
    svc = await service({ root });
    const { status } = await publish(svc);
    expect(status).toBe(200);
    const published = parsePathway(await readFile(join(root, 'mini', '2.0.0.yaml'), 'utf8'));
    expect(published.publication).toBeUndefined();
  });
});
