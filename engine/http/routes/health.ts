/**
 * `GET /api/health`: the service is up, the pathways folder loads, the audit log answers and
 * the data folder takes a write. A data disk that is full or read-only answers 503 naming
 * the folder and the reason: the next evaluation could not be recorded.
 */
import { probeWritable } from '../../node/probe';
import { HttpError } from '../errors';
import { repositoryOf } from '../repo';
import { healthResponseSchema } from '../schemas';
import { defineRoute, errorResponses } from '../route';

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
    deps.ctx.audit.query({ limit: 1 });
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
