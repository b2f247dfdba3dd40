/**
 * The audit log over HTTP: `GET /api/audit` with filters and paging (`afterId`),
 * `GET /api/audit/:id`, and `GET /api/audit/feedback` (CDS Hooks feedback on the cards sent,
 * with each card's alert or step and pathway version). The log holds patient facts, so reading it needs the same rights
 * as writing (a loopback client, or the write token).
 */
import { HttpError } from '../errors';
import {
  auditListResponseSchema,
  auditParamsSchema,
  auditQuerySchema,
  auditRecordSchema,
  feedbackListResponseSchema,
  feedbackQuerySchema,
} from '../schemas';
import { AUDIT_DEFAULT_LIMIT } from '../../audit/log';
import { defineRoute, errorResponses } from '../route';

export const auditListRoute = defineRoute({
  method: 'get',
  path: '/api/audit',
  summary: 'Audit records, oldest first, filtered; page with afterId = nextAfterId',
  responses: {
    200: { description: 'records', name: 'AuditList', schema: auditListResponseSchema },
    ...errorResponses(400, 403),
  },
  guard: 'read the audit log',
  query: auditQuerySchema,
  async handler({ query: q, deps }) {
    const { audit } = deps.ctx;
    const limit = q.limit ?? AUDIT_DEFAULT_LIMIT;
    const records = await audit.query({
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
    return {
      records,
      nextAfterId: records.length === limit && last !== undefined ? last.id : null,
    };
  },
});

export const feedbackListRoute = defineRoute({
  method: 'get',
  path: '/api/audit/feedback',
  summary:
    "CDS Hooks feedback on the cards sent (accepted or overridden, with reason), with the card's alert or step and pathway version",
  responses: {
    200: { description: 'feedback', name: 'FeedbackList', schema: feedbackListResponseSchema },
    ...errorResponses(400, 403),
  },
  guard: 'read the audit log',
  query: feedbackQuerySchema,
  async handler({ query: q, deps }) {
    const { audit } = deps.ctx;
    const limit = q.limit ?? AUDIT_DEFAULT_LIMIT;
    const feedback = await audit.feedback({
      ...(q.pathway === undefined ? {} : { pathwayId: q.pathway }),
      ...(q.version === undefined ? {} : { version: q.version }),
      ...(q.outcome === undefined ? {} : { outcome: q.outcome }),
      ...(q.afterId === undefined ? {} : { afterId: q.afterId }),
      limit,
    });
    const last = feedback[feedback.length - 1];
    return {
      feedback,
      nextAfterId: feedback.length === limit && last !== undefined ? last.id : null,
    };
  },
});

export const auditRecordRoute = defineRoute({
  method: 'get',
  path: '/api/audit/:id',
  summary: 'One audit record',
  responses: {
    200: { description: 'the record', name: 'AuditRecord', schema: auditRecordSchema },
    ...errorResponses(400, 403, 404),
  },
  guard: 'read the audit log',
  params: auditParamsSchema,
  async handler({ params: { id }, deps }) {
    const { audit } = deps.ctx;
    const record = await audit.get(id);
    if (record === undefined) throw new HttpError('NOT_FOUND', `no audit record ${id}`);
    return record;
  },
});
