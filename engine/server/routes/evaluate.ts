/**
 * `POST /api/pathways/:id/evaluate`: one patient, answered with exactly the result object
 * of `pathway evaluate --json`. The audit id is in the `X-Audit-Id` header.
 */
import type { FastifyInstance } from 'fastify';
import { serveEvaluation } from '../evaluation';
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
    const body = bodyOf(evaluateBodySchema, request);
    const served = await serveEvaluation(deps.ctx, {
      pathwayId: id,
      body,
      channel: 'rest',
      language: query.lang,
      trace: query.trace !== 'false',
    });
    void reply.header('x-audit-id', String(served.auditId));
    return answer(deps, evaluationResultSchema, served.result);
  });
}
