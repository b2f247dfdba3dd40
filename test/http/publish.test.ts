import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../engine/model/hash';
import { checkLock, freeze, readLock } from '../../engine/node/lock';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { writePathway } from '../fixtures/files';
import { miniPathway } from '../fixtures/pathways';
import { errorCode, errorOf, miniFolder, service, type TestService } from './helpers';
import { tempDir } from '../fixtures/files';

const run = promisify(execFile);
const TSX = resolve(__dirname, '../../node_modules/.bin/tsx');

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.app.close();
  svc = undefined;
});

/** A mini folder with two drafts, 2.0.0 and 3.0.0, both meant to start on 2027-01-01. */
async function twoDrafts(): Promise<string> {
  const root = await miniFolder();
  await writePathway(
    root,
    miniPathway({ version: '3.0.0', status: 'draft', effective: { from: '2027-01-01' } }),
  );
  await freeze(await loadRepository(root));
  return root;
}

async function hashOf(root: string, version: string): Promise<string> {
  return contentHash(await readFile(join(root, 'mini', `${version}.yaml`), 'utf8'));
}

/** After a race: exactly one winner, one 409 naming it, the folder unambiguous. */
async function expectOneWinner(
  root: string,
  answers: { version: string; status: number; body: unknown }[],
): Promise<void> {
  const won = answers.filter((a) => a.status === 200);
  const lost = answers.filter((a) => a.status !== 200);
  expect(
    won.map((a) => a.status),
    JSON.stringify(answers),
  ).toEqual([200]);
  expect(lost).toHaveLength(1);
  const winner = won[0]?.version ?? '';
  const loser = lost[0];
  expect([loser?.status, errorCode(loser?.body)]).toEqual([409, 'PUBLISH_BLOCKED']);
  const error = errorOf(loser?.body);
  expect(error.message).toContain(winner);
  expect(error.winner).toMatchObject({ version: winner, since: expect.any(String) });
  const repo = await loadRepository(root);
  const lock = await readLock(root);
  expect(
    Object.keys(lock).filter((k) => k === 'mini/2.0.0.yaml' || k === 'mini/3.0.0.yaml'),
  ).toEqual([`mini/${winner}.yaml`]);
  expect(checkLock(repo, lock)).toEqual([]);
  expect(findVersion(repo, 'mini', { asOf: '2027-06-01' }).pathway.version).toBe(winner);
  const leftovers = [...(await readdir(root)), ...(await readdir(join(root, 'mini')))];
  expect(leftovers.filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
}

describe('publishing is one at a time per pathway', () => {
  it('gives two simultaneous publishes of two drafts one winner and a 409 naming it', async () => {
    const root = await twoDrafts();
    svc = await service({ root });
    const s = svc;
    const answers = await Promise.all(
      ['2.0.0', '3.0.0'].map(async (version) => {
        const { status, body } = await s.call({
          method: 'POST',
          url: `/api/pathways/mini/versions/${version}/publish`,
          payload: { baseHash: await hashOf(root, version), effective: { from: '2027-01-01' } },
        });
        return { version, status, body };
      }),
    );
    await expectOneWinner(root, answers);
    // Every evaluation past the shared date still has one version to use.
    const evaluated = await s.call({
      method: 'POST',
      url: '/api/pathways/mini/evaluate',
      payload: { facts: { painMonths: 8, flags: [] }, asOf: '2027-06-01' },
    });
    expect(evaluated.status, JSON.stringify(evaluated.body)).toBe(200);
  });

  it('answers 409 naming the version already active from the date when the other publish came first', async () => {
    const root = await twoDrafts();
    svc = await service({ root });
    const first = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/versions/2.0.0/publish',
      payload: { baseHash: await hashOf(root, '2.0.0'), effective: { from: '2027-01-01' } },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const second = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/versions/3.0.0/publish',
      payload: { baseHash: await hashOf(root, '3.0.0'), effective: { from: '2027-01-01' } },
    });
    expect([second.status, errorCode(second.body)]).toEqual([409, 'PUBLISH_BLOCKED']);
    expect(errorOf(second.body).message).toMatch(/active version 2\.0\.0 .*published 20\d\d-/);
    expect(errorOf(second.body).winner).toMatchObject({ version: '2.0.0' });
  });

  it('answers 409 naming the holder while another instance holds the publish lock, and takes over a lock left by a dead process', async () => {
    const root = await twoDrafts();
    svc = await service({ root });
    const guard = join(root, '.mini.publish.lock');
    const since = new Date().toISOString();
    await writeFile(
      guard,
      JSON.stringify({
        pid: process.pid,
        host: (await import('node:os')).hostname(),
        since,
        purpose: 'publish mini/3.0.0.yaml',
        token: 'other',
        details: { version: '3.0.0' },
      }),
    );
    const blocked = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/versions/2.0.0/publish',
      payload: { baseHash: await hashOf(root, '2.0.0'), effective: { from: '2027-01-01' } },
    });
    expect([blocked.status, errorCode(blocked.body)]).toEqual([409, 'PUBLISH_BLOCKED']);
    expect(errorOf(blocked.body).message).toContain(
      `mini 3.0.0 is being published (since ${since})`,
    );
    expect(errorOf(blocked.body).winner).toEqual({ version: '3.0.0', since });

    // The same lock, but its process is gone (kill -9): taken over.
    await writeFile(
      guard,
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        host: (await import('node:os')).hostname(),
        since,
        purpose: 'publish mini/3.0.0.yaml',
        token: 'dead',
      }),
    );
    const published = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/versions/2.0.0/publish',
      payload: { baseHash: await hashOf(root, '2.0.0'), effective: { from: '2027-01-01' } },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect((await readdir(root)).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('gives two service processes publishing at the same instant one winner and a 409 naming it', async () => {
    const root = await twoDrafts();
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'no-editor'), { recursive: true });
    const child = join(__dirname, 'publish-child.ts');
    const startAt = String(Date.now() + 4000);
    const answers = await Promise.all(
      ['2.0.0', '3.0.0'].map(async (version) => {
        const { stdout } = await run(TSX, [child, root, dataDir, version, '2027-01-01', startAt], {
          timeout: 60_000,
        });
        return { version, ...(JSON.parse(stdout) as { status: number; body: unknown }) };
      }),
    );
    await expectOneWinner(root, answers);
  }, 90_000);
});
