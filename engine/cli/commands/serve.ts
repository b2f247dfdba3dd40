/**
 * `pathway serve`: runs the HTTP service (what `npm start` runs). Settings come from the
 * environment (HOST, PORT, PATHWAYS_DIR, DATA_DIR, PATHWAY_WRITE_TOKEN, RESULTS_DATABASE) and can be
 * overridden by options. Returns when the service was stopped by SIGINT or SIGTERM.
 */
import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { PathwayError } from '../../errors';
import { removeOrphanTemps } from '../../node/orphans';
import type { CommandFactory } from '../main';
import { EXIT_OK, type Io } from '../io';

interface ServeFlags {
  host?: string;
  port?: number;
  pathways?: string;
  dataDir?: string;
  editorDir?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new InvalidArgumentError('expected a port number');
  return port;
}

/** The log levels pino knows. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function badSetting(name: string, value: string, expected: string): PathwayError {
  return new PathwayError(
    'INVALID_PARAM',
    `${name}=${JSON.stringify(value)}: expected ${expected}`,
    [
      {
        code: 'INVALID_PARAM',
        message: `${JSON.stringify(value)}: expected ${expected}`,
        path: name,
        value,
      },
    ],
  );
}

/**
 * Checks the environment before anything starts, so a typo in PORT or LOG_LEVEL is one line
 * naming the variable, not a stack trace from deep inside the server or the logger.
 */
export function checkEnvironment(env: NodeJS.ProcessEnv): void {
  const port = env.PORT;
  if (port !== undefined && port !== '' && (!/^\d{1,5}$/.test(port) || Number(port) > 65535))
    throw badSetting('PORT', port, 'a port number 0–65535');
  const level = env.LOG_LEVEL;
  if (level !== undefined && !LOG_LEVELS.includes(level))
    throw badSetting('LOG_LEVEL', level, LOG_LEVELS.join(', '));
  const host = env.HOST;
  if (host !== undefined && (host.trim() === '' || /\s/.test(host)))
    throw badSetting('HOST', host, 'a host name or address to listen on');
  for (const name of ['DATA_DIR', 'PATHWAYS_DIR'] as const) {
    const value = env[name];
    if (value?.trim() === '') throw badSetting(name, value, 'a folder');
  }
}

/** The data folder must be a folder we can create; said before the audit log opens it. */
async function checkDataDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'EEXIST' ||
      (error as NodeJS.ErrnoException).code === 'ENOTDIR'
        ? 'it is a file, not a folder'
        : (error as Error).message;
    throw new PathwayError('INVALID_PARAM', `data folder ${dir} cannot be used: ${reason}`, [
      { code: 'INVALID_PARAM', message: `${dir}: ${reason}`, path: 'DATA_DIR', value: dir },
    ]);
  }
}

async function run(io: Io, flags: ServeFlags): Promise<number> {
  checkEnvironment(process.env);
  // Loaded on demand, so other commands do not pay for fastify and SQLite at start-up.
  const { closeOnSignals, EXIT_PORT_IN_USE, PortInUseError, settingsFromEnv, startServer } =
    await import('../../http/server');
  const env = settingsFromEnv(process.env, io.cwd);
  const settings = {
    ...env,
    ...(flags.host === undefined ? {} : { host: flags.host }),
    ...(flags.port === undefined ? {} : { port: flags.port }),
    ...(flags.pathways === undefined ? {} : { pathwaysDir: resolve(io.cwd, flags.pathways) }),
    ...(flags.dataDir === undefined ? {} : { dataDir: resolve(io.cwd, flags.dataDir) }),
    ...(flags.editorDir === undefined ? {} : { editorDir: resolve(io.cwd, flags.editorDir) }),
  };
  await checkDataDir(settings.dataDir);
  // Temporary files a killed process left behind (only the project's own, only old ones).
  await removeOrphanTemps([settings.pathwaysDir, settings.dataDir]);
  try {
    const server = await startServer(settings);
    await closeOnSignals(server);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof PortInUseError) {
      io.err(`error EADDRINUSE: ${error.message}`);
      return EXIT_PORT_IN_USE;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (
      code === 'ENOTFOUND' ||
      code === 'EADDRNOTAVAIL' ||
      code === 'EACCES' ||
      code === 'EAI_AGAIN'
    )
      throw new PathwayError(
        'INVALID_PARAM',
        `cannot listen on ${settings.host} port ${settings.port}: ${code === 'EACCES' ? 'permission denied' : code === 'EADDRNOTAVAIL' ? 'not an address of this machine' : 'no such host'} (check HOST and PORT)`,
        [
          {
            code: 'INVALID_PARAM',
            message: `cannot listen on ${settings.host} port ${settings.port} (${code})`,
            path: 'HOST',
            value: settings.host,
          },
        ],
      );
    throw error;
  }
}

export const serveCommand: CommandFactory = (io, done) =>
  new Command('serve')
    .description(
      'Run the HTTP service: REST API under /api/, the editor at /, CDS Hooks (env: HOST, PORT, PATHWAYS_DIR, DATA_DIR, PATHWAY_WRITE_TOKEN; the audit log in PostgreSQL: DATABASE_URL, DATABASE_POOL_SIZE, DATABASE_CONNECT_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS; AUDIT_RETENTION_DAYS; RESULTS_DATABASE: the results store, a SQLite file or postgres:// URL, read by GET /api/pathways/{id}/results; the rest in docs/http.md).',
    )
    .option('--host <host>', 'interface to listen on (default: $HOST or 127.0.0.1)')
    .option('--port <port>', 'port (default: $PORT or 8080)', parsePort)
    .option('--pathways <dir>', 'pathways folder (default: $PATHWAYS_DIR or ./pathways)')
    .option('--data-dir <dir>', 'folder of the audit database (default: $DATA_DIR or ./data)')
    .option('--editor-dir <dir>', 'built editor (default: dist/editor)')
    .action(async (flags: ServeFlags) => done(await run(io, flags)));
