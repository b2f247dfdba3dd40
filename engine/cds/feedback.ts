/**
 * CDS Hooks 2.0 feedback: `POST /cds-services/:id/feedback` takes what users did with the
 * cards this service sent (accepted, or overridden with a reason) and stores it with the
 * card's alert or step and the evaluation that produced it. Feedback on a card this service
 * never sent is refused (404 UNKNOWN_CARD naming `feedback[i].card`) and nothing is stored.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cdsError, issuesOf } from './errors';
import { cdsFeedbackSchema } from './schema';
import { servicePathway } from './services';
import type { ServiceContext } from '../http/context';

/** Largest feedback body: a thousand entries with comments fit easily. */
const FEEDBACK_BODY_LIMIT = 1024 * 1024;

async function receive(
  ctx: ServiceContext,
  request: FastifyRequest<{ Params: { id: string } }>,
): Promise<{ recorded: number }> {
  const serviceId = request.params.id;
  if (servicePathway(await ctx.repository(), serviceId) === undefined)
    throw cdsError('NOT_FOUND', `no CDS service ${JSON.stringify(serviceId)}`);
  const parsed = cdsFeedbackSchema.safeParse(request.body);
  if (!parsed.success)
    throw cdsError('BAD_REQUEST', 'not a CDS Hooks feedback request', issuesOf(parsed.error));
  const entries = parsed.data.feedback;
  const { unknownCards } = await ctx.audit.recordFeedback(
    serviceId,
    new Date().toISOString(),
    entries,
  );
  if (unknownCards.length > 0) {
    const unknown = new Set(unknownCards);
    throw cdsError(
      'UNKNOWN_CARD',
      `${unknownCards.length} card(s) were not sent by ${serviceId}; no feedback was stored`,
      entries.flatMap((e, i) =>
        unknown.has(e.card)
          ? [
              {
                code: 'UNKNOWN_CARD',
                message: `no card ${e.card} from this service`,
                path: `feedback.${i}.card`,
              },
            ]
          : [],
      ),
    );
  }
  return { recorded: entries.length };
}

/** Registers the feedback endpoint; `authenticate` runs before its body is read. */
export function registerCdsFeedback(
  app: FastifyInstance,
  ctx: ServiceContext,
  authenticate: (request: FastifyRequest<{ Params: { id: string } }>) => Promise<void>,
): void {
  app.post<{ Params: { id: string } }>(
    '/cds-services/:id/feedback',
    { bodyLimit: FEEDBACK_BODY_LIMIT, onRequest: authenticate },
    (request) => receive(ctx, request),
  );
}
