/**
 * CDS Hooks 2.0: `GET /cds-services` (discovery) and `POST /cds-services/:id`, one
 * `patient-view` service per pathway. The prefetch (FHIR R4) is mapped to facts through the
 * pathway's fact dictionary, evaluated through the evaluation service with the version in
 * effect today, recorded by its one audit call (channel `cds-hooks`) and answered with cards; the cards are remembered for
 * feedback (`POST /cds-services/:id/feedback`, see `cds-feedback.ts`).
 *
 * Keys the prefetch lacks are fetched from the request's `fhirServer` with its
 * `fhirAuthorization` when both are given (fetch.ts). A request still without the `patient`
 * answers 412 Precondition Failed. Other keys may be missing: the evaluation goes on and a
 * card says which data was not sent and which facts stay unknown.
 */
import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isPathwayError } from '../errors';
import { factsFromFhir } from '../fhir';
import { buildCards, type TopicCard } from './cards';
import type { EvaluationResult } from '../evaluate/result';
import type { CardsSent } from '../service/audit';
import { unpackPrefetch } from './prefetch';
import { parseCdsRequest, parsePatientViewContext } from './request-check';
import type { CdsResponse } from './schema';
import {
  CDS_HOOK,
  servicePathway,
  prefetchTemplates,
  servicesOf,
  type PrefetchKey,
} from './services';
import { requestLanguage } from './texts';
import type { ServiceContext } from '../http/context';
import { registerCdsFeedback } from './feedback';
import { cdsError, issuesOf } from './errors';
import { errorHandler } from '../http/errors';
import { createCdsAuthenticator, type CdsAuthSettings } from './auth';
import { DEFAULT_FHIR_FETCH_LIMITS, fetchMissing, type FhirFetchLimits } from './fetch';

/** How the CDS endpoints are run: client authentication and FHIR fetch limits. */
export interface CdsSettings {
  /** Authentication of CDS clients (docs/cds-hooks.md, "Authentication"). */
  auth: CdsAuthSettings;
  /** Limits of fetching what the prefetch did not bring (default DEFAULT_FHIR_FETCH_LIMITS). */
  fhirFetch?: Partial<FhirFetchLimits>;
}

/**
 * The prefetch, with the service's templates it lacks fetched from the request's FHIR server
 * when the request gives `fhirServer` and `fhirAuthorization` (fetch.ts); as sent otherwise.
 */
async function completePrefetch(
  request: FastifyRequest,
  body: {
    fhirServer?: string | undefined;
    fhirAuthorization?: { access_token: string } | undefined;
  },
  prefetch: Record<string, unknown>,
  templates: Partial<Record<PrefetchKey, string>>,
  patientId: string,
  limits: FhirFetchLimits,
): Promise<Record<string, unknown>> {
  const missing = Object.fromEntries(
    Object.entries(templates).filter(([key]) => !Object.hasOwn(prefetch, key)),
  );
  if (body.fhirServer === undefined || body.fhirAuthorization === undefined) return prefetch;
  if (Object.keys(missing).length === 0) return prefetch;
  const { fetched, failed } = await fetchMissing(
    {
      fhirServer: body.fhirServer,
      accessToken: body.fhirAuthorization.access_token,
      templates: missing,
      patientId,
    },
    limits,
  );
  if (failed.length > 0) request.log.warn({ failed }, 'prefetch keys could not be fetched');
  return { ...prefetch, ...fetched };
}

/** Largest request body accepted by the service endpoint (a prefetch can be large). */
export const CDS_BODY_LIMIT = 10 * 1024 * 1024;

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

async function serve(
  ctx: ServiceContext,
  request: FastifyRequest<{ Params: { id: string } }>,
  limits: FhirFetchLimits,
): Promise<CdsResponse> {
  const repo = await ctx.repository();
  const pathwayId = servicePathway(repo, request.params.id);
  let chosen;
  try {
    if (pathwayId === undefined) throw new Error('unknown');
    // The version in effect today (docs/versions.md): a CDS request names no version or date.
    chosen = await ctx.service.choose(pathwayId, {});
  } catch {
    throw cdsError(
      'NOT_FOUND',
      `no CDS service ${JSON.stringify(request.params.id)} today (see GET /cds-services)`,
    );
  }

  const parsed = parseCdsRequest(request.body);
  if (!parsed.success) {
    throw cdsError('BAD_REQUEST', 'not a CDS Hooks request', issuesOf(parsed.error));
  }
  const body = parsed.data;
  if (body.hook !== CDS_HOOK) {
    throw cdsError('BAD_REQUEST', `this service answers the ${CDS_HOOK} hook, not ${body.hook}`, [
      { code: 'BAD_REQUEST', message: `expected ${CDS_HOOK}`, path: 'hook' },
    ]);
  }
  const context = parsePatientViewContext(body.context);
  if (!context.success) {
    throw cdsError(
      'BAD_REQUEST',
      'the patient-view context needs userId and patientId',
      issuesOf(context.error, ['context']),
    );
  }
  const { patientId } = context.data;
  const prefetch = await completePrefetch(
    request,
    body,
    body.prefetch ?? {},
    prefetchTemplates(chosen.version.pathway),
    patientId,
    limits,
  );
  const patient = prefetch['patient'];
  if (patient === undefined || patient === null) {
    throw cdsError(
      'PRECONDITION_FAILED',
      'the prefetch must contain the patient (Patient/{{context.patientId}}), or the request fhirServer and fhirAuthorization to fetch it with',
    );
  }
  if (typeof patient === 'object' && (patient as { id?: unknown }).id !== patientId) {
    throw cdsError('BAD_REQUEST', `prefetch patient is not Patient/${patientId} from the context`, [
      {
        code: 'BAD_REQUEST',
        message: 'patient id differs from context.patientId',
        path: 'prefetch.patient.id',
      },
    ]);
  }

  const { pathway } = chosen.version;
  const language = requestLanguage(headerOf(request, 'accept-language'), body.extension);
  const keys = Object.keys(prefetchTemplates(pathway)) as PrefetchKey[];
  const unpacked = unpackPrefetch(prefetch, keys);
  const mapping = factsFromFhir(pathway, unpacked.resources, {
    asOf: chosen.asOf,
    patientId,
    completeTypes: unpacked.completeTypes,
    lists: unpacked.lists,
    medicationCodes: await ctx.medicationCodes(),
  });
  // The cards are built from the result before it is recorded, and remembered with it in the
  // same transaction, so that feedback on a card can be read with its alert and pathway version.
  let cards: TopicCard[] | undefined;
  let cardsFailure: unknown;
  const cardsOf = (result: EvaluationResult): CardsSent | undefined => {
    try {
      cards = buildCards({
        pathway,
        result,
        mapping,
        prefetch: unpacked,
        language,
        uuid: randomUUID,
      });
    } catch (error) {
      // Recorded without cards: the evaluation is on the record (its one audit row).
      cardsFailure = error;
      return undefined;
    }
    return {
      serviceId: request.params.id,
      cards: cards.flatMap(({ card, topic, subject }) =>
        card.uuid === undefined ? [] : [{ uuid: card.uuid, topic, subject }],
      ),
    };
  };
  try {
    // The one evaluation and audit call every entrance makes (channel cds-hooks).
    await ctx.service.evaluate(
      chosen,
      { facts: mapping.facts, asOf: chosen.asOf },
      {
        channel: 'cds-hooks',
        language,
        trace: false,
        cdsCall: { hookInstance: body.hookInstance, patientId, userId: context.data.userId },
        cardsOf,
      },
    );
  } catch (error) {
    // An audit log that cannot record answers 503, as it does on every route.
    if (isPathwayError(error) && error.code === 'SERVICE_UNAVAILABLE') throw error;
    const code = isPathwayError(error) ? error.code : 'INTERNAL';
    request.log.error({ err: error }, 'CDS Hooks evaluation failed');
    throw cdsError('EVALUATION_FAILED', `evaluation failed (${code})`);
  }
  if (cards === undefined) {
    // The answer is a typed error, never a raw RangeError, and nothing is evaluated or
    // recorded again.
    request.log.error({ err: cardsFailure }, 'CDS Hooks cards could not be built');
    throw cdsError('EVALUATION_FAILED', 'the cards could not be built (INTERNAL)');
  }
  return { cards: cards.map((c) => c.card) };
}

/**
 * Registers the CDS Hooks discovery, service and feedback endpoints on `app`. They answer
 * cross-origin requests (CORS), because CDS clients that run in a browser — the CDS Hooks
 * sandbox, SMART apps — call them directly; the rest of the API stays same-origin.
 */
export function registerCdsHooks(
  app: FastifyInstance,
  ctx: ServiceContext,
  settings: CdsSettings,
): void {
  const authenticator = createCdsAuthenticator(settings.auth);
  const limits = { ...DEFAULT_FHIR_FETCH_LIMITS, ...settings.fhirFetch };
  if (settings.auth.mode === 'off')
    app.log.warn(
      'CDS_AUTH=off: CDS Hooks calls are NOT authenticated; any client can call the services and send feedback (development only)',
    );
  else if (settings.auth.issuers.length === 0)
    app.log.warn(
      'no CDS_ISSUERS configured: every CDS Hooks service and feedback call will be refused (401)',
    );
  // Checked before the body is read, so an unauthenticated caller cannot make it parse 10 MiB.
  const authenticate = async (
    request: FastifyRequest<{ Params: { id: string } }>,
  ): Promise<void> => {
    const { id } = request.params;
    const feedback = request.routeOptions.url?.endsWith('/feedback') === true;
    const endpoint = feedback ? `${id}/feedback` : id;
    await authenticator.verify(request.headers.authorization, endpoint);
  };
  void app.register(async (scope) => {
    // CDS errors answer from the one catalogue, with the service's handler, wherever the
    // endpoints are mounted.
    scope.setErrorHandler(errorHandler((text) => text.split(ctx.pathwaysDir).join('pathways')));
    await scope.register(cors, {
      origin: '*',
      methods: ['GET', 'POST'],
      allowedHeaders: ['Content-Type', 'Authorization', 'Accept-Language'],
      maxAge: 86_400,
    });
    registerCdsFeedback(scope, ctx, authenticate);
    scope.get('/cds-services', async () => ({
      services: servicesOf(await ctx.repository(), ctx.today),
    }));
    scope.post<{ Params: { id: string } }>(
      '/cds-services/:id',
      { bodyLimit: CDS_BODY_LIMIT, onRequest: authenticate },
      (request) => serve(ctx, request, limits),
    );
  });
}
