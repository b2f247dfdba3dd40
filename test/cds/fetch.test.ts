/**
 * Fetching what the prefetch did not bring, from a small FHIR server the tests start on
 * loopback: only that server, the access token as Bearer, GET of the service's own templates;
 * a slow server, a huge answer or a next link elsewhere leaves the list not sent or paged,
 * never a 5xx.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../engine/audit/log';
import { registerCdsHooks } from '../../engine/cds/hooks';
import type { CdsResponse } from '../../engine/cds/schema';
import { createServiceContext } from '../../engine/http/service-context';
import { FIXTURE_AS_OF, loadPrefetch, type Prefetch } from '../fixtures/fhir/load';
import { testIssuer } from './issuer';

const issuer = await testIssuer();
const TOKEN = 'fhir-access-token-for-the-test';
const KEY_OF: Record<string, string> = {
  Patient: 'patient',
  Condition: 'conditions',
  Observation: 'observations',
  QuestionnaireResponse: 'questionnaireResponses',
  MedicationStatement: 'medicationStatements',
  MedicationRequest: 'medicationRequests',
};

const apps: FastifyInstance[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
  for (const s of servers.splice(0)) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

type Handler = (
  req: IncomingMessage,
  key: string | undefined,
  base: string,
) => { status?: number; body?: unknown; raw?: string; hang?: boolean };

interface FhirServer {
  base: string;
  requests: { method: string; url: string; authorization: string | undefined }[];
}

async function fhirServer(handler: Handler): Promise<FhirServer> {
  const requests: FhirServer['requests'] = [];
  let base = '';
  const server = createServer((req, res) => {
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
    });
    const type = /^\/r4\/([A-Za-z]+)/.exec(req.url ?? '')?.[1] ?? '';
    const answer = handler(req, KEY_OF[type], base);
    if (answer.hang === true) return; // never answers
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/fhir+json' });
    res.end(answer.raw ?? JSON.stringify(answer.body ?? null));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/r4`;
  return { base, requests };
}

/** A server answering each template from Anna's fixture. */
async function annaServer(
  prefetch: Prefetch,
  edit: (key: string | undefined, value: unknown, base: string) => ReturnType<Handler> = (
    _,
    v,
  ) => ({
    body: v,
  }),
): Promise<FhirServer> {
  return fhirServer((_req, key, base) =>
    key === undefined ? { status: 404 } : edit(key, prefetch[key] ?? null, base),
  );
}

async function call(
  server: FhirServer | undefined,
  prefetch: Prefetch,
  options: { authorization?: boolean; timeoutMs?: number; maxBytes?: number } = {},
): Promise<{ status: number; body: CdsResponse }> {
  const ctx = createServiceContext({
    pathwaysDir: join(import.meta.dirname, '../../pathways'),
    audit: new SqliteAuditLog(':memory:'),
    today: () => FIXTURE_AS_OF,
  });
  const app = Fastify();
  registerCdsHooks(app, ctx, {
    ...issuer.settings,
    fhirFetch: { timeoutMs: options.timeoutMs ?? 2000, maxBytes: options.maxBytes ?? 1_000_000 },
  });
  await app.ready();
  apps.push(app);
  const response = await app.inject({
    method: 'POST',
    url: '/cds-services/chronic-pain-pathway',
    headers: await issuer.headers(),
    payload: {
      hook: 'patient-view',
      hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
      ...(server === undefined ? {} : { fhirServer: server.base }),
      ...(options.authorization === false
        ? {}
        : {
            fhirAuthorization: {
              access_token: TOKEN,
              token_type: 'Bearer',
              expires_in: 300,
              scope: 'patient/*.read',
              subject: 'cds-service',
            },
          }),
      context: { userId: 'Practitioner/dr-lind', patientId: 'pat-anna' },
      prefetch,
    },
  });
  return { status: response.statusCode, body: response.json<CdsResponse>() };
}

/** The prefetch with the patient only (the other keys left to fetch). */
const patientOnly = (p: Prefetch): Prefetch => ({ patient: p['patient'] ?? null });
const text = (body: CdsResponse): string => body.cards.map((c) => c.detail ?? '').join('\n');
const alertIds = (body: CdsResponse): string[] =>
  body.cards.flatMap((c) => /\(`([a-z-]+)`\)$/.exec(c.detail ?? '')?.[1] ?? []);

describe('fetching prefetch keys the request did not bring', () => {
  it('fetches them from fhirServer with the access token, GET only, and decides as with a full prefetch', async () => {
    const full = await loadPrefetch('anna-opioid-benzodiazepine');
    const server = await annaServer(full);
    const { status, body } = await call(server, patientOnly(full));
    expect(status).toBe(200);
    expect(alertIds(body)).toContain('opioid-benzodiazepine');
    expect(server.requests.length).toBeGreaterThanOrEqual(4);
    for (const r of server.requests) {
      expect(r.method).toBe('GET');
      expect(r.authorization).toBe(`Bearer ${TOKEN}`);
      expect(r.url).toMatch(
        /^\/r4\/(Condition|Observation|QuestionnaireResponse|MedicationStatement|MedicationRequest)\?patient=pat-anna/,
      );
    }
    expect(text(body)).not.toContain('Not sent by the record system');
  });

  it('fetches the patient too, instead of answering 412', async () => {
    const full = await loadPrefetch('anna-opioid-benzodiazepine');
    const server = await annaServer(full);
    const { status } = await call(server, {});
    expect(status).toBe(200);
    expect(server.requests.some((r) => r.url === '/r4/Patient/pat-anna')).toBe(true);
  });

  it('fetches nothing without fhirAuthorization, and answers as before', async () => {
    const full = await loadPrefetch('anna-opioid-benzodiazepine');
    const server = await annaServer(full);
    const { status, body } = await call(server, patientOnly(full), { authorization: false });
    expect(status).toBe(200);
    expect(server.requests).toHaveLength(0);
    expect(text(body)).toContain('`medicationStatements`');
  });

  it('leaves the lists not sent, and answers 200 in time, when the server does not answer', async () => {
    const full = await loadPrefetch('anna-opioid-benzodiazepine');
    const server = await fhirServer(() => ({ hang: true }));
    const started = Date.now();
    const { status, body } = await call(server, patientOnly(full), { timeoutMs: 300 });
    expect(status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(text(body)).toContain('Not sent by the record system');
    expect(text(body)).toContain('`medicationStatements`');
  });

  it('leaves a list not sent when its answer is over the size limit', async () => {
    const full = await loadPrefetch('anna-opioid-benzodiazepine');
    const server = await annaServer(full, (key, value) =>
      key === 'medicationStatements'
        ? { body: { ...(value as object), padding: 'x'.repeat(200_000) } }
        : { body: value },
    );
    const { status, body } = await call(server, patientOnly(full), { maxBytes: 100_000 });
    expect(status).toBe(200);
    const notSent = body.cards.find((c) =>
      (c.detail ?? '').includes('Not sent by the record system'),
    );
    expect(notSent?.detail).toContain('`medicationStatements`');
    expect(notSent?.detail).not.toContain('`conditions`');
  });

  it('follows a next link on the same server and joins the pages', async () => {
    const full = await loadPrefetch('anna-opioid-benzodiazepine');
    const statements = full['medicationStatements'] as { entry: unknown[] };
    const server = await fhirServer((req, key, base) => {
      if (key !== 'medicationStatements')
        return { body: key === undefined ? null : (full[key] ?? null) };
      if ((req.url ?? '').includes('page=2'))
        return {
          body: { resourceType: 'Bundle', type: 'searchset', entry: statements.entry.slice(1) },
        };
      return {
        body: {
          resourceType: 'Bundle',
          type: 'searchset',
          entry: statements.entry.slice(0, 1),
          link: [{ relation: 'next', url: `${base}/MedicationStatement?patient=pat-anna&page=2` }],
        },
      };
    });
    const { body } = await call(server, patientOnly(full));
    expect(server.requests.some((r) => r.url.includes('page=2'))).toBe(true);
    expect(alertIds(body)).toContain('opioid-benzodiazepine');
    expect(text(body)).not.toContain('only the first page');
  });

  it('refuses a next link to another origin: not followed, the list read as paged', async () => {
    const full = await loadPrefetch('anna-opioid-benzodiazepine');
    const elsewhere = await fhirServer(() => ({ body: { resourceType: 'Bundle', entry: [] } }));
    const server = await annaServer(full, (key, value) =>
      key === 'medicationStatements'
        ? {
            body: {
              ...(value as object),
              link: [{ relation: 'next', url: `${elsewhere.base}/MedicationStatement?page=2` }],
            },
          }
        : { body: value },
    );
    const { status, body } = await call(server, patientOnly(full));
    expect(status).toBe(200);
    expect(elsewhere.requests).toHaveLength(0);
    expect(text(body)).toContain(
      'prefetch `medicationStatements`: only the first page of results was sent',
    );
  });
});
