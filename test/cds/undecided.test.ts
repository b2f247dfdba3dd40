/**
 * CDS answers name every alert that could not be decided, by id, with the reason: the
 * engine's words when it gives them, and what the FHIR reading said about the facts the
 * alert lacks (resources not usable, prefetch keys not sent).
 */
import Fastify from 'fastify';
import { join } from 'node:path';
import type { Bundle, FhirResource, MedicationStatement } from 'fhir/r4';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../engine/audit/log';
import { buildCards, UNDECIDED_EXTENSION } from '../../engine/cds/cards';
import { registerCdsHooks } from '../../engine/cds/hooks';
import { unpackPrefetch } from '../../engine/cds/prefetch';
import type { CdsCard, CdsResponse } from '../../engine/cds/schema';
import { prefetchTemplates, type PrefetchKey } from '../../engine/cds/services';
import type { UndecidedReport } from '../../engine/cds/undecided';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate } from '../../engine/evaluate/evaluate';
import type { EvaluationResult } from '../../engine/evaluate/result';
import { factsFromFhir } from '../../engine/fhir';
import { createServiceContext } from '../../engine/http/service-context';
import type { Language } from '../../engine/model/types';
import {
  chronicPain,
  FHIR_PATIENTS,
  FIXTURE_AS_OF,
  loadPrefetch,
  type Prefetch,
} from '../fixtures/fhir/load';

/** Anna's prefetch with her diazepam coded in RxNorm only (a system the mapping does not read). */
async function annaWithDiazepamCodedAs(system: string, code: string): Promise<Prefetch> {
  const prefetch = await loadPrefetch('anna-opioid-benzodiazepine');
  const bundle = prefetch['medicationStatements'] as Bundle<FhirResource>;
  for (const entry of bundle.entry ?? []) {
    const statement = entry.resource as MedicationStatement;
    if (statement.id !== 'ms-anna-diazepam') continue;
    statement.medicationCodeableConcept = {
      coding: [{ system, code }],
      text: 'Stesolid 5 mg tablett',
    };
  }
  return prefetch;
}

/** Diazepam coded only in a hospital's local drug catalogue, which no table maps. */
const LOCAL_CATALOGUE = 'http://region.example/fhir/CodeSystem/local-drug-catalogue';
const annaWithUnreadableDiazepam = () => annaWithDiazepamCodedAs(LOCAL_CATALOGUE, 'STESOLID-5');

/** The cards the service builds from a prefetch and an evaluation of (some of) its facts. */
async function cardsFor(
  prefetch: Prefetch,
  options: {
    language?: Language;
    /** Facts to leave unknown, as the engine leaves facts an unreadable record could change. */
    unknown?: readonly string[];
    /** Words the engine gives per undecided alert (the optional `reasons`). */
    reasons?: Record<string, string[]>;
  } = {},
): Promise<{ cards: CdsCard[]; result: EvaluationResult }> {
  const pathway = await chronicPain();
  const keys = Object.keys(prefetchTemplates(pathway)) as PrefetchKey[];
  const unpacked = unpackPrefetch(prefetch, keys);
  const patientId = (prefetch['patient'] as { id: string }).id;
  const mapping = factsFromFhir(pathway, unpacked.resources, {
    asOf: FIXTURE_AS_OF,
    patientId,
    completeTypes: unpacked.completeTypes,
  });
  const facts = Object.fromEntries(
    Object.entries(mapping.facts).filter(([name]) => !(options.unknown ?? []).includes(name)),
  );
  const evaluated = await evaluate(
    compilePathway(pathway),
    { facts, asOf: FIXTURE_AS_OF },
    { language: options.language ?? 'en', trace: false },
  );
  const result: EvaluationResult = {
    ...evaluated,
    undecidedAlerts: evaluated.undecidedAlerts.map((u) => ({
      ...u,
      ...(options.reasons?.[u.id] === undefined ? {} : { reasons: options.reasons[u.id] }),
    })),
  };
  let n = 0;
  const cards = buildCards({
    pathway,
    result,
    mapping,
    prefetch: unpacked,
    language: options.language ?? 'en',
    uuid: () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
  }).map((c) => c.card);
  return { cards, result };
}

function undecidedOf(card: CdsCard | undefined): UndecidedReport[] {
  const extension = (card as { extension?: Record<string, unknown> } | undefined)?.extension;
  return (extension?.[UNDECIDED_EXTENSION] ?? []) as UndecidedReport[];
}

describe('CDS answers that say what they could not decide', () => {
  it('names opioid-benzodiazepine as undecided, with the unreadable diazepam as the reason, for a patient on oxycodone', async () => {
    const { cards, result } = await cardsFor(await annaWithUnreadableDiazepam(), {
      unknown: ['medications'],
    });
    expect(result.undecidedAlerts.map((u) => u.id)).toContain('opioid-benzodiazepine');
    const [step] = cards;
    const report = undecidedOf(step).find((u) => u.id === 'opioid-benzodiazepine');
    expect(report).toMatchObject({ severity: 'critical', missingFacts: ['medications'] });
    expect(report?.reasons.join('\n')).toMatch(
      /MedicationStatement\/ms-anna-diazepam.*maps to no ATC code/,
    );
    expect(step?.detail).toContain('**Alerts that could not be decided**');
    expect(step?.detail).toMatch(
      /`opioid-benzodiazepine`, critical\) could not be checked:\n {2}- `MedicationStatement\/ms-anna-diazepam`: coded only as/,
    );
  });

  it("puts the engine's own reasons first when the result gives them", async () => {
    const { cards } = await cardsFor(await annaWithUnreadableDiazepam(), {
      unknown: ['medications'],
      reasons: { 'opioid-benzodiazepine': ['diazepam is coded in a system we cannot read'] },
    });
    const report = undecidedOf(cards[0]).find((u) => u.id === 'opioid-benzodiazepine');
    expect(report?.reasons[0]).toBe('diazepam is coded in a system we cannot read');
    expect(report?.reasons.length).toBeGreaterThan(1);
  });

  it('names every undecided alert by id with at least one reason, critical first, for every test patient', async () => {
    for (const name of FHIR_PATIENTS) {
      const { cards, result } = await cardsFor(await loadPrefetch(name));
      const reports = undecidedOf(cards[0]);
      expect(reports.map((r) => r.id).sort(), name).toEqual(
        result.undecidedAlerts.map((u) => u.id).sort(),
      );
      for (const r of reports) {
        expect(r.reasons.length, `${name} ${r.id}`).toBeGreaterThan(0);
        expect(cards[0]?.detail, `${name} ${r.id}`).toContain(`\`${r.id}\``);
      }
      const order = reports.map((r) => ({ critical: 0, warning: 1, info: 2 })[r.severity]);
      expect(order, name).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('says which prefetch keys were not sent for the facts an alert lacks', async () => {
    const { cards } = await cardsFor(await loadPrefetch('erik-partial-prefetch'));
    const insomnia = undecidedOf(cards[0]).find((u) => u.id === 'insomnia');
    expect(insomnia?.reasons).toEqual([
      'ISI (`isi`): the record system did not send `observations`, `questionnaireResponses` (prefetch)',
    ]);
  });

  it('writes the undecided list in the request language', async () => {
    const { cards } = await cardsFor(await annaWithUnreadableDiazepam(), {
      unknown: ['medications'],
      language: 'sv',
    });
    expect(cards[0]?.detail).toContain('**Varningar som inte kunde avgöras**');
    expect(cards[0]?.detail).toMatch(/`opioid-benzodiazepine`, kritisk\) kunde inte kontrolleras:/);
  });

  it('adds no undecided list when every alert was decided', async () => {
    const prefetch = await loadPrefetch('anna-opioid-benzodiazepine');
    const { cards, result } = await cardsFor(prefetch);
    const decided: EvaluationResult = { ...result, undecidedAlerts: [] };
    const pathway = await chronicPain();
    const unpacked = unpackPrefetch(prefetch, []);
    const [step] = buildCards({
      pathway,
      result: decided,
      mapping: { facts: {}, missing: [], problems: [], notes: [], unmapped: [] },
      prefetch: unpacked,
      language: 'en',
      uuid: () => '00000000-0000-4000-8000-000000000000',
    });
    expect(cards.length).toBeGreaterThan(0);
    expect(step?.card.detail).not.toContain('could not be decided');
    expect(undecidedOf(step?.card)).toEqual([]);
  });
});

describe('the patient-view service on a patient on oxycodone whose diazepam cannot be read', () => {
  const app = Fastify();
  afterAll(async () => {
    await app.close();
  });

  async function call(prefetch: Prefetch): Promise<CdsResponse> {
    if (!app.hasRoute({ method: 'POST', url: '/cds-services/:id' })) {
      const ctx = createServiceContext({
        pathwaysDir: join(import.meta.dirname, '../../pathways'),
        audit: new SqliteAuditLog(':memory:'),
        today: () => FIXTURE_AS_OF,
      });
      // Development mode (CDS_AUTH=off): these tests are about cards, not callers.
      registerCdsHooks(app, ctx, { auth: { mode: 'off' } });
      await app.ready();
    }
    const response = await app.inject({
      method: 'POST',
      url: '/cds-services/chronic-pain-pathway',
      payload: {
        hook: 'patient-view',
        hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
        context: {
          userId: 'Practitioner/dr-lind',
          patientId: (prefetch['patient'] as { id: string }).id,
        },
        prefetch,
      },
    });
    expect(response.statusCode).toBe(200);
    return response.json<CdsResponse>();
  }

  it('answers every undecided alert of the evaluation in the step card, each with its reason', async () => {
    const prefetch = await loadPrefetch('erik-partial-prefetch');
    const body = await call(prefetch);
    const { result } = await cardsFor(prefetch);
    const reports = undecidedOf(body.cards[0]);
    expect(result.undecidedAlerts.length).toBeGreaterThan(0);
    expect(reports.map((u) => u.id).sort()).toEqual(result.undecidedAlerts.map((u) => u.id).sort());
    for (const r of reports) expect(r.reasons.length, r.id).toBeGreaterThan(0);
  });

  // End to end: the reader keeps the unreadable diazepam as an uncertain entry, the engine
  // leaves onBenzodiazepine unknown and says why, and the card names the record.
  it('classifies diazepam coded only in RxNorm through the terminology table, so the alert fires', async () => {
    const body = await call(
      await annaWithDiazepamCodedAs('http://www.nlm.nih.gov/research/umls/rxnorm', '3322'),
    );
    // The alert's own card names it; the undecided list does not.
    expect(body.cards.some((c) => c.detail?.includes('(`opioid-benzodiazepine`)'))).toBe(true);
    expect(undecidedOf(body.cards[0]).map((u) => u.id)).not.toContain('opioid-benzodiazepine');
  });

  it('names opioid-benzodiazepine as undecided, with the diazepam in an unreadable code system as the reason', async () => {
    const body = await call(await annaWithUnreadableDiazepam());
    const step = body.cards[0];
    const report = undecidedOf(step).find((u) => u.id === 'opioid-benzodiazepine');
    expect(report?.reasons.join('\n')).toContain('MedicationStatement/ms-anna-diazepam');
    expect(step?.detail).toContain('`opioid-benzodiazepine`, critical) could not be checked');
    expect(body.cards.some((c) => c.detail?.includes('(`opioid-benzodiazepine`)'))).toBe(false);
  });
});
