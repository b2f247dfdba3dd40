/**
 * The HTTP service: fastify 5 with the REST API under `/api/`, the editor at `/` and CDS
 * Hooks. `buildApp` wires routes to a {@link ServiceContext} over a pathways folder; it does
 * not listen (see `server.ts`), so tests drive it with `app.inject`.
 */
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import { openAuditStore } from '../audit/open';
import { startRetention } from '../audit/retention';
import type { SqlStoreOptions } from '../store/open';
import { checkNesting } from '../model/nesting';
import { registerCdsHooks, type CdsSettings } from '../cds/hooks';
import type { Today } from '../service/today';
import { errorHandler } from './errors';
import { registerBodyTimeout, registerClientLimit, registerIdleClose } from './fairness';
import { isCleanBody, registerJsonBody } from './json-body';
import { resolveLimits, type ServiceLimits } from './limits';
import type { RouteDeps } from './deps';
import { registerRoutes } from './route';
import { API_ROUTES } from './routes/index';
import { resultsAccess } from './routes/results';
import { registerEditorRoutes } from './routes/editor';
import { healthRoute } from './routes/health';
import { createServiceContext, type LocalServiceContext } from './service-context';

/** Default limit of JSON bodies (and of one batch line): 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Options of {@link buildApp}. */
export interface AppOptions {
  /** The pathways folder. */
  pathwaysDir: string;
  /** Folder of the audit database (`<dataDir>/audit.sqlite`). Default `./data`. */
  dataDir?: string;
  /** The audit database file; overrides `dataDir`. `:memory:` for a throwaway log. */
  auditFile?: string;
  /** DATABASE_URL: keep the audit log in this PostgreSQL database instead of a SQLite file. */
  databaseUrl?: string;
  /** RESULTS_DATABASE: the results store (a SQLite file or a postgres:// URL) the results routes read. */
  resultsDatabase?: string;
  /** The audit store's pool size and timeouts (engine/store); the defaults suit a service. */
  auditStore?: SqlStoreOptions;
  /** Delete audit records older than this many days, at start and hourly. Default: keep all. */
  auditRetentionDays?: number;
  /** The built editor. Default `dist/editor`. */
  editorDir?: string;
  /** PATHWAY_WRITE_TOKEN: lets non-loopback clients write with `Authorization: Bearer <token>`. */
  writeToken?: string;
  /** The clock: today's date (YYYY-MM-DD) in a time zone; default the system clock. */
  today?: Today;
  /** fastify's logger option (pino). Default off. */
  logger?: boolean | object;
  /** Largest JSON body in bytes (and largest batch line). Default 1 MiB. */
  bodyLimit?: number;
  /** Check every answer against its response schema (for tests). Default false. */
  checkResponses?: boolean;
  /**
   * CDS Hooks settings (client authentication). Default: authentication on with no trusted
   * issuer, so every CDS service call is refused (docs/cds-hooks.md).
   */
  cds?: CdsSettings;
  /** Timeouts, the per-client concurrency limit and the batch's time slice; see `limits.ts` for defaults. */
  limits?: Partial<ServiceLimits>;
}

/** Builds the service (not yet listening). Close it with `app.close()`: that also closes the audit log. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const pathwaysDir = resolve(options.pathwaysDir);
  const auditFile = options.auditFile ?? join(resolve(options.dataDir ?? 'data'), 'audit.sqlite');
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const limits = resolveLimits(options.limits);
  const audit = await openAuditStore({
    databaseUrl: options.databaseUrl,
    file: auditFile,
    store: options.auditStore,
  });
  const ctx: LocalServiceContext = createServiceContext({
    pathwaysDir,
    audit,
    ...(options.today === undefined ? {} : { today: options.today }),
  });
  const fastifyOptions: FastifyHttpOptions<Server> = {
    logger: options.logger ?? false,
    bodyLimit,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Timeouts on idleness, never on a request's total time: a streamed batch may upload for
    // as long as it keeps sending. JSON bodies get a deadline of their own (registerBodyTimeout).
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: 0,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      // How often Node checks the headers deadline; by default only every 30 s.
      connectionsCheckingInterval: Math.max(10, Math.min(1000, limits.headersTimeoutMs / 4)),
    },
  };
  const app = Fastify(fastifyOptions);
  const deps: RouteDeps = {
    ctx,
    writeToken: options.writeToken === '' ? undefined : options.writeToken,
    checkResponses: options.checkResponses ?? false,
    bodyLimit,
    batchSliceMs: limits.batchSliceMs,
    routes: API_ROUTES,
    results: resultsAccess(options.resultsDatabase),
    ...(options.dataDir === undefined ? {} : { dataDir: resolve(options.dataDir) }),
  };
  const hide = (text: string): string => text.split(pathwaysDir).join('pathways');

  // Only JSON is read as a body (text/plain forms cannot reach the write routes), under the
  // same input rule as every other reader (json-body.ts).
  app.removeContentTypeParser('text/plain');
  registerJsonBody(app);
  // A parsed JSON body is checked for nesting depth before any route (CDS Hooks included)
  // looks at it: 10 000 levels would overflow the stack of the schemas, the audit log and the
  // error reply. A streamed body is not parsed here and is left to its route.
  app.addHook('preValidation', async (request) => {
    if (!isCleanBody(request.body)) checkNesting(request.body, 'the body');
  });

  app.setErrorHandler(errorHandler(hide));
  app.setNotFoundHandler((request, reply) => {
    const message = `no route ${request.method} ${request.url.split('?')[0] ?? ''}`;
    return reply.code(404).send({
      error: { code: 'ROUTE_NOT_FOUND', message, issues: [{ code: 'ROUTE_NOT_FOUND', message }] },
    });
  });
  // While closing, a keep-alive connection that finishes its last request is closed at
  // once instead of after its idle timeout, so shutdown ends when the work does.
  let idleSweep: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    idleSweep = setInterval(() => app.server.closeIdleConnections(), 100);
    idleSweep.unref();
  });
  const days = options.auditRetentionDays;
  const stopRetention =
    days === undefined
      ? undefined
      : startRetention(audit, {
          days,
          report: (outcome) => {
            if ('error' in outcome)
              app.log.error(
                { err: outcome.error },
                'audit retention failed; tried again in an hour',
              );
            else app.log.info(outcome, 'audit retention applied');
          },
        });
  app.addHook('onClose', async () => {
    if (idleSweep !== undefined) clearInterval(idleSweep);
    stopRetention?.();
    await ctx.close();
    await deps.results.close();
  });

  registerIdleClose(app);
  registerClientLimit(app, limits.clientConcurrency, new Set([healthRoute.path]));
  registerBodyTimeout(
    app,
    limits.bodyTimeoutMs,
    new Set(API_ROUTES.filter((route) => route.body?.stream !== undefined).map((r) => r.path)),
  );
  registerRoutes(app, deps);
  registerCdsHooks(app, ctx, options.cds ?? { auth: { mode: 'jwt', issuers: [], audience: '' } });
  await registerEditorRoutes(app, resolve(options.editorDir ?? join('dist', 'editor')));
  await app.ready();
  return app;
}
