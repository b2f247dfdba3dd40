/**
 * The audit log over HTTP: `GET /api/audit` with filters and paging (`afterId`),
 * `GET /api/audit/:id`, and `GET /api/audit/feedback` (CDS Hooks feedback on the cards sent,
 * with each card's alert or step and pathway version). The log holds patient facts, so reading it needs the same rights
 * as writing (a loopback client, or the write token).
 */
import type { FastifyInstance } from 'fastify';
import { requireWriteAccess } from '../auth';
import { HttpError } from '../errors';
import { answer, paramsOf, queryOf, type RouteDeps } from '../http';
import {
  auditListResponseSchema,
  auditParamsSchema,
  auditQuerySchema,
  auditRecordSchema,
  feedbackListResponseSchema,
  feedbackQuerySchema,
} from '../schemas';
import { AUDIT_DEFAULT_LIMIT } from '../../audit/log';

/** Registers the audit routes. */
export function registerAuditRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { audit } = deps.ctx;

  app.get('/api/audit', async (request) => {
    requireWriteAccess(request, deps.writeToken, 'read the audit log');
    const q = queryOf(auditQuerySchema, request);
    const limit = q.limit ?? AUDIT_DEFAULT_LIMIT;
    const records = audit.query({
      ...(q.pathway === undefined ? {} : { pathwayId: q.pathway }),
      ...(q.version === undefined ? {} : { version: q.version }),
      ...(q.channel === undefined ? {} : { channel: q.channel }),
      ...(q.step === undefined ? {} : { step: q.step }),
      ...(q.status === undefined ? {} : { status: q.status }),
      ...(q.from === undefined ? {} : { from: q.from }),
      ...(q.to === undefined ? {} : { to: q.to }),
      ...(q.afterId === undefined ? {} : { afterId: q.afterId }),
      limit,
    });
    const last = records[records.length - 1];
    return answer(deps, auditListResponseSchema, {
      records,
      nextAfterId: records.length === limit && last !== undefined ? last.id : null,
    });
  });

  app.get('/api/audit/feedback', async (request) => {
    requireWriteAccess(request, deps.writeToken, 'read the audit log');
    const q = queryOf(feedbackQuerySchema, request);
    const limit = q.limit ?? AUDIT_DEFAULT_LIMIT;
    const feedback = audit.feedback({
      ...(q.pathway === undefined ? {} : { pathwayId: q.pathway }),
      ...(q.version === undefined ? {} : { version: q.version }),
      ...(q.outcome === undefined ? {} : { outcome: q.outcome }),
      ...(q.afterId === undefined ? {} : { afterId: q.afterId }),
      limit,
    });
    const last = feedback[feedback.length - 1];
    return answer(deps, feedbackListResponseSchema, {
      feedback,
      nextAfterId: feedback.length === limit && last !== undefined ? last.id : null,
    });
  });

  app.get('/api/audit/:id', async (request) => {
    requireWriteAccess(request, deps.writeToken, 'read the audit log');
    const { id } = paramsOf(auditParamsSchema, request);
    const record = audit.get(id);
    if (record === undefined) throw new HttpError('NOT_FOUND', `no audit record ${id}`);
    return answer(deps, auditRecordSchema, record);
  });
}
