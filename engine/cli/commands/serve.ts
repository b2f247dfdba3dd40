/**
 * `pathway serve`: runs the HTTP service (what `npm start` runs). Settings come from the
 * environment (HOST, PORT, PATHWAYS_DIR, DATA_DIR, PATHWAY_WRITE_TOKEN) and can be
 * overridden by options. Returns when the service was stopped by SIGINT or SIGTERM.
 */
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
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

async function run(io: Io, flags: ServeFlags): Promise<number> {
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
  try {
    const server = await startServer(settings);
    await closeOnSignals(server);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof PortInUseError) {
      io.err(`error EADDRINUSE: ${error.message}`);
      return EXIT_PORT_IN_USE;
    }
    throw error;
  }
}

export const serveCommand: CommandFactory = (io, done) =>
  new Command('serve')
    .description(
      'Run the HTTP service: REST API under /api/, the editor at /, CDS Hooks (env: HOST, PORT, PATHWAYS_DIR, DATA_DIR, PATHWAY_WRITE_TOKEN).',
    )
    .option('--host <host>', 'interface to listen on (default: $HOST or 127.0.0.1)')
    .option('--port <port>', 'port (default: $PORT or 8080)', parsePort)
    .option('--pathways <dir>', 'pathways folder (default: $PATHWAYS_DIR or ./pathways)')
    .option('--data-dir <dir>', 'folder of the audit database (default: $DATA_DIR or ./data)')
    .option('--editor-dir <dir>', 'built editor (default: dist/editor)')
    .action(async (flags: ServeFlags) => done(await run(io, flags)));
