/**
 * Running the service: reads the environment (HOST, PORT, PATHWAYS_DIR, DATA_DIR,
 * PATHWAY_WRITE_TOKEN, LOG_LEVEL, and the timeouts and limits of `limits.ts`: HEADERS_TIMEOUT_MS,
 * BODY_TIMEOUT_MS, IDLE_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, CLIENT_CONCURRENCY, BATCH_SLICE_MS), listens, logs as JSON lines (pino), and shuts down gracefully on
 * SIGINT/SIGTERM: no new connections, requests in flight finish, then the audit log closes.
 */
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { limitsFromEnv, type ServiceLimits } from './limits';

/** Settings of a running service, from the environment or the command line. */
export interface ServerSettings {
  host: string;
  port: number;
  pathwaysDir: string;
  dataDir: string;
  editorDir?: string;
  writeToken?: string;
  /** Log as JSON lines (default true). */
  logger?: boolean | object;
  /** Timeouts and limits; unset ones keep the defaults of `limits.ts`. */
  limits?: Partial<ServiceLimits>;
}

/** Exit codes of `pathway serve`. */
export const EXIT_PORT_IN_USE = 2;

/**
 * Settings from environment variables, with the documented defaults. Throws
 * PathwayError BAD_REQUEST (one line) when a limit's variable is not a whole number.
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv, cwd: string): ServerSettings {
  const token = env.PATHWAY_WRITE_TOKEN;
  return {
    host: env.HOST ?? '127.0.0.1',
    port: env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT),
    pathwaysDir: resolve(cwd, env.PATHWAYS_DIR ?? 'pathways'),
    dataDir: resolve(cwd, env.DATA_DIR ?? 'data'),
    ...(env.EDITOR_DIR === undefined ? {} : { editorDir: resolve(cwd, env.EDITOR_DIR) }),
    ...(token === undefined || token === '' ? {} : { writeToken: token }),
    logger: { level: env.LOG_LEVEL ?? 'info' },
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

/** Builds the app and listens. Rejects with {@link PortInUseError} when the port is taken. */
export async function startServer(settings: ServerSettings): Promise<RunningServer> {
  if (!Number.isInteger(settings.port) || settings.port < 0 || settings.port > 65535)
    throw new Error(`PORT must be a port number (0–65535), got ${String(settings.port)}`);
  const app = await buildApp({
    pathwaysDir: settings.pathwaysDir,
    dataDir: settings.dataDir,
    ...(settings.editorDir === undefined ? {} : { editorDir: settings.editorDir }),
    ...(settings.writeToken === undefined ? {} : { writeToken: settings.writeToken }),
    logger: settings.logger ?? true,
    ...(settings.limits === undefined ? {} : { limits: settings.limits }),
  });
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
