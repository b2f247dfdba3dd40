/** `GET /api/health`: the service is up, the pathways folder loads and the audit log answers. */
import { repositoryOf } from '../repo';
import { healthResponseSchema } from '../schemas';
import { defineRoute, errorResponses } from '../route';

export const healthRoute = defineRoute({
  method: 'get',
  path: '/api/health',
  summary: 'The service is up, the pathways load and the audit log answers',
  responses: {
    200: { description: 'healthy', name: 'Health', schema: healthResponseSchema },
    ...errorResponses(500),
  },
  async handler({ deps }) {
    const repo = await repositoryOf(deps.ctx);
    deps.ctx.audit.query({ limit: 1 });
    return {
      status: 'ok',
      pathways: repo.pathways.size,
      audit: 'ok',
      time: new Date().toISOString(),
    };
  },
});
