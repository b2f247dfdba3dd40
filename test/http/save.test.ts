import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../engine/model/hash';
import { checkLock, freeze, frozenHash, readLock } from '../../engine/node/lock';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { parsePathway } from '../../engine/yaml/parse';
import { printPathway } from '../../engine/yaml/print';
import { miniPathway } from '../fixtures/pathways';
import { errorCode, errorOf, service, type TestService } from './helpers';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.app.close();
  svc = undefined;
});

const draft = (overrides: Parameters<typeof miniPathway>[0] = {}) =>
  miniPathway({
    version: '2.0.0',
    status: 'draft',
    effective: { from: '2027-01-01' },
    ...overrides,
  });

async function loaded(s: TestService, version = '2.0.0'): Promise<{ hash: string; text: string }> {
  const { body } = await s.call({ method: 'GET', url: `/api/pathways/mini/versions/${version}` });
  return body as { hash: string; text: string };
}

describe('saving a draft: PUT /api/pathways/:id/versions/:version', () => {
  it('writes the canonical YAML and the layout when the base hash is the current one', async () => {
    svc = await service();
    const { hash } = await loaded(svc);
    const doc = draft({ title: { sv: 'Nytt namn', en: 'New name' } });
    const layout = { schemaVersion: 1 as const, nodes: { start: { x: 10.4, y: 20.6 } } };
    const { status, body } = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/2.0.0',
      payload: { pathway: doc, layout, baseHash: hash },
    });
    expect(status).toBe(200);
    const text = await readFile(join(svc.root, 'mini', '2.0.0.yaml'), 'utf8');
    expect(text).toBe(printPathway(doc));
    expect(body).toMatchObject({ key: 'mini/2.0.0.yaml', hash: contentHash(text), created: false });
    const layoutText = await readFile(join(svc.root, 'mini', '2.0.0.layout.json'), 'utf8');
    expect(JSON.parse(layoutText)).toEqual({
      schemaVersion: 1,
      nodes: { start: { x: 10, y: 21 } },
    });
    expect((body as { layoutHash: string }).layoutHash).toBe(contentHash(layoutText));
    // The next read sees the saved version.
    expect((await loaded(svc)).hash).toBe(contentHash(text));
    const files = await readdir(join(svc.root, 'mini'));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('creates a new version only with baseHash null, and refuses null when the file exists', async () => {
    svc = await service();
    const created = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/3.0.0',
      payload: {
        pathway: draft({ version: '3.0.0', effective: { from: '2028-01-01' } }),
        baseHash: null,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ created: true, layoutHash: null });
    const again = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/3.0.0',
      payload: {
        pathway: draft({ version: '3.0.0', effective: { from: '2028-01-01' } }),
        baseHash: null,
      },
    });
    expect([again.status, errorCode(again.body)]).toEqual([409, 'ALREADY_EXISTS']);
    expect(errorOf(again.body).currentHash).toBe((created.body as { hash: string }).hash);
  });

  it('answers 409 with the current hash when the file changed on disk since it was loaded', async () => {
    svc = await service();
    const { hash } = await loaded(svc);
    const changed = printPathway(draft({ title: { sv: 'Ändrad', en: 'Changed elsewhere' } }));
    await writeFile(join(svc.root, 'mini', '2.0.0.yaml'), changed);
    const { status, body } = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/2.0.0',
      payload: { pathway: draft(), baseHash: hash },
    });
    expect([status, errorCode(body)]).toEqual([409, 'HASH_MISMATCH']);
    expect(errorOf(body).currentHash).toBe(contentHash(changed));
    expect(await readFile(join(svc.root, 'mini', '2.0.0.yaml'), 'utf8')).toBe(changed);
  });

  it('refuses frozen versions with 403 FROZEN_VERSION and non-draft documents with 403 STATUS_NOT_DRAFT', async () => {
    svc = await service();
    const active = await loaded(svc, '1.1.0');
    const frozen = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/1.1.0',
      payload: {
        pathway: miniPathway({
          version: '1.1.0',
          status: 'draft',
          effective: { from: '2026-07-01' },
        }),
        baseHash: active.hash,
      },
    });
    expect([frozen.status, errorCode(frozen.body)]).toEqual([403, 'FROZEN_VERSION']);
    const { hash } = await loaded(svc);
    const notDraft = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/2.0.0',
      payload: { pathway: draft({ status: 'active' }), baseHash: hash },
    });
    expect([notDraft.status, errorCode(notDraft.body)]).toEqual([403, 'STATUS_NOT_DRAFT']);
    expect(errorOf(notDraft.body).issues[0]?.path).toBe('pathway.status');
    expect(await readFile(join(svc.root, 'mini', '1.1.0.yaml'), 'utf8')).toBe(active.text);
  });

  it('answers 400 naming the field for an invalid document, an id or version that does not match the URL, and a missing baseHash', async () => {
    svc = await service();
    const { hash } = await loaded(svc);
    const broken = { ...draft(), steps: 'none' };
    const invalid = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/2.0.0',
      payload: { pathway: broken, baseHash: hash },
    });
    expect([invalid.status, errorCode(invalid.body)]).toEqual([400, 'SCHEMA']);
    expect(errorOf(invalid.body).issues.map((i) => i.path)).toContain('pathway.steps');
    const otherId = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/2.0.0',
      payload: { pathway: draft({ id: 'other' }), baseHash: hash },
    });
    expect([otherId.status, errorCode(otherId.body)]).toEqual([400, 'ID_MISMATCH']);
    expect(errorOf(otherId.body).issues[0]).toMatchObject({ path: 'pathway.id', value: 'other' });
    const otherVersion = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/2.0.0',
      payload: { pathway: draft({ version: '2.0.1' }), baseHash: hash },
    });
    expect(errorOf(otherVersion.body).issues[0]).toMatchObject({
      path: 'pathway.version',
      value: '2.0.1',
    });
    const noBase = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/2.0.0',
      payload: { pathway: draft() },
    });
    expect([noBase.status, errorOf(noBase.body).issues[0]?.path]).toEqual([400, 'baseHash']);
  });

  it('never writes outside the pathways folder, whatever the path parameters say', async () => {
    svc = await service();
    const evil = miniPathway({ id: 'mini', version: '2.0.0' });
    for (const url of [
      '/api/pathways/..%2F..%2Ftmp/versions/2.0.0',
      '/api/pathways/mini/versions/..%2F..%2F2.0.0',
      '/api/pathways/%2Ftmp%2Fx/versions/2.0.0',
      '/api/pathways/mini/versions/2.0.0%2F..%2F..%2Fx',
      '/api/pathways/../versions/2.0.0',
      '/api/pathways/./versions/2.0.0',
      '/api/pathways/mini%00/versions/2.0.0',
      '/api/pathways/C:%5Cwindows/versions/2.0.0',
    ]) {
      const { status } = await svc.call({
        method: 'PUT',
        url,
        payload: { pathway: evil, baseHash: null },
      });
      expect([400, 404], url).toContain(status);
    }
    expect((await readdir(svc.root)).sort()).toEqual(['mini']);
    expect((await readdir(join(svc.root, 'mini'))).sort()).toEqual([
      '1.0.0.yaml',
      '1.1.0.yaml',
      '2.0.0.yaml',
    ]);
  });

  it('refuses writes from other machines (403) unless they present the configured token', async () => {
    svc = await service({ writeToken: 'sesame' });
    const { hash } = await loaded(svc);
    const put = (headers: Record<string, string>, remoteAddress: string) =>
      svc!.call({
        method: 'PUT',
        url: '/api/pathways/mini/versions/2.0.0',
        remoteAddress,
        headers,
        payload: { pathway: draft(), baseHash: hash },
      });
    const remote = await put({}, '10.1.2.3');
    expect([remote.status, errorCode(remote.body)]).toEqual([403, 'WRITE_FORBIDDEN']);
    const wrong = await put({ authorization: 'Bearer nope' }, '10.1.2.3');
    expect(wrong.status).toBe(403);
    const proxied = await put({ 'x-forwarded-for': '10.1.2.3' }, '127.0.0.1');
    expect(proxied.status).toBe(403);
    const rebound = await put({ host: 'evil.example:8080' }, '127.0.0.1');
    expect(rebound.status).toBe(403);
    const foreignPage = await put({ origin: 'https://evil.example' }, '127.0.0.1');
    expect(foreignPage.status).toBe(403);
    const right = await put({ authorization: 'Bearer sesame' }, '10.1.2.3');
    expect(right.status).toBe(200);
    // Reading and evaluating stay open to everyone.
    const read = await svc.call({ method: 'GET', url: '/api/pathways', remoteAddress: '10.1.2.3' });
    expect(read.status).toBe(200);
  });

  it('refuses writes from other machines when no token is configured', async () => {
    svc = await service();
    const { status, body } = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/2.0.0',
      remoteAddress: '192.168.1.20',
      payload: { pathway: draft(), baseHash: null },
    });
    expect([status, errorCode(body)]).toEqual([403, 'WRITE_FORBIDDEN']);
    expect(errorOf(body).message).toContain('PATHWAY_WRITE_TOKEN');
  });

  it('lets exactly one of two concurrent saves with the same base hash win, leaving one complete canonical file', async () => {
    for (let round = 0; round < 10; round++) {
      const s = await service();
      try {
        const { hash } = await loaded(s);
        const a = draft({ title: { sv: 'A', en: 'A'.repeat(5000) } });
        const b = draft({ title: { sv: 'B', en: 'B'.repeat(7000) } });
        const [ra, rb] = await Promise.all(
          [a, b].map((doc) =>
            s.call({
              method: 'PUT',
              url: '/api/pathways/mini/versions/2.0.0',
              payload: { pathway: doc, baseHash: hash },
            }),
          ),
        );
        expect([ra?.status, rb?.status].sort()).toEqual([200, 409]);
        const text = await readFile(join(s.root, 'mini', '2.0.0.yaml'), 'utf8');
        const winner = ra?.status === 200 ? a : b;
        expect(text).toBe(printPathway(winner));
        expect(parsePathway(text)).toEqual(winner);
      } finally {
        await s.app.close();
      }
    }
  });

  it('saves positions alone for any version, frozen ones included, with its own base hash', async () => {
    svc = await service();
    const layout = { schemaVersion: 1 as const, nodes: { start: { x: 1, y: 1 } } };
    const first = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/1.1.0/layout',
      payload: { layout, baseLayoutHash: null },
    });
    expect(first.status).toBe(200);
    const stale = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/1.1.0/layout',
      payload: { layout, baseLayoutHash: null },
    });
    expect([stale.status, errorCode(stale.body)]).toEqual([409, 'ALREADY_EXISTS']);
    const next = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/1.1.0/layout',
      payload: {
        layout: { schemaVersion: 1, nodes: {} },
        baseLayoutHash: (first.body as { layoutHash: string }).layoutHash,
      },
    });
    expect(next.status).toBe(200);
    const missing = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/9.0.0/layout',
      payload: { layout, baseLayoutHash: null },
    });
    expect(missing.status).toBe(404);
  });

  it('answers 413 for a save body over the limit', async () => {
    svc = await service({ bodyLimit: 2000 });
    const { status, body } = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/2.0.0',
      payload: { pathway: draft({ title: { sv: 'x'.repeat(5000) } }), baseHash: null },
    });
    expect([status, errorCode(body)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });
});

describe('publishing a draft: POST /api/pathways/:id/versions/:version/publish', () => {
  it('retires the active version it replaces, keeping that version frozen, and publishes the draft from the date', async () => {
    svc = await service();
    await freeze(await loadRepository(svc.root));
    const { hash } = await loaded(svc);
    const published = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/versions/2.0.0/publish',
      payload: { baseHash: hash, effective: { from: '2027-01-01' } },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const predecessor = parsePathway(await readFile(join(svc.root, 'mini', '1.1.0.yaml'), 'utf8'));
    expect(predecessor).toMatchObject({
      status: 'retired',
      effective: { from: '2026-07-01', to: '2027-01-01' },
    });
    // Retiring changed only the lifecycle fields, so the lock still holds for 1.1.0.
    const repo = await loadRepository(svc.root);
    expect(checkLock(repo, await readLock(svc.root))).toEqual([]);
    expect(findVersion(repo, 'mini', { asOf: '2027-01-01' }).pathway.version).toBe('2.0.0');
    expect(findVersion(repo, 'mini', { asOf: '2026-12-31' }).pathway.version).toBe('1.1.0');
  });

  it('refuses to publish a draft that would start before the active version it replaces', async () => {
    svc = await service();
    const { hash } = await loaded(svc);
    const blocked = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/versions/2.0.0/publish',
      payload: { baseHash: hash, effective: { from: '2026-01-01' } },
    });
    expect([blocked.status, errorCode(blocked.body)]).toEqual([409, 'PUBLISH_BLOCKED']);
    expect(errorOf(blocked.body).message).toMatch(/only starts on 2026-07-01/);
  });

  it('publishes a draft that overlaps nothing: active from the date, recorded in frozen.lock.json, never published twice', async () => {
    svc = await service();
    await writeFile(
      join(svc.root, 'mini', '1.1.0.yaml'),
      printPathway(
        miniPathway({
          version: '1.1.0',
          status: 'retired',
          effective: { from: '2026-07-01', to: '2027-01-01' },
        }),
      ),
    );
    const { hash } = await loaded(svc);
    const published = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/versions/2.0.0/publish',
      payload: { baseHash: hash, effective: { from: '2027-01-01' } },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const text = await readFile(join(svc.root, 'mini', '2.0.0.yaml'), 'utf8');
    expect(parsePathway(text)).toMatchObject({
      status: 'active',
      effective: { from: '2027-01-01' },
    });
    expect((await readLock(svc.root))['mini/2.0.0.yaml']).toBe(frozenHash(parsePathway(text)));
    const again = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/versions/2.0.0/publish',
      payload: { baseHash: contentHash(text), effective: { from: '2027-01-01' } },
    });
    expect([again.status, errorCode(again.body)]).toEqual([403, 'FROZEN_VERSION']);
  });
});

describe('saving a scenario: POST /api/pathways/:id/scenarios', () => {
  const scenario = {
    name: 'Chronic pain goes to treatment',
    pathway: 'mini',
    versions: ['1.1.0'],
    asOf: '2026-09-01',
    input: { facts: { painMonths: 8, flags: [] } },
    expect: { step: 'treat' },
  };

  it('writes a new scenario in canonical form and overwrites it only with its base hash', async () => {
    svc = await service();
    const created = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/scenarios',
      payload: { name: 'chronic', scenario },
    });
    expect(created.status).toBe(201);
    const file = join(svc.root, 'mini', 'scenarios', 'chronic.yaml');
    const text = await readFile(file, 'utf8');
    expect(created.body).toMatchObject({
      file: 'chronic.yaml',
      hash: contentHash(text),
      created: true,
    });
    const overwrite = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/scenarios',
      payload: { name: 'chronic', scenario },
    });
    expect([overwrite.status, errorCode(overwrite.body)]).toEqual([409, 'ALREADY_EXISTS']);
    const stale = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/scenarios',
      payload: { name: 'chronic', scenario, baseHash: `sha256:${'0'.repeat(64)}` },
    });
    expect([stale.status, errorCode(stale.body)]).toEqual([409, 'HASH_MISMATCH']);
    const ok = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/scenarios',
      payload: {
        name: 'chronic',
        scenario: { ...scenario, expect: { step: 'treat', alerts: [] } },
        baseHash: contentHash(text),
      },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses bad names, invalid scenarios and scenarios of another pathway with 400 naming the field', async () => {
    svc = await service();
    const badName = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/scenarios',
      payload: { name: '../x', scenario },
    });
    expect([badName.status, errorOf(badName.body).issues[0]?.path]).toEqual([400, 'name']);
    const invalid = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/scenarios',
      payload: { name: 'x', scenario: { ...scenario, asOf: 'soon' } },
    });
    expect([invalid.status, errorOf(invalid.body).issues[0]?.path]).toEqual([400, 'scenario.asOf']);
    const other = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/scenarios',
      payload: { name: 'x', scenario: { ...scenario, pathway: 'other' } },
    });
    expect([other.status, errorCode(other.body)]).toEqual([400, 'ID_MISMATCH']);
  });
});
