/**
 * Running the service: reads the environment (every variable is in the table of
 * `service-env.ts`, which `pathway serve --help` prints), listens, logs as JSON lines (pino),
 * and shuts down gracefully on SIGINT/SIGTERM: no new connections, requests in flight
 * finish, then the audit log closes.
 */
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { retentionDaysFromEnv } from '../audit/retention';
import { buildApp } from './app';
import type { CdsSettings } from '../cds/hooks';
import { cdsAuthFromEnv } from '../cds/config';
import { limitsFromEnv, type ServiceLimits } from './limits';
import { envValue } from './service-env';
import { storeOptionsFromEnv } from '../store/env';
import { isPostgresUrl } from '../store/open';
import type { PostgresStoreOptions } from '../store/postgres';

/** Settings of a running service, from the environment or the command line. */
export interface ServerSettings {
  host: string;
  port: number;
  pathwaysDir: string;
  dataDir: string;
  editorDir?: string;
  writeToken?: string;
  /** DATABASE_URL: the audit log in PostgreSQL instead of `<dataDir>/audit.sqlite`. */
  databaseUrl?: string;
  /** RESULTS_DATABASE: the results store read by `GET /api/pathways/{id}/results`. */
  resultsDatabase?: string;
  /** AUDIT_RETENTION_DAYS: delete audit records older than this; unset keeps everything. */
  auditRetentionDays?: number;
  /** DATABASE_POOL_SIZE, DATABASE_CONNECT_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS. */
  auditStore?: PostgresStoreOptions;
  /** CDS Hooks client authentication (CDS_AUTH, CDS_ISSUERS, CDS_AUDIENCE). */
  cds?: CdsSettings;
  /** Log as JSON lines (default true). */
  logger?: boolean | object;
  /** Timeouts and limits; unset ones keep the defaults of `limits.ts`. */
  limits?: Partial<ServiceLimits>;
}

/** `{ [key]: value }`, or nothing when the value is undefined (exactOptionalPropertyTypes). */
function optional<K extends string, T>(key: K, value: T | undefined): Partial<Record<K, T>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, T>);
}

/** Exit codes of `pathway serve`. */
export const EXIT_PORT_IN_USE = 2;

/**
 * Settings from environment variables, with the documented defaults. Throws
 * PathwayError BAD_REQUEST (one line) when a limit's variable is not a whole number.
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv, cwd: string): ServerSettings {
  const read = (name: Parameters<typeof envValue>[1]): string | undefined => envValue(env, name);
  const token = read('PATHWAY_WRITE_TOKEN');
  const port = read('PORT');
  const databaseUrl = read('DATABASE_URL');
  const editorDir = read('EDITOR_DIR');
  const resultsDatabase = read('RESULTS_DATABASE');
  return {
    host: read('HOST') ?? '127.0.0.1',
    port: port === undefined || port === '' ? 8080 : Number(port),
    pathwaysDir: resolve(cwd, read('PATHWAYS_DIR') ?? 'pathways'),
    dataDir: resolve(cwd, read('DATA_DIR') ?? 'data'),
    ...(databaseUrl === undefined || databaseUrl === '' ? {} : { databaseUrl }),
    ...optional('auditRetentionDays', retentionDaysFromEnv(read('AUDIT_RETENTION_DAYS'))),
    // A SQLite path is taken from where the service starts; a URL as it is.
    ...(resultsDatabase === undefined || resultsDatabase === ''
      ? {}
      : {
          resultsDatabase: isPostgresUrl(resultsDatabase)
            ? resultsDatabase
            : resolve(cwd, resultsDatabase),
        }),
    auditStore: storeOptionsFromEnv(env),
    ...(editorDir === undefined ? {} : { editorDir: resolve(cwd, editorDir) }),
    ...(token === undefined || token === '' ? {} : { writeToken: token }),
    logger: { level: read('LOG_LEVEL') ?? 'info' },
    cds: { auth: cdsAuthFromEnv(env) },
    limits: limitsFromEnv(env),
  };
}

/** A started service. */
export interface RunningServer {
  app: FastifyInstance;
  /** `http://host:port` actually bound. */
  url: string;
  /** Stops accepting, lets requests in flight finish, closes the audit log. */
  close(): Promise<void>;
}

/** Thrown when the port is taken; `message` is the one line to show. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/i;

/** A service reachable from other machines with nothing guarding it says so at start. */
function warnIfOpen(app: FastifyInstance, settings: ServerSettings): void {
  if (LOOPBACK.test(settings.host)) return;
  const cdsOpen = settings.cds?.auth.mode === 'off';
  if (settings.writeToken === undefined || cdsOpen)
    app.log.warn(
      `listening on ${settings.host}, reachable from other machines, ` +
        [
          settings.writeToken === undefined ? 'without PATHWAY_WRITE_TOKEN' : '',
          cdsOpen ? 'with CDS Hooks authentication off (CDS_AUTH=off)' : '',
        ]
          .filter((part) => part !== '')
          .join(' and ') +
        ': put it behind a proxy or set them',
    );
}

/** Builds the app and listens. Rejects with {@link PortInUseError} when the port is taken. */
export async function startServer(settings: ServerSettings): Promise<RunningServer> {
  if (!Number.isInteger(settings.port) || settings.port < 0 || settings.port > 65535)
    throw new Error(`PORT must be a port number (0–65535), got ${String(settings.port)}`);
  const app = await buildApp({
    pathwaysDir: settings.pathwaysDir,
    dataDir: settings.dataDir,
    ...(settings.editorDir === undefined ? {} : { editorDir: settings.editorDir }),
    ...(settings.writeToken === undefined ? {} : { writeToken: settings.writeToken }),
    ...optional('databaseUrl', settings.databaseUrl),
    ...optional('auditRetentionDays', settings.auditRetentionDays),
    ...optional('resultsDatabase', settings.resultsDatabase),
    ...optional('auditStore', settings.auditStore),
    logger: settings.logger ?? true,
    ...(settings.cds === undefined ? {} : { cds: settings.cds }),
    ...(settings.limits === undefined ? {} : { limits: settings.limits }),
  });
  warnIfOpen(app, settings);
  let url: string;
  try {
    url = await app.listen({ host: settings.host, port: settings.port });
  } catch (error) {
    await app.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new PortInUseError(
        `port ${settings.port} on ${settings.host} is already in use: stop the other process or set PORT to a free port`,
      );
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    app,
    url,
    close() {
      closing ??= app.close();
      return closing;
    },
  };
}

/**
 * Closes the server on the first SIGINT or SIGTERM (a second one exits at once); after
 * `graceMs` connections still open are cut. Resolves when closed.
 */
export function closeOnSignals(server: RunningServer, graceMs = 10_000): Promise<string> {
  return new Promise((resolveClosed) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      const again = (): void => process.exit(130);
      process.once('SIGINT', again);
      process.once('SIGTERM', again);
      server.app.log.info({ signal }, 'shutting down: finishing requests in flight');
      const timer = setTimeout(() => {
        server.app.log.warn(
          'requests still open after the grace period: closing their connections',
        );
        server.app.server.closeAllConnections();
      }, graceMs);
      timer.unref();
      void server.close().then(() => {
        clearTimeout(timer);
        process.off('SIGINT', again);
        process.off('SIGTERM', again);
        server.app.log.info('stopped');
        resolveClosed(signal);
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
