/**
 * `GET /api/health`: the service is up, the pathways folder loads, the audit log answers (within
 * {@link HEALTH_AUDIT_DEADLINE_MS}) and the data folder takes a write. A data disk that is full or read-only answers 503 naming
 * the folder and the reason: the next evaluation could not be recorded.
 */
import type { AuditLog } from '../../audit/types';
import { probeWritable } from '../../node/probe';
import { HttpError } from '../errors';
import { repositoryOf } from '../repo';
import { healthResponseSchema } from '../schemas';
import { defineRoute, errorResponses } from '../route';

/** How long health waits for the audit log before it answers 503. */
export const HEALTH_AUDIT_DEADLINE_MS = 2000;

/** Why the audit log does not answer a one-row read in time; undefined when it does. */
async function auditProblem(audit: AuditLog): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(
      () => resolve(`no answer within ${HEALTH_AUDIT_DEADLINE_MS} ms`),
      HEALTH_AUDIT_DEADLINE_MS,
    );
  });
  const read = audit.query({ limit: 1 }).then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoute = defineRoute({
  method: 'get',
  path: '/api/health',
  summary:
    'The service is up, the pathways load, the audit log answers and the data folder takes a write',
  responses: {
    200: { description: 'healthy', name: 'Health', schema: healthResponseSchema },
    ...errorResponses(500, 503),
  },
  async handler({ deps }) {
    const repo = await repositoryOf(deps.ctx);
    const silent = await auditProblem(deps.ctx.audit);
    if (silent !== undefined)
      throw new HttpError(
        'SERVICE_UNAVAILABLE',
        `the audit log does not answer, so evaluations cannot be audited: ${silent}`,
        [{ code: 'SERVICE_UNAVAILABLE', message: silent, path: 'audit' }],
      );
    if (deps.dataDir !== undefined) {
      const problem = await probeWritable(deps.dataDir);
      if (problem !== undefined)
        throw new HttpError(
          'SERVICE_UNAVAILABLE',
          `the data folder cannot be written, so evaluations cannot be audited: ${problem}`,
          [{ code: 'SERVICE_UNAVAILABLE', message: problem, path: 'dataDir' }],
        );
    }
    return {
      status: 'ok',
      pathways: repo.pathways.size,
      audit: 'ok',
      time: new Date().toISOString(),
    };
  },
});
