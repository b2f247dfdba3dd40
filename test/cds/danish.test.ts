/**
 * The CDS Hooks service serves the Danish pathway from a Danish-shaped prefetch: a DK Core
 * Patient with a CPR identifier, a Condition coded in SKS (and ICPC-2) whose subject is the CPR
 * identifier, and FMK medications with ATC codes (one under the WHO ATC OID). Nothing in the
 * engine knows it is Danish: the codes come from the pathway's fact dictionary.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../engine/audit/log';
import { registerCdsHooks } from '../../engine/cds/hooks';
import { cdsDiscoverySchema, type CdsCard, type CdsResponse } from '../../engine/cds/schema';
import { createServiceContext } from '../../engine/http/service-context';
import { testIssuer } from './issuer';

const issuer = await testIssuer();
/** A day both pathways are in effect (chronic-pain 1.2.0 and chronic-pain-dk 1.0.0). */
const TODAY = '2026-12-10';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function service(): Promise<FastifyInstance> {
  const pathwaysDir = join(import.meta.dirname, '../../pathways');
  const ctx = createServiceContext({
    pathwaysDir,
    audit: new SqliteAuditLog(':memory:'),
    today: () => TODAY,
  });
  const app = Fastify();
  registerCdsHooks(app, ctx, issuer.settings);
  await app.ready();
  apps.push(app);
  return app;
}

async function karen(): Promise<Record<string, unknown>> {
  const text = await readFile(join(import.meta.dirname, 'fixtures/dk-karen-prefetch.json'), 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

async function cardsFor(prefetch: Record<string, unknown>, language = 'da'): Promise<CdsCard[]> {
  const app = await service();
  const response = await app.inject({
    method: 'POST',
    url: '/cds-services/chronic-pain-dk-pathway',
    payload: {
      hook: 'patient-view',
      hookInstance: '6f1c0d9e-2b7a-4c59-9a8e-4f3d2e1c0b9a',
      fhirServer: 'https://fhir.example.dk/r4',
      context: { userId: 'Practitioner/laege-holm', patientId: 'pat-karen' },
      prefetch,
    },
    headers: await issuer.headers({ 'accept-language': language }),
  });
  expect(response.statusCode).toBe(200);
  return response.json<CdsResponse>().cards;
}

const topic = (card: CdsCard | undefined): string | undefined => card?.source.topic?.code;
const alertIds = (cards: CdsCard[]): (string | undefined)[] =>
  cards
    .filter((c) => topic(c) === 'alert')
    .map((c) => /\(`([a-z-]+)`\)$/.exec(c.detail ?? '')?.[1])
    .sort();

describe('CDS Hooks for the Danish pathway', () => {
  it('offers a patient-view service per pathway, the Danish one among them', async () => {
    const app = await service();
    const response = await app.inject({ method: 'GET', url: '/cds-services' });
    const body = cdsDiscoverySchema.parse(response.json());
    expect(body.services.map((s) => s.id).sort()).toEqual([
      'chronic-pain-dk-pathway',
      'chronic-pain-pathway',
    ]);
    const dk = body.services.find((s) => s.id === 'chronic-pain-dk-pathway');
    expect(dk?.prefetch).toMatchObject({
      patient: 'Patient/{{context.patientId}}',
      conditions: 'Condition?patient={{context.patientId}}',
      medicationStatements:
        'MedicationStatement?patient={{context.patientId}}&_include=MedicationStatement:medication',
    });
    expect(dk?.prefetch?.['observations']).toBeUndefined();
  });

  it('reads SKS-coded pain, CPR-identified subjects and FMK drugs, and answers in Danish', async () => {
    const cards = await cardsFor(await karen());
    expect(topic(cards[0])).toBe('pathway-step');
    // Only the substance-use question is open: age, the SKS-coded pain duration and the
    // FMK drugs were all read (a global transition waits for it, so the walk stays at intake).
    expect(cards[0]?.summary).toBe(
      'Forløbets trin: Vurdering hos egen læge (flere oplysninger mangler)',
    );
    expect(cards.find((c) => topic(c) === 'missing-data')?.summary).toBe(
      '1 oplysning mangler i journalen: aktivt misbrug',
    );
    expect(cards[0]?.source.label).toBe('Kroniske smerter hos voksne – dansk forløb 1.0.0');
    expect(alertIds(cards)).toEqual(['hypnotic-duration', 'opioid-benzodiazepine']);
    const critical = cards.find((c) => c.indicator === 'critical');
    expect(critical?.detail).toMatch(/Opioid og benzodiazepin samtidig/);
    const hypnotic = cards.find(
      (c) => topic(c) === 'alert' && /\(`hypnotic-duration`\)$/.test(c.detail ?? ''),
    );
    expect(hypnotic?.detail).toMatch(/i 70 dage/);
  });

  it('does not count the pain duration when the only diagnosis is coded outside SKS and ICD-10', async () => {
    const prefetch = await karen();
    const conditions = prefetch['conditions'] as {
      entry: { resource: { code: { coding: { system: string }[] } } }[];
    };
    const code = conditions.entry[0]?.resource.code;
    if (code === undefined) throw new Error('fixture has no condition');
    code.coding = code.coding.filter((c) => c.system === 'http://hl7.org/fhir/sid/icpc-2');
    const cards = await cardsFor(prefetch);
    expect(cards[0]?.summary).toBe(
      'Forløbets trin: Vurdering hos egen læge (flere oplysninger mangler)',
    );
    const missing = cards.find((c) => topic(c) === 'missing-data');
    expect(missing?.summary).toMatch(/^2 oplysninger mangler i journalen: .*smertevarighed/);
  });

  it('moves a patient with SKS-coded opioid dependence (DF112) to substance-use care', async () => {
    const prefetch = await karen();
    const conditions = prefetch['conditions'] as { entry: unknown[] };
    conditions.entry.push({
      fullUrl: 'https://fhir.example.dk/r4/Condition/cond-karen-df112',
      resource: {
        resourceType: 'Condition',
        id: 'cond-karen-df112',
        clinicalStatus: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
          ],
        },
        code: { coding: [{ system: 'urn:oid:1.2.208.176.2.4', code: 'DF112' }] },
        subject: { reference: 'Patient/pat-karen' },
        onsetDateTime: '2026-11-20',
      },
      search: { mode: 'match' },
    });
    const cards = await cardsFor(prefetch);
    expect(cards[0]?.summary).toMatch(/^Forløbets trin: Misbrugsbehandling\b/);
  });

  it('keeps an FMK drug whose subject names another CPR number out of the evaluation', async () => {
    const prefetch = await karen();
    const statements = prefetch['medicationStatements'] as {
      entry: { resource: { subject: unknown } }[];
    };
    const first = statements.entry[0];
    if (first === undefined) throw new Error('fixture has no statement');
    first.resource.subject = {
      identifier: { system: 'urn:oid:1.2.208.176.1.2', value: '0101011234' },
    };
    const cards = await cardsFor(prefetch, 'en');
    expect(alertIds(cards)).toEqual(['hypnotic-duration']);
  });
});
