/**
 * CDS Hooks feedback: what users did with the cards is stored with the card's alert or step
 * and the pathway version, read back through `GET /api/audit/feedback`, kept across a
 * restart, and refused whole — naming the field — when a card is unknown or the body is bad.
 * Also: the CDS endpoints answer browsers from other origins (CORS), the REST API does not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CdsResponse } from '../../engine/cds/schema';
import { FIXTURE_AS_OF, loadPrefetch } from '../fixtures/fhir/load';
import { testIssuer } from './issuer';
import { REAL_PATHWAYS, errorOf, service, type TestService } from '../http/helpers';

const issuer = await testIssuer();

const running: TestService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.app.close()));
});

async function start(dataDir?: string): Promise<TestService> {
  const s = await service({
    root: REAL_PATHWAYS,
    cds: issuer.settings,
    today: () => FIXTURE_AS_OF,
    ...(dataDir === undefined ? {} : { dataDir }),
  });
  running.push(s);
  // Every CDS call is signed by the trusted test client, unless the test sets its own header.
  const call = s.call.bind(s);
  s.call = async (request) =>
    call(
      request.url?.toString().startsWith('/cds-services/') === true && request.method === 'POST'
        ? { ...request, headers: await issuer.headers(request.headers as Record<string, string>) }
        : request,
    );
  return s;
}

/** Cards for the patient on opioid and benzodiazepine, with the alert id each one names. */
async function cardsFor(s: TestService): Promise<{ uuid: string; alert: string | undefined }[]> {
  const prefetch = await loadPrefetch('anna-opioid-benzodiazepine');
  const patientId = (prefetch['patient'] as { id: string }).id;
  const { status, body } = await s.call({
    method: 'POST',
    url: '/cds-services/chronic-pain-pathway',
    payload: {
      hook: 'patient-view',
      hookInstance: 'a4e0b1f2-7c3d-4e5f-9a8b-1c2d3e4f5a6b',
      context: { userId: 'Practitioner/dr-lind', patientId },
      prefetch,
    },
  });
  expect(status).toBe(200);
  return (body as CdsResponse).cards.map((c) => ({
    uuid: c.uuid ?? '',
    alert: /\(`([a-z-]+)`\)$/.exec(c.detail ?? '')?.[1],
  }));
}

const feedback = (entries: unknown[]) => ({
  method: 'POST' as const,
  url: '/cds-services/chronic-pain-pathway/feedback',
  payload: { feedback: entries },
});

describe('CDS Hooks feedback', () => {
  it('stores an override with its reason and an acceptance, each with the alert and pathway version', async () => {
    const s = await start();
    const cards = await cardsFor(s);
    const combination = cards.find((c) => c.alert === 'opioid-benzodiazepine');
    const insomnia = cards.find((c) => c.alert === 'insomnia');
    if (combination === undefined || insomnia === undefined) throw new Error('alert cards missing');
    const answer = await s.call(
      feedback([
        {
          card: combination.uuid,
          outcome: 'overridden',
          overrideReason: {
            reason: { code: 'tapering-planned', system: 'https://example.se/reasons' },
            userComment: 'Nedtrappning påbörjad',
          },
          outcomeTimestamp: '2026-11-23T10:15:00+01:00',
        },
        { card: insomnia.uuid, outcome: 'accepted', outcomeTimestamp: '2026-11-23T10:16:00Z' },
      ]),
    );
    expect(answer).toMatchObject({ status: 200, body: { recorded: 2 } });

    const listed = await s.call({ method: 'GET', url: '/api/audit/feedback?pathway=chronic-pain' });
    expect(listed.status).toBe(200);
    const entries = (listed.body as { feedback: Record<string, unknown>[] }).feedback;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      serviceId: 'chronic-pain-pathway',
      card: combination.uuid,
      outcome: 'overridden',
      overrideReason: {
        reason: { code: 'tapering-planned' },
        userComment: 'Nedtrappning påbörjad',
      },
      pathwayId: 'chronic-pain',
      version: '1.1.0',
      topic: 'alert',
      subject: 'opioid-benzodiazepine',
    });
    expect(entries[1]).toMatchObject({ outcome: 'accepted', subject: 'insomnia' });
    expect(entries[1]).not.toHaveProperty('overrideReason');
    const overridden = await s.call({
      method: 'GET',
      url: '/api/audit/feedback?outcome=overridden',
    });
    expect((overridden.body as { feedback: unknown[] }).feedback).toHaveLength(1);
  });

  it('keeps feedback across a restart of the service', async () => {
    const first = await start();
    const [step] = await cardsFor(first);
    await first.call(
      feedback([
        { card: step?.uuid, outcome: 'accepted', outcomeTimestamp: '2026-11-23T09:00:00Z' },
      ]),
    );
    await first.app.close();
    const second = await start(first.dataDir);
    const listed = await second.call({ method: 'GET', url: '/api/audit/feedback' });
    expect((listed.body as { feedback: unknown[] }).feedback).toMatchObject([
      { card: step?.uuid, topic: 'step', subject: 'intake-assessment' },
    ]);
  });

  it('refuses the whole request, storing nothing, when one card was never sent', async () => {
    const s = await start();
    const [step] = await cardsFor(s);
    const answer = await s.call(
      feedback([
        { card: step?.uuid, outcome: 'accepted', outcomeTimestamp: '2026-11-23T09:00:00Z' },
        {
          card: '0f8fad5b-d9cb-469f-a165-70867728950e',
          outcome: 'accepted',
          outcomeTimestamp: '2026-11-23T09:00:00Z',
        },
      ]),
    );
    expect(answer.status).toBe(404);
    expect(errorOf(answer.body)).toMatchObject({
      code: 'UNKNOWN_CARD',
      issues: [{ code: 'UNKNOWN_CARD', path: 'feedback.1.card' }],
    });
    const listed = await s.call({ method: 'GET', url: '/api/audit/feedback' });
    expect((listed.body as { feedback: unknown[] }).feedback).toEqual([]);
  });

  it('names the field of a malformed entry and refuses a reason on an accepted card', async () => {
    const s = await start();
    const [step] = await cardsFor(s);
    const bad = await s.call(
      feedback([{ card: step?.uuid, outcome: 'ignored', outcomeTimestamp: 'yesterday' }]),
    );
    expect(bad.status).toBe(400);
    expect(
      errorOf(bad.body)
        .issues.map((i) => i.path)
        .sort(),
    ).toEqual(['feedback.0.outcome', 'feedback.0.outcomeTimestamp']);
    const reasoned = await s.call(
      feedback([
        {
          card: step?.uuid,
          outcome: 'accepted',
          overrideReason: { userComment: 'x' },
          outcomeTimestamp: '2026-11-23T09:00:00Z',
        },
      ]),
    );
    expect(reasoned.status).toBe(400);
    expect(errorOf(reasoned.body).issues[0]?.path).toBe('feedback.0.overrideReason');
    const empty = await s.call(feedback([]));
    expect(errorOf(empty.body).issues[0]?.path).toBe('feedback');
  });

  it('answers 404 for feedback to a service that does not exist', async () => {
    const s = await start();
    const answer = await s.call({
      method: 'POST',
      url: '/cds-services/no-such-pathway/feedback',
      payload: { feedback: [] },
    });
    expect(answer.status).toBe(404);
    expect(errorOf(answer.body).code).toBe('NOT_FOUND');
  });
});

describe('CDS Hooks from a browser on another origin', () => {
  it('answers the preflight and the call of the CDS endpoints with CORS headers', async () => {
    const s = await start();
    const origin = 'https://sandbox.cds-hooks.org';
    const preflight = await s.app.inject({
      method: 'OPTIONS',
      url: '/cds-services/chronic-pain-pathway',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST');
    const discovery = await s.app.inject({
      method: 'GET',
      url: '/cds-services',
      headers: { origin },
    });
    expect(discovery.statusCode).toBe(200);
    expect(discovery.headers['access-control-allow-origin']).toBe('*');
  });

  it('leaves the REST API without CORS headers', async () => {
    const s = await start();
    const answer = await s.app.inject({
      method: 'GET',
      url: '/api/pathways',
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});
