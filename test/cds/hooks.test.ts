import Fastify, { type FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerCdsHooks } from '../../engine/cds/hooks';
import {
  cdsDiscoverySchema,
  cdsRequestSchema,
  cdsResponseSchema,
  type CdsCard,
  type CdsResponse,
} from '../../engine/cds/schema';
import { SqliteAuditLog } from '../../engine/audit/log';
import type { AuditEntry, AuditRecord } from '../../engine/audit/types';
import { createServiceContext } from '../../engine/http/service-context';
import {
  FIXTURE_AS_OF,
  loadPrefetch,
  type FhirPatient,
  type Prefetch,
} from '../fixtures/fhir/load';
import { testIssuer } from './issuer';

const issuer = await testIssuer();

/** The SQLite audit log in memory, with its records at hand. */
class MemoryAudit extends SqliteAuditLog {
  constructor() {
    super(':memory:');
  }
  records(): Promise<AuditRecord[]> {
    return this.query({ limit: 1000 });
  }
}

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function service(
  today = FIXTURE_AS_OF,
): Promise<{ app: FastifyInstance; audit: MemoryAudit }> {
  const pathwaysDir = join(import.meta.dirname, '../../pathways');
  const audit = new MemoryAudit();
  const ctx = createServiceContext({ pathwaysDir, audit, today: () => today });
  const app = Fastify();
  registerCdsHooks(app, ctx, issuer.settings);
  await app.ready();
  apps.push(app);
  return { app, audit };
}

function request(
  prefetch: Prefetch | undefined,
  patientId: string,
  extra: Record<string, unknown> = {},
) {
  const body = {
    hook: 'patient-view',
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    fhirServer: 'https://fhir.example.se/r4',
    context: { userId: 'Practitioner/dr-lind', patientId },
    ...(prefetch === undefined ? {} : { prefetch }),
    ...extra,
  };
  expect(cdsRequestSchema.safeParse(body).success).toBe(true);
  return body;
}

async function call(
  name: FhirPatient,
  options: {
    today?: string;
    headers?: Record<string, string>;
    extra?: Record<string, unknown>;
    edit?: (p: Prefetch) => void;
  } = {},
): Promise<{ cards: CdsCard[]; audit: MemoryAudit }> {
  const { app, audit } = await service(options.today);
  const prefetch = await loadPrefetch(name);
  options.edit?.(prefetch);
  const patientId = (prefetch['patient'] as { id: string }).id;
  const response = await app.inject({
    method: 'POST',
    url: '/cds-services/chronic-pain-pathway',
    payload: request(prefetch, patientId, options.extra),
    headers: await issuer.headers(options.headers),
  });
  expect(response.statusCode).toBe(200);
  const body = response.json<CdsResponse>();
  const checked = cdsResponseSchema.safeParse(body);
  expect(checked.error?.issues ?? []).toEqual([]);
  for (const card of body.cards) {
    expect(card.summary.length).toBeLessThan(140);
    expect(card.uuid).toMatch(/^[0-9a-f-]{36}$/);
  }
  return { cards: body.cards, audit };
}

const topic = (card: CdsCard | undefined): string | undefined => card?.source.topic?.code;

describe('CDS Hooks discovery', () => {
  it('offers one patient-view service per pathway with prefetch templates from the fact dictionary', async () => {
    const { app } = await service();
    const response = await app.inject({ method: 'GET', url: '/cds-services' });
    expect(response.statusCode).toBe(200);
    const body = cdsDiscoverySchema.parse(response.json());
    expect(body.services).toHaveLength(1);
    const [chronic] = body.services;
    expect(chronic).toMatchObject({ hook: 'patient-view', id: 'chronic-pain-pathway' });
    expect(chronic?.prefetch).toMatchObject({
      patient: 'Patient/{{context.patientId}}',
      conditions: 'Condition?patient={{context.patientId}}',
      questionnaireResponses: 'QuestionnaireResponse?patient={{context.patientId}}',
      medicationStatements:
        'MedicationStatement?patient={{context.patientId}}&_include=MedicationStatement:medication',
      medicationRequests:
        'MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication',
    });
    expect(chronic?.prefetch?.['observations']).toMatch(
      /^Observation\?patient=\{\{context\.patientId\}\}&code=.*http:\/\/loinc\.org\|72514-3/,
    );
  });
});

describe('the chronic pain patient-view service', () => {
  it('answers a step card, a critical card for opioid with benzodiazepine and cards for other alerts', async () => {
    const { cards } = await call('anna-opioid-benzodiazepine');
    expect(topic(cards[0])).toBe('pathway-step');
    expect(cards[0]?.summary).toBe(
      'Care pathway step: Intake and pain analysis (more information needed)',
    );
    expect(cards[0]?.detail).toMatch(/red flags/i);
    const alerts = cards.filter((c) => topic(c) === 'alert');
    expect(alerts.map((c) => c.indicator)).toEqual(['critical', 'warning', 'warning', 'info']);
    expect(alerts[0]?.detail).toMatch(/opioid-benzodiazepine/);
    expect(alerts.map((c) => /\(`([a-z-]+)`\)$/.exec(c.detail ?? '')?.[1]).sort()).toEqual([
      'anxiety-depression-probable',
      'benzodiazepine-duration',
      'insomnia',
      'opioid-benzodiazepine',
    ]);
    for (const card of cards) expect(card.source.label).toBe('Long-term pain in adults 1.1.0');
  });

  it('names the facts the prefetch did not give in a card of its own', async () => {
    const { cards } = await call('anna-opioid-benzodiazepine');
    const data = cards.find((c) => topic(c) === 'missing-data');
    expect(data?.indicator).toBe('info');
    expect(data?.summary).toMatch(/^5 facts not found in the record: red flags, /);
    expect(data?.detail).toContain('(`activeSubstanceUseDisorder`)');
    expect(data?.detail).toContain("`nrsPainBaseline`): needs the current step's entry date");
  });

  it('sends a patient with a red-flag condition to investigation with a critical card', async () => {
    const { cards, audit } = await call('bo-fentanyl-red-flag');
    expect(cards[0]?.summary).toBe('Care pathway step: Investigation of suspected serious disease');
    const alerts = cards.filter((c) => topic(c) === 'alert');
    expect(alerts[0]).toMatchObject({ indicator: 'critical' });
    expect(alerts[0]?.detail).toContain('red-flag');
    expect(
      alerts.some(
        (c) => c.detail?.includes('opioid-dose-high') === true && c.indicator === 'warning',
      ),
    ).toBe(true);
    expect(await audit.records()).toHaveLength(1);
    expect((await audit.records())[0]).toMatchObject({
      channel: 'cds-hooks',
      pathwayId: 'chronic-pain',
      version: '1.1.0',
      asOf: FIXTURE_AS_OF,
      status: 'settled',
      step: 'red-flag-investigation',
      language: 'en',
    });
    expect((await audit.records())[0]?.contentHash).toMatch(/^sha256:/);
    expect(
      ((await audit.records())[0]?.input as { facts: Record<string, unknown> }).facts['redFlags'],
    ).toEqual(['caudaEquina']);
  });

  it('says when the MME is unknown because a dose is only free text', async () => {
    const { cards } = await call('cecilia-free-text-dose');
    const data = cards.find((c) => topic(c) === 'missing-data');
    expect(data?.detail).toMatch(/ms-cecilia-tramadol`: N02AX02: dose only as free text/);
    expect(cards[0]?.detail).toMatch(/N02AX02/);
    const alerts = cards.filter((c) => topic(c) === 'alert').map((c) => c.detail ?? '');
    expect(alerts.some((d) => d.includes('opioid-gabapentinoid'))).toBe(true);
  });

  it('evaluates with the version in effect on the service date', async () => {
    const { cards, audit } = await call('cecilia-free-text-dose', { today: '2026-06-20' });
    expect((await audit.records())[0]?.version).toBe('1.0.0');
    expect(cards.some((c) => c.detail?.includes('opioid-gabapentinoid') === true)).toBe(false);
    expect(cards[0]?.source.label).toBe('Long-term pain in adults 1.0.0');
  });

  it('answers malformed resources with a warning card listing them, never an error', async () => {
    const { cards } = await call('david-malformed');
    const data = cards.find((c) => topic(c) === 'missing-data');
    expect(data?.indicator).toBe('warning');
    expect(data?.detail).toContain('`Observation/obs-david-wrong-system`');
    expect(data?.detail).toContain('`MedicationStatement/ms-david-no-atc`');
    expect(data?.detail).toContain('birthDate 2031-01-01 is after the evaluation date');
  });

  it('goes on with a partial prefetch and names the keys that were not sent', async () => {
    const { cards } = await call('erik-partial-prefetch');
    const data = cards.find((c) => topic(c) === 'missing-data');
    expect(data?.indicator).toBe('warning');
    expect(data?.detail).toContain('`observations`');
    expect(data?.detail).toContain('`questionnaireResponses`');
  });

  it('writes the cards in Swedish or Danish from Accept-Language or the request extension', async () => {
    const sv = await call('bo-fentanyl-red-flag', {
      headers: { 'accept-language': 'fr-FR, sv-SE;q=0.8, en;q=0.5' },
    });
    expect(sv.cards[0]?.summary).toBe(
      'Vårdprogrammets steg: Utredning av misstänkt bakomliggande sjukdom',
    );
    expect(sv.cards[0]?.source.label).toBe('Långvarig smärta hos vuxna 1.1.0');
    expect((await sv.audit.records())[0]?.language).toBe('sv');
    const da = await call('anna-opioid-benzodiazepine', {
      headers: { 'accept-language': 'sv' },
      extra: { extension: { 'example.vardprogram.language': 'da' } },
    });
    expect(da.cards[0]?.summary).toMatch(/^Forløbets trin: .* \(flere oplysninger mangler\)$/);
    expect(da.cards.find((c) => topic(c) === 'missing-data')?.summary).toMatch(
      /^5 oplysninger mangler i journalen/,
    );
  });
});

describe('CDS Hooks request errors', () => {
  it('answers 412 when the patient prefetch is missing or there is no prefetch', async () => {
    const { app, audit } = await service();
    const prefetch = await loadPrefetch('anna-opioid-benzodiazepine');
    delete prefetch['patient'];
    for (const payload of [request(prefetch, 'pat-anna'), request(undefined, 'pat-anna')]) {
      const response = await app.inject({
        method: 'POST',
        url: '/cds-services/chronic-pain-pathway',
        payload,
        headers: await issuer.headers(),
      });
      expect(response.statusCode).toBe(412);
      expect(response.json()).toMatchObject({ error: { code: 'PRECONDITION_FAILED' } });
    }
    expect(await audit.records()).toHaveLength(0);
  });

  it('answers 400 for another hook, a missing patientId or a prefetch patient that is not the context patient', async () => {
    const { app } = await service();
    const prefetch = await loadPrefetch('anna-opioid-benzodiazepine');
    const url = '/cds-services/chronic-pain-pathway';
    const wrongHook = { ...request(prefetch, 'pat-anna'), hook: 'order-sign' };
    const noPatient = {
      ...request(prefetch, 'pat-anna'),
      context: { userId: 'Practitioner/dr-lind' },
    };
    const otherPatient = request(prefetch, 'pat-bo');
    const noHookInstance = {
      hook: 'patient-view',
      context: { userId: 'u', patientId: 'pat-anna' },
    };
    const answers = await Promise.all(
      [wrongHook, noPatient, otherPatient, noHookInstance].map(async (payload) =>
        app.inject({ method: 'POST', url, payload, headers: await issuer.headers() }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([400, 400, 400, 400]);
    expect(answers[1]?.json()).toMatchObject({
      error: { issues: [{ path: 'context.patientId' }] },
    });
    expect(answers[3]?.json()).toMatchObject({ error: { issues: [{ path: 'hookInstance' }] } });
  });

  it('answers 404 for a service that does not exist', async () => {
    const { app } = await service();
    const response = await app.inject({
      method: 'POST',
      url: '/cds-services/no-such-pathway',
      payload: request(undefined, 'p'),
      headers: await issuer.headers(),
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('CDS Hooks and the evaluation service', () => {
  it('records its audit row through the one audit call, as REST does: one row, the input as evaluated', async () => {
    const { app, audit } = await service();
    const calls: AuditEntry[] = [];
    const record = audit.record.bind(audit);
    audit.record = (entry) => {
      calls.push(entry);
      return record(entry);
    };
    const prefetch = await loadPrefetch('anna-opioid-benzodiazepine');
    const patientId = (prefetch['patient'] as { id: string }).id;
    const response = await app.inject({
      method: 'POST',
      url: '/cds-services/chronic-pain-pathway',
      payload: request(prefetch, patientId),
      headers: await issuer.headers(),
    });
    expect(response.statusCode).toBe(200);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      channel: 'cds-hooks',
      pathwayId: 'chronic-pain',
      asOf: FIXTURE_AS_OF,
      input: { asOf: FIXTURE_AS_OF },
    });
    expect(Object.keys(calls[0]?.input as object).sort()).toEqual(['asOf', 'facts']);
    expect((await audit.records()).map((r) => r.channel)).toEqual(['cds-hooks']);
  });

  it('answers 503 SERVICE_UNAVAILABLE, and sends no cards, when the audit log cannot record', async () => {
    const { app, audit } = await service();
    audit.record = () => Promise.reject(new Error('disk full'));
    const prefetch = await loadPrefetch('anna-opioid-benzodiazepine');
    const patientId = (prefetch['patient'] as { id: string }).id;
    const response = await app.inject({
      method: 'POST',
      url: '/cds-services/chronic-pain-pathway',
      payload: request(prefetch, patientId),
      headers: await issuer.headers(),
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(response.json()).not.toHaveProperty('cards');
  });
});
