import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPath } from '../../engine/http/openapi';
import { API_ROUTES } from '../../engine/http/routes/index';
import { printPathway } from '../../engine/yaml/print';
import { miniPathway } from '../fixtures/pathways';
import { service, type TestService } from './helpers';

let svc: TestService;
beforeAll(async () => {
  svc = await service();
});
afterAll(async () => {
  await svc.app.close();
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document describing every API route the app serves', async () => {
    const { status, body } = await svc.call({ method: 'GET', url: '/api/openapi.json' });
    expect(status).toBe(200);
    const doc = body as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    const routes = svc.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((l) => !l.includes(' / ') && !l.includes('cds-services'))
      .join('\n');
    for (const route of API_ROUTES) {
      expect(
        doc.paths[openApiPath(route.path)]?.[route.method],
        `${route.method} ${route.path}`,
      ).toBeDefined();
      expect(
        svc.app.hasRoute({ method: route.method.toUpperCase() as 'GET', url: route.path }),
        route.path,
      ).toBe(true);
    }
    // Every /api route in the router's table appears in the document.
    const segments = new Set(API_ROUTES.flatMap((r) => r.path.split('/')));
    for (const match of routes.matchAll(/[└├]── (\S+)/g)) {
      for (const part of (match[1] ?? '').split('/').filter((p) => p !== '' && p !== '*'))
        expect(segments.has(part), part).toBe(true);
    }
    // References resolve inside the document.
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
      expect(doc.components.schemas[name], name).toBeDefined();
    }
  });
});

describe('POST /api/validate', () => {
  it('reports schema errors with line and column for YAML text', async () => {
    const text = printPathway(miniPathway()).replace('entryStep: start', 'entryStep: 12');
    const { status, body } = await svc.call({
      method: 'POST',
      url: '/api/validate',
      payload: { text },
    });
    expect(status).toBe(200);
    const answer = body as {
      ok: boolean;
      errors: { path: string; line: number }[];
      lint: unknown[];
    };
    expect(answer.ok).toBe(false);
    expect(answer.errors[0]).toMatchObject({ path: 'entryStep' });
    expect(answer.errors[0]?.line).toBeGreaterThan(1);
  });

  it('lints a valid document object and says ok when nothing is an error', async () => {
    const ok = await svc.call({
      method: 'POST',
      url: '/api/validate',
      payload: { pathway: miniPathway({ version: '3.0.0', effective: { from: '2028-01-01' } }) },
    });
    expect(ok.body).toMatchObject({ ok: true, errors: [] });
    const broken = miniPathway({
      version: '3.0.0',
      effective: { from: '2028-01-01' },
      entryStep: 'nowhere',
    });
    const bad = await svc.call({
      method: 'POST',
      url: '/api/validate',
      payload: { pathway: broken },
    });
    const answer = bad.body as { ok: boolean; lint: { rule: string; path: string }[] };
    expect(answer.ok).toBe(false);
    expect(answer.lint.map((i) => i.rule)).toContain('unknown-step');
  });

  it('answers 400 when the body is neither { text } nor { pathway }', async () => {
    const { status } = await svc.call({
      method: 'POST',
      url: '/api/validate',
      payload: { yaml: 'x' },
    });
    expect(status).toBe(400);
  });
});
