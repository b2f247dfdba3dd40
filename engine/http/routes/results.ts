/**
 * The results series over HTTP (read-only): `GET /api/pathways/:id/results` answers the
 * results report of the runs kept in the results store (small cells suppressed), and
 * `GET /api/pathways/:id/diff?from&to` the "what changed" page of a version break. The
 * service finds the store in RESULTS_DATABASE (a SQLite file or a `postgres://` URL); it is
 * opened on first use and closed with the service.
 */
import { z } from 'zod';
import { isoDate, languageSchema } from '../../model/schema';
import { whatChangedHtml } from '../../node/what-changed';
import { DEFAULT_MIN_CELL, resultsReport } from '../../results/index';
import { openResultsStore, type ResultsStore } from '../../results/store';
import { HttpError } from '../errors';
import { repositoryOf } from '../repo';
import { defineRoute, errorResponses } from '../route';
import { idParamsSchema, versionSchema } from '../schemas';

/** The results store of a service, opened once on first use. */
export interface ResultsAccess {
  /** The store, or NOT_FOUND when the service has none (RESULTS_DATABASE unset). */
  store(): Promise<ResultsStore>;
  close(): Promise<void>;
}

/** A lazy {@link ResultsAccess} over `target` (undefined: the service keeps no results). */
export function resultsAccess(target: string | undefined): ResultsAccess {
  let opening: Promise<ResultsStore> | undefined;
  return {
    store() {
      if (target === undefined || target === '')
        return Promise.reject(
          new HttpError(
            'NOT_FOUND',
            'this service has no results store (set RESULTS_DATABASE to a SQLite file or a postgres:// URL)',
          ),
        );
      // A store that failed to open is tried again on the next request.
      opening ??= openResultsStore(target, { create: false }).catch((error: unknown) => {
        opening = undefined;
        throw error;
      });
      return opening;
    },
    async close() {
      const store = await opening?.catch(() => undefined);
      await store?.close();
    },
  };
}

/** `GET /api/pathways/:id/results` parameters. */
export const resultsQuerySchema = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  lang: languageSchema.optional(),
  minCell: z.coerce.number().int().min(1).max(1000).optional(),
});

/** `GET /api/pathways/:id/diff` parameters. */
export const diffQuerySchema = z.strictObject({
  from: versionSchema,
  to: versionSchema,
  lang: languageSchema.optional(),
});

/** The results report (engine/results/types.ts; docs/results.md describes it). */
export const resultsReportSchema = z.looseObject({
  pathwayId: z.string(),
  lang: languageSchema,
  minCell: z.number().int().min(1),
  by: z.string().nullable(),
  runs: z.array(z.looseObject({ asOf: isoDate, version: z.string() })),
  versionBreaks: z.array(z.strictObject({ asOf: isoDate, from: z.string(), to: z.string() })),
  centres: z.array(z.string()),
  indicators: z.array(
    z.looseObject({ id: z.string(), label: z.string(), points: z.array(z.unknown()) }),
  ),
});

export const resultsRoute = defineRoute({
  method: 'get',
  path: '/api/pathways/:id/results',
  summary:
    'The runs of a pathway kept in the results store, as the results report: each indicator over time per centre, small cells suppressed, version breaks',
  responses: {
    200: { description: 'the report', name: 'ResultsReport', schema: resultsReportSchema },
    ...errorResponses(400, 404),
  },
  params: idParamsSchema,
  query: resultsQuerySchema,
  async handler({ params: { id }, query: q, deps }) {
    const store = await deps.results.store();
    const runs = await store.runs({
      pathwayId: id,
      ...(q.from === undefined ? {} : { from: q.from }),
      ...(q.to === undefined ? {} : { to: q.to }),
    });
    if (runs.length === 0) {
      const known = (await repositoryOf(deps.ctx)).pathways.has(id);
      const message = known
        ? `the results store has no runs of pathway ${id}${q.from !== undefined || q.to !== undefined ? ' in that date range' : ''}`
        : `no pathway '${id}' and no runs of it in the results store`;
      throw new HttpError(known ? 'NOT_FOUND' : 'UNKNOWN_PATHWAY', message, [
        { code: known ? 'NOT_FOUND' : 'UNKNOWN_PATHWAY', message, path: 'id', value: id },
      ]);
    }
    return resultsReport(runs, { minCell: q.minCell ?? DEFAULT_MIN_CELL, lang: q.lang ?? 'en' });
  },
});

export const diffRoute = defineRoute({
  method: 'get',
  path: '/api/pathways/:id/diff',
  summary:
    'What changed between two versions: the semantic diff as a small HTML page (the link target of a version break)',
  responses: {
    200: { description: 'the page', contentType: 'text/html' },
    ...errorResponses(400, 404),
  },
  params: idParamsSchema,
  query: diffQuerySchema,
  async handler({ params: { id }, query: q, deps, reply }) {
    const repo = await repositoryOf(deps.ctx);
    const page = whatChangedHtml(repo, { pathwayId: id, from: q.from, to: q.to }, q.lang ?? 'en');
    return reply.type('text/html; charset=utf-8').send(page);
  },
});
