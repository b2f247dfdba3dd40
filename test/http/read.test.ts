import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../engine/model/hash';
import { tempDir, writeScenario } from '../fixtures/files';
import { errorCode, errorOf, service, type TestService } from './helpers';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.app.close();
  svc = undefined;
});

describe('reading pathways over HTTP', () => {
  it('answers the health check with the number of pathways', async () => {
    svc = await service();
    const { status, body } = await svc.call({ method: 'GET', url: '/api/health' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', pathways: 1, audit: 'ok' });
  });

  it('lists pathways with every version, its status, effective dates, hash and which is in effect today', async () => {
    svc = await service();
    const { status, body } = await svc.call({ method: 'GET', url: '/api/pathways' });
    expect(status).toBe(200);
    const list = body as {
      today: string;
      pathways: { id: string; inEffect: string; versions: Record<string, unknown>[] }[];
    };
    expect(list.today).toBe('2026-11-23');
    expect(list.pathways.map((p) => p.id)).toEqual(['mini']);
    expect(list.pathways[0]?.inEffect).toBe('1.1.0');
    expect(
      list.pathways[0]?.versions.map((v) => [v.version, v.status, v.inEffectToday, v.frozen]),
    ).toEqual([
      ['1.0.0', 'retired', false, true],
      ['1.1.0', 'active', true, true],
      ['2.0.0', 'draft', false, false],
    ]);
    expect(list.pathways[0]?.versions[0]?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('reads one version with its canonical text, hash, layout and frozen flag', async () => {
    svc = await service();
    const layout = `${JSON.stringify({ schemaVersion: 1, nodes: { start: { x: 1, y: 2 } } }, null, 2)}\n`;
    await writeFile(join(svc.root, 'mini', '2.0.0.layout.json'), layout);
    const { status, body } = await svc.call({
      method: 'GET',
      url: '/api/pathways/mini/versions/2.0.0',
    });
    expect(status).toBe(200);
    const v = body as {
      pathway: { version: string };
      text: string;
      hash: string;
      layout: unknown;
      layoutHash: string;
      frozen: boolean;
    };
    expect(v.pathway.version).toBe('2.0.0');
    expect(v.hash).toBe(contentHash(v.text));
    expect(v.layout).toEqual({ schemaVersion: 1, nodes: { start: { x: 1, y: 2 } } });
    expect(v.layoutHash).toBe(contentHash(layout));
    expect(v.frozen).toBe(false);
    const active = await svc.call({ method: 'GET', url: '/api/pathways/mini/versions/1.1.0' });
    expect(active.body).toMatchObject({ frozen: true, layout: null, layoutHash: null });
  });

  it('answers 404 UNKNOWN_PATHWAY and UNKNOWN_VERSION for what does not exist', async () => {
    svc = await service();
    const pathway = await svc.call({ method: 'GET', url: '/api/pathways/nope/versions/1.0.0' });
    expect(pathway.status).toBe(404);
    expect(errorCode(pathway.body)).toBe('UNKNOWN_PATHWAY');
    const version = await svc.call({ method: 'GET', url: '/api/pathways/mini/versions/9.9.9' });
    expect(version.status).toBe(404);
    expect(errorCode(version.body)).toBe('UNKNOWN_VERSION');
    expect(errorOf(version.body).message).not.toContain(svc.root);
  });

  it('answers 400 INVALID_PARAM naming the parameter for ids and versions that are not plain names', async () => {
    svc = await service();
    for (const url of [
      '/api/pathways/..%2F..%2Fetc/versions/1.0.0',
      '/api/pathways/mini/versions/..%2F1.0.0',
      '/api/pathways/Mini/versions/1.0.0',
      '/api/pathways/mini/versions/1.0',
      '/api/pathways/%2Fetc%2Fpasswd/versions/1.0.0',
    ]) {
      const { status, body } = await svc.call({ method: 'GET', url });
      expect(status, url).toBe(400);
      expect(errorCode(body)).toBe('INVALID_PARAM');
      expect(errorOf(body).issues[0]?.path).toMatch(/^(id|version)$/);
    }
  });

  it('lists the scenarios of a pathway with their file names and hashes', async () => {
    svc = await service();
    await writeScenario(svc.root, 'chronic', {
      name: 'Chronic pain goes to treatment',
      pathway: 'mini',
      versions: ['1.1.0'],
      asOf: '2026-09-01',
      input: { facts: { painMonths: 8, flags: [] } },
      expect: { step: 'treat' },
    });
    const { status, body } = await svc.call({ method: 'GET', url: '/api/pathways/mini/scenarios' });
    expect(status).toBe(200);
    const list = (
      body as { scenarios: { file: string; hash: string; scenario: { name: string } }[] }
    ).scenarios;
    expect(list.map((s) => [s.file, s.scenario.name])).toEqual([
      ['chronic.yaml', 'Chronic pain goes to treatment'],
    ]);
    const unknown = await svc.call({ method: 'GET', url: '/api/pathways/nope/scenarios' });
    expect(unknown.status).toBe(404);
  });

  it('serves a plain page linking the API description when the editor is not built', async () => {
    svc = await service();
    const { status, response } = await svc.call({ method: 'GET', url: '/' });
    expect(status).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('/api/openapi.json');
    expect(response.body).toContain('not built yet');
  });

  it('serves the built editor from the editor folder when it exists', async () => {
    const editorDir = await tempDir();
    await mkdir(editorDir, { recursive: true });
    await writeFile(join(editorDir, 'index.html'), '<!doctype html><title>editor</title>');
    svc = await service({ editorDir });
    const { status, response } = await svc.call({
      method: 'GET',
      url: '/?pathway=mini&version=2.0.0',
    });
    expect(status).toBe(200);
    expect(response.body).toContain('<title>editor</title>');
    const api = await svc.call({ method: 'GET', url: '/api/nothing-here' });
    expect(api.status).toBe(404);
    expect(errorCode(api.body)).toBe('ROUTE_NOT_FOUND');
  });

  it('answers unknown routes with 404 ROUTE_NOT_FOUND in the error shape', async () => {
    svc = await service();
    const { status, body } = await svc.call({ method: 'GET', url: '/api/unknown' });
    expect(status).toBe(404);
    expect(errorOf(body)).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      issues: [{ code: 'ROUTE_NOT_FOUND' }],
    });
  });
});

describe('CDS Hooks in the same service', () => {
  it('answers the discovery endpoint next to the REST API', async () => {
    const s = await service();
    try {
      const { status, body } = await s.call({ method: 'GET', url: '/cds-services' });
      expect(status).toBe(200);
      expect(Array.isArray((body as { services: unknown[] }).services)).toBe(true);
    } finally {
      await s.app.close();
    }
  });
});
