/** The publish route checks the patients file the dialog checked, and records only what it checked. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT } from '../../engine/http/app';
import { PUBLISH_BODY_LIMIT } from '../../engine/versions/publish-limit';
import { contentHash } from '../../engine/model/hash';
import type { Pathway } from '../../engine/model/types';
import { freeze, readLock } from '../../engine/node/lock';
import { loadRepository } from '../../engine/node/repository';
import { parsePathway } from '../../engine/yaml/parse';
import { tempDir, writePathway, writeTwoVersions } from '../fixtures/files';
import { miniPathway } from '../fixtures/pathways';
import { errorCode, errorOf, service, type TestService } from './helpers';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.app.close();
  svc = undefined;
});

/** Mini 1.0.0, 1.1.0 (active) and draft 2.0.0, whose score alert starts at 40 instead of 50. */
async function folder(): Promise<string> {
  const root = await tempDir();
  await writeTwoVersions(root);
  const lower: Pathway = miniPathway({
    version: '2.0.0',
    status: 'draft',
    effective: { from: '2027-01-01' },
  });
  lower.alerts = lower.alerts.map((a) =>
    a.id === 'high-score'
      ? { ...a, when: { fact: 'score', operator: 'greaterThanInclusive', value: 40 } }
      : a,
  );
  await writePathway(root, lower);
  await freeze(await loadRepository(root));
  return root;
}

const patient = (id: string, score: number): string =>
  JSON.stringify({
    id,
    asOf: '2027-02-01',
    facts: { painMonths: 6, score, age: 40, flags: [], done: false },
  });

/** p45 gains the alert under 2.0.0; p20 does not move; line 3 cannot be read. */
const movingFile = {
  name: 'cohort.ndjson',
  text: `${patient('p45', 45)}\n${patient('p20', 20)}\n`,
};
const quietFile = { name: 'quiet.ndjson', text: `${patient('p20', 20)}\n` };

async function publish(s: TestService, body: Record<string, unknown>) {
  const text = await readFile(join(s.root, 'mini', '2.0.0.yaml'), 'utf8');
  return s.call({
    method: 'POST',
    url: '/api/pathways/mini/versions/2.0.0/publish',
    payload: { baseHash: contentHash(text), effective: { from: '2027-01-01' }, ...body },
  });
}

describe('publishing checks the patients file sent with it', () => {
  it('refuses when the file moves a patient and is not acknowledged, naming the file and its digest', async () => {
    const root = await folder();
    svc = await service({ root });
    const before = await readFile(join(root, 'mini', '2.0.0.yaml'), 'utf8');
    const { status, body } = await publish(svc, { patients: movingFile });
    expect([status, errorCode(body)]).toEqual([409, 'PUBLISH_BLOCKED']);
    const error = errorOf(body);
    expect(error.patients).toMatchObject({
      file: 'cohort.ndjson',
      digest: contentHash(movingFile.text),
      evaluated: 2,
      differ: 1,
      alerts: 1,
      step: 0,
      unreadable: 0,
    });
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        path: 'acknowledge.patients',
        value: contentHash(movingFile.text),
      }),
    );
    expect(await readFile(join(root, 'mini', '2.0.0.yaml'), 'utf8')).toBe(before);
    expect((await readLock(root))['mini/2.0.0.yaml']).toBeUndefined();
  });

  it('does not take an acknowledgement of another file, nor impact: true, for this one', async () => {
    svc = await service({ root: await folder() });
    const other = await publish(svc, {
      patients: movingFile,
      acknowledge: { impact: true, patients: { digest: contentHash(quietFile.text) } },
    });
    expect([other.status, errorCode(other.body)]).toEqual([409, 'PUBLISH_BLOCKED']);
    expect(errorOf(other.body).message).toContain(
      `acknowledge.patients names ${contentHash(quietFile.text)}`,
    );
  });

  it('refuses an acknowledgement of a file it is not sent (400), rather than record it unchecked', async () => {
    svc = await service({ root: await folder() });
    const { status, body } = await publish(svc, {
      acknowledge: { patients: { digest: contentHash(movingFile.text) } },
    });
    expect([status, errorCode(body)]).toEqual([400, 'BAD_REQUEST']);
    expect(errorOf(body).issues).toContainEqual(
      expect.objectContaining({ path: 'acknowledge.patients' }),
    );
  });

  it('publishes once the file is acknowledged by its digest and records what it checked', async () => {
    const root = await folder();
    svc = await service({ root });
    const { status, body } = await publish(svc, {
      patients: movingFile,
      acknowledge: { patients: { digest: contentHash(movingFile.text) } },
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const published = parsePathway(await readFile(join(root, 'mini', '2.0.0.yaml'), 'utf8'));
    expect(published.publication).toEqual({
      patients: {
        file: 'cohort.ndjson',
        digest: contentHash(movingFile.text),
        evaluated: 2,
        differ: 1,
        step: 0,
        alerts: 1,
        unreadable: 0,
      },
    });
  });

  it('counts unreadable lines as unchecked: they need acknowledging too', async () => {
    svc = await service({ root: await folder() });
    const broken = { name: 'broken.ndjson', text: `${patient('p20', 20)}\n{not json\n` };
    const { status, body } = await publish(svc, { patients: broken });
    expect([status, errorCode(body)]).toEqual([409, 'PUBLISH_BLOCKED']);
    expect(errorOf(body).patients).toMatchObject({ differ: 0, unreadable: 1 });
  });

  it('publishes without a record when no patient in the file moves', async () => {
    const root = await folder();
    svc = await service({ root });
    const { status, body } = await publish(svc, { patients: quietFile });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(await readFile(join(root, 'mini', '2.0.0.yaml'), 'utf8')).not.toContain('publication');
  });
});

describe('the publish route takes a patients file over the service body limit', () => {
  /** `count` patients, one a line; 25 000 lines are about 2.5 MiB, over the 1 MiB limit. */
  const largeFile = (count: number) => {
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(patient(`p${i}`, i % 2 === 0 ? 45 : 20));
    return { name: 'region.ndjson', text: `${lines.join('\n')}\n` };
  };

  it('checks and publishes a 2.5 MiB file, recording every patient it evaluated', async () => {
    const root = await folder();
    svc = await service({ root });
    const file = largeFile(25_000);
    expect(Buffer.byteLength(file.text)).toBeGreaterThan(DEFAULT_BODY_LIMIT * 2);
    const refused = await publish(svc, { patients: file });
    expect([refused.status, errorCode(refused.body)]).toEqual([409, 'PUBLISH_BLOCKED']);
    expect(errorOf(refused.body).patients).toMatchObject({ evaluated: 25_000, differ: 12_500 });
    const { status, body } = await publish(svc, {
      patients: file,
      acknowledge: { patients: { digest: contentHash(file.text) } },
    });
    expect(status, JSON.stringify(body).slice(0, 500)).toBe(200);
    const published = parsePathway(await readFile(join(root, 'mini', '2.0.0.yaml'), 'utf8'));
    expect(published.publication?.patients).toMatchObject({
      file: 'region.ndjson',
      evaluated: 25_000,
      differ: 12_500,
    });
  });

  it('keeps the 1 MiB limit on every other route (validate refuses the same size)', async () => {
    svc = await service({ root: await folder() });
    const { status, body } = await svc.call({
      method: 'POST',
      url: '/api/validate',
      payload: { yaml: 'x'.repeat(DEFAULT_BODY_LIMIT * 2) },
    });
    expect([status, errorCode(body)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(errorOf(body)).toMatchObject({ limit: DEFAULT_BODY_LIMIT });
    expect(errorOf(body).message).toContain("over this route's limit of 1 MiB");
  });

  it('answers a body over its own limit with 413 naming the size and the limit, writing nothing', async () => {
    const root = await folder();
    svc = await service({ root });
    const before = await readFile(join(root, 'mini', '2.0.0.yaml'), 'utf8');
    const text = 'x'.repeat(PUBLISH_BODY_LIMIT);
    const { status, body } = await publish(svc, { patients: { name: 'huge.ndjson', text } });
    expect([status, errorCode(body)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const error = errorOf(body);
    expect(error.limit).toBe(PUBLISH_BODY_LIMIT);
    expect(error.size).toBeGreaterThan(PUBLISH_BODY_LIMIT);
    expect(error.message).toMatch(
      /^the body \(64\.0 MiB, \d+ bytes\) is over this route's limit of 64 MiB/,
    );
    expect(await readFile(join(root, 'mini', '2.0.0.yaml'), 'utf8')).toBe(before);
  });
});
