/**
 * One evaluation as the service serves it (REST, batch, replay): pick the version, use the
 * cached compiled form, evaluate exactly as `pathway evaluate --json` does, and record the
 * outcome in the audit log.
 */
import type { CompiledPathway } from '../evaluate/compile';
import { evaluate } from '../evaluate/evaluate';
import type { EvaluationResult } from '../evaluate/result';
import { PathwayError } from '../errors';
import type { Language } from '../model/types';
import { findVersion, type LoadedVersion } from '../node/repository';
import type { AuditChannel, ServiceContext } from './context';
import { HttpError } from './errors';
import { repositoryOf } from './repo';
import type { EvaluateBody } from './schemas';

/** How a request asks to be evaluated. */
export interface EvaluationRequest {
  pathwayId: string;
  body: EvaluateBody;
  channel: AuditChannel;
  /** From `?lang=`; the body's `language` wins. Default English. */
  language?: Language | undefined;
  trace?: boolean;
}

/** The result with the audit id it was recorded under. */
export interface ServedEvaluation {
  result: EvaluationResult;
  auditId: number;
  version: LoadedVersion;
}

/** The compiled form of a version, or 422 PATHWAY_NOT_EVALUABLE for a draft that cannot run. */
export function compiledOf(ctx: ServiceContext, version: LoadedVersion): CompiledPathway {
  try {
    return ctx.compiled(version);
  } catch (error) {
    if (error instanceof PathwayError)
      throw new HttpError(
        422,
        'PATHWAY_NOT_EVALUABLE',
        `${version.key} cannot be evaluated: ${error.message}`,
        error.issues.map((i) => ({
          code: i.code,
          message: i.message,
          ...(i.path === undefined ? {} : { path: i.path }),
        })),
      );
    throw error;
  }
}

/** Records an entry; a log that cannot record means the evaluation is not served (503). */
function record(
  ctx: ServiceContext,
  entry: Parameters<ServiceContext['audit']['record']>[0],
): number {
  try {
    return ctx.audit.record(entry);
  } catch (error) {
    throw new HttpError(
      503,
      'SERVICE_UNAVAILABLE',
      `the audit log could not record this evaluation, so it is not served: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Evaluates one patient and records it. Bad input rejects with the engine's
 * {@link PathwayError} (recorded as status `error` once the version is known).
 */
export async function serveEvaluation(
  ctx: ServiceContext,
  request: EvaluationRequest,
): Promise<ServedEvaluation> {
  const { body } = request;
  const asOf = body.asOf ?? ctx.today();
  const language: Language = body.language ?? request.language ?? 'en';
  const version = findVersion(await repositoryOf(ctx), request.pathwayId, {
    version: body.version,
    asOf,
  });
  const compiled = compiledOf(ctx, version);
  const input = {
    ...(body.currentStep === undefined ? {} : { currentStep: body.currentStep }),
    facts: body.facts,
    asOf,
  };
  const base = {
    time: new Date().toISOString(),
    channel: request.channel,
    pathwayId: version.pathway.id,
    version: version.pathway.version,
    contentHash: version.hash,
    asOf,
    language,
    input,
  };
  let result: EvaluationResult;
  try {
    result = await evaluate(compiled, input, { language, trace: request.trace ?? true });
  } catch (error) {
    if (error instanceof PathwayError)
      record(ctx, { ...base, status: 'error', step: null, alerts: [], errorCode: error.code });
    throw error;
  }
  const auditId = record(ctx, {
    ...base,
    status: result.status,
    step: result.step.id,
    alerts: result.alerts.map((a) => a.id),
  });
  return { result, auditId, version };
}
