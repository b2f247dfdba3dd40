/**
 * `POST /api/pathways/:id/evaluate`: one patient, answered with exactly the result object
 * of `pathway evaluate --json`, through the evaluation service (docs/versions.md). The audit
 * id is in the `X-Audit-Id` header.
 */
import type { FastifyInstance } from 'fastify';
import { answer, bodyOf, paramsOf, queryOf, type RouteDeps } from '../http';
import {
  evaluateBodySchema,
  evaluateQuerySchema,
  evaluationResultSchema,
  idParamsSchema,
} from '../schemas';

/** Registers the single-patient evaluate route. */
export function registerEvaluateRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post('/api/pathways/:id/evaluate', async (request, reply) => {
    const { id } = paramsOf(idParamsSchema, request);
    const query = queryOf(evaluateQuerySchema, request);
    const { language, ...body } = bodyOf(evaluateBodySchema, request);
    const served = await deps.ctx.service.serve(id, body, {
      channel: 'rest',
      language: language ?? query.lang,
      trace: query.trace !== 'false',
    });
    void reply.header('x-audit-id', String(served.auditId));
    return answer(deps, evaluationResultSchema, served.result);
  });
}
