/**
 * CDS Hooks 2.0: `GET /cds-services` (discovery) and `POST /cds-services/:id`, one
 * `patient-view` service per pathway. The prefetch (FHIR R4) is mapped to facts through the
 * pathway's fact dictionary, evaluated with the version in effect today, recorded in the
 * audit log (channel `cds-hooks`) and answered with cards; the cards are remembered for
 * feedback (`POST /cds-services/:id/feedback`, see `cds-feedback.ts`).
 *
 * A request without the `patient` prefetch answers 412 Precondition Failed (the service
 * does not query the FHIR server itself). Other keys may be missing: the evaluation goes
 * on and a card says which data was not sent and which facts stay unknown.
 */
import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { evaluate } from '../evaluate/evaluate';
import { isPathwayError } from '../errors';
import { factsFromFhir } from '../fhir';
import { findVersion } from '../node/repository';
import { buildCards } from './cds-cards';
import { unpackPrefetch } from './cds-prefetch';
import { cdsRequestSchema, patientViewContextSchema, type CdsResponse } from './cds-schema';
import {
  CDS_HOOK,
  servicePathway,
  prefetchTemplates,
  servicesOf,
  type PrefetchKey,
} from './cds-services';
import { requestLanguage } from './cds-texts';
import type { ServiceContext } from './context';
import { registerCdsFeedback } from './cds-feedback';
import { fail, issuesOf } from './cds-http';

/** Largest request body accepted by the service endpoint (a prefetch can be large). */
export const CDS_BODY_LIMIT = 10 * 1024 * 1024;

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

async function serve(
  ctx: ServiceContext,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
): Promise<FastifyReply | CdsResponse> {
  const today = ctx.today();
  const repo = await ctx.repository();
  const pathwayId = servicePathway(repo, request.params.id);
  let loaded;
  try {
    if (pathwayId === undefined) throw new Error('unknown');
    loaded = findVersion(repo, pathwayId, { asOf: today });
  } catch {
    return fail(
      reply,
      404,
      'NOT_FOUND',
      `no CDS service ${JSON.stringify(request.params.id)} today (see GET /cds-services)`,
    );
  }

  const parsed = cdsRequestSchema.safeParse(request.body);
  if (!parsed.success) {
    return fail(reply, 400, 'BAD_REQUEST', 'not a CDS Hooks request', issuesOf(parsed.error));
  }
  const body = parsed.data;
  if (body.hook !== CDS_HOOK) {
    return fail(
      reply,
      400,
      'BAD_REQUEST',
      `this service answers the ${CDS_HOOK} hook, not ${body.hook}`,
      [{ code: 'BAD_REQUEST', message: `expected ${CDS_HOOK}`, path: 'hook' }],
    );
  }
  const context = patientViewContextSchema.safeParse(body.context);
  if (!context.success) {
    return fail(
      reply,
      400,
      'BAD_REQUEST',
      'the patient-view context needs userId and patientId',
      issuesOf(context.error, ['context']),
    );
  }
  const { patientId } = context.data;
  const prefetch = body.prefetch ?? {};
  const patient = prefetch['patient'];
  if (patient === undefined || patient === null) {
    return fail(
      reply,
      412,
      'PRECONDITION_FAILED',
      'the prefetch must contain the patient (Patient/{{context.patientId}}); this service does not query the FHIR server',
    );
  }
  if (typeof patient === 'object' && (patient as { id?: unknown }).id !== patientId) {
    return fail(
      reply,
      400,
      'BAD_REQUEST',
      `prefetch patient is not Patient/${patientId} from the context`,
      [
        {
          code: 'BAD_REQUEST',
          message: 'patient id differs from context.patientId',
          path: 'prefetch.patient.id',
        },
      ],
    );
  }

  const { pathway } = loaded;
  const language = requestLanguage(headerOf(request, 'accept-language'), body.extension);
  const keys = Object.keys(prefetchTemplates(pathway)) as PrefetchKey[];
  const unpacked = unpackPrefetch(prefetch, keys);
  const mapping = factsFromFhir(pathway, unpacked.resources, {
    asOf: today,
    patientId,
    completeTypes: unpacked.completeTypes,
  });
  const input = { facts: mapping.facts, asOf: today };
  const entry = {
    time: new Date().toISOString(),
    channel: 'cds-hooks' as const,
    pathwayId: pathway.id,
    version: pathway.version,
    contentHash: loaded.hash,
    asOf: today,
    language,
    input,
  };
  try {
    const result = await evaluate(ctx.compiled(loaded), input, { language, trace: false });
    const auditId = ctx.audit.record({
      ...entry,
      status: result.status,
      step: result.step.id,
      alerts: result.alerts.map((a) => a.id),
    });
    const cards = buildCards({
      pathway,
      result,
      mapping,
      prefetch: unpacked,
      language,
      uuid: randomUUID,
    });
    // Remembered so that feedback on a card can be read with its alert and pathway version.
    ctx.audit.recordCards(
      auditId,
      request.params.id,
      cards.flatMap(({ card, topic, subject }) =>
        card.uuid === undefined ? [] : [{ uuid: card.uuid, topic, subject }],
      ),
    );
    return { cards: cards.map((c) => c.card) };
  } catch (error) {
    const code = isPathwayError(error) ? error.code : 'INTERNAL';
    ctx.audit.record({ ...entry, status: 'error', step: null, alerts: [], errorCode: code });
    request.log.error({ err: error }, 'CDS Hooks evaluation failed');
    return fail(reply, 500, 'EVALUATION_FAILED', `evaluation failed (${code})`);
  }
}

/**
 * Registers the CDS Hooks discovery, service and feedback endpoints on `app`. They answer
 * cross-origin requests (CORS), because CDS clients that run in a browser — the CDS Hooks
 * sandbox, SMART apps — call them directly; the rest of the API stays same-origin.
 */
export function registerCdsHooks(app: FastifyInstance, ctx: ServiceContext): void {
  void app.register(async (scope) => {
    await scope.register(cors, {
      origin: '*',
      methods: ['GET', 'POST'],
      allowedHeaders: ['Content-Type', 'Authorization', 'Accept-Language'],
      maxAge: 86_400,
    });
    registerCdsFeedback(scope, ctx);
    scope.get('/cds-services', async () => ({
      services: servicesOf(await ctx.repository(), ctx.today()),
    }));
    scope.post<{ Params: { id: string } }>(
      '/cds-services/:id',
      { bodyLimit: CDS_BODY_LIMIT },
      (request, reply) => serve(ctx, request, reply),
    );
  });
}
