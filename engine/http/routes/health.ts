/** `GET /api/health`: the service is up, the pathways folder loads and the audit log answers. */
import type { FastifyInstance } from 'fastify';
import { answer, type RouteDeps } from '../http';
import { repositoryOf } from '../repo';
import { healthResponseSchema } from '../schemas';

/** Registers the health route. */
export function registerHealthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/health', async () => {
    const repo = await repositoryOf(deps.ctx);
    deps.ctx.audit.query({ limit: 1 });
    return answer(deps, healthResponseSchema, {
      status: 'ok',
      pathways: repo.pathways.size,
      audit: 'ok',
      time: new Date().toISOString(),
    });
  });
}
