/**
 * The HTTP service: fastify 5 with the REST API under `/api/`, the editor at `/` and CDS
 * Hooks. `buildApp` wires routes to a {@link ServiceContext} over a pathways folder; it does
 * not listen (see `server.ts`), so tests drive it with `app.inject`.
 */
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { openAuditLog } from '../audit/log';
import { registerCdsHooks } from '../cds/hooks';
import type { Today } from '../service/today';
import { errorHandler } from './errors';
import type { RouteDeps } from './deps';
import { registerRoutes } from './route';
import { API_ROUTES } from './routes/index';
import { registerEditorRoutes } from './routes/editor';
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
}

/** Builds the service (not yet listening). Close it with `app.close()`: that also closes the audit log. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const pathwaysDir = resolve(options.pathwaysDir);
  const auditFile = options.auditFile ?? join(resolve(options.dataDir ?? 'data'), 'audit.sqlite');
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const audit = openAuditLog(auditFile);
  const ctx: LocalServiceContext = createServiceContext({
    pathwaysDir,
    audit,
    ...(options.today === undefined ? {} : { today: options.today }),
  });
  const fastifyOptions: FastifyServerOptions = {
    logger: options.logger ?? false,
    bodyLimit,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  };
  const app = Fastify(fastifyOptions);
  const deps: RouteDeps = {
    ctx,
    writeToken: options.writeToken === '' ? undefined : options.writeToken,
    checkResponses: options.checkResponses ?? false,
    bodyLimit,
    routes: API_ROUTES,
    ...(options.dataDir === undefined ? {} : { dataDir: resolve(options.dataDir) }),
  };
  const hide = (text: string): string => text.split(pathwaysDir).join('pathways');

  // Only JSON is read as a body (text/plain forms cannot reach the write routes).
  app.removeContentTypeParser('text/plain');

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
  app.addHook('onClose', async () => {
    if (idleSweep !== undefined) clearInterval(idleSweep);
    ctx.close();
  });

  registerRoutes(app, deps);
  registerCdsHooks(app, ctx);
  await registerEditorRoutes(app, resolve(options.editorDir ?? join('dist', 'editor')));
  await app.ready();
  return app;
}
