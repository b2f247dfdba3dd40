/**
 * `POST /api/pathways/:id/evaluate`: one patient, answered with exactly the result object
 * of `pathway evaluate --json`, through the evaluation service (docs/versions.md). The audit
 * id is in the `X-Audit-Id` header.
 */
import {
  evaluateBodySchema,
  evaluateQuerySchema,
  evaluationResultSchema,
  idParamsSchema,
} from '../schemas';
import { defineRoute, errorResponses } from '../route';

export const evaluateRoute = defineRoute({
  method: 'post',
  path: '/api/pathways/:id/evaluate',
  summary: 'Evaluate one patient (the result object of `pathway evaluate --json`)',
  description:
    '`asOf` defaults to today and picks the version in effect unless `version` is given. The audit record id is in the `X-Audit-Id` header.',
  responses: {
    200: { description: 'the result', name: 'EvaluationResult', schema: evaluationResultSchema },
    ...errorResponses(400, 404, 413, 422),
  },
  params: idParamsSchema,
  query: evaluateQuerySchema,
  body: { schema: evaluateBodySchema, name: 'EvaluateRequest' },
  async handler({ params: { id }, query, body: { language, ...body }, reply, deps }) {
    const served = await deps.ctx.service.serve(id, body, {
      channel: 'rest',
      language: language ?? query.lang,
      trace: query.trace !== 'false',
    });
    void reply.header('x-audit-id', String(served.auditId));
    return served.result;
  },
});
