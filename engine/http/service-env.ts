/**
 * Every environment variable `pathway serve` reads, in one table: the settings reader
 * (`settingsFromEnv`, `checkEnvironment`) reads them only through {@link envValue}, whose
 * name parameter is typed by this table, and `pathway serve --help`, docs/http.md and the
 * tests are made from or checked against it, so the help cannot drift from the code.
 */
import { DEFAULT_LIMITS, LIMIT_ENV, type ServiceLimits } from './limits';

/** One variable: its name, its default in words and what it sets. */
export interface ServiceVariable {
  readonly name: string;
  readonly default: string;
  readonly meaning: string;
}

const LIMIT_MEANINGS: Readonly<Record<keyof ServiceLimits, string>> = {
  headersTimeoutMs: 'ms to send the request headers',
  bodyTimeoutMs: 'ms to send a whole JSON body, then 408 and the connection is closed',
  idleTimeoutMs: 'ms a connection may send nothing (not one waiting for its answer)',
  keepAliveTimeoutMs: 'ms an idle keep-alive connection stays open between requests',
  clientConcurrency: 'requests one remote address may have in flight, more get 429 (0: no limit)',
  batchSliceMs: 'ms a batch computes before it lets other requests run',
};

const LIMIT_VARIABLES = (Object.keys(LIMIT_ENV) as (keyof ServiceLimits)[]).map(
  (key): ServiceVariable => ({
    name: LIMIT_ENV[key],
    default: String(DEFAULT_LIMITS[key]),
    meaning: LIMIT_MEANINGS[key],
  }),
);

/** The variables that are not limits. */
const SETTINGS = [
  { name: 'HOST', default: '127.0.0.1', meaning: 'interface to listen on (--host)' },
  { name: 'PORT', default: '8080', meaning: 'port to listen on (--port)' },
  { name: 'PATHWAYS_DIR', default: './pathways', meaning: 'the pathways folder (--pathways)' },
  {
    name: 'DATA_DIR',
    default: './data',
    meaning: 'folder of the audit log audit.sqlite (--data-dir)',
  },
  { name: 'EDITOR_DIR', default: 'dist/editor', meaning: 'the built editor (--editor-dir)' },
  {
    name: 'PATHWAY_WRITE_TOKEN',
    default: 'none',
    meaning: 'lets other machines write with Authorization: Bearer <token>',
  },
  {
    name: 'DATABASE_URL',
    default: 'none',
    meaning: 'postgres://… : the audit log in PostgreSQL instead of audit.sqlite',
  },
  {
    name: 'DATABASE_POOL_SIZE',
    default: '10',
    meaning: 'PostgreSQL connections one instance may hold',
  },
  {
    name: 'DATABASE_CONNECT_TIMEOUT_MS',
    default: '5000',
    meaning: 'ms to connect to PostgreSQL, then 503',
  },
  {
    name: 'DATABASE_STATEMENT_TIMEOUT_MS',
    default: '10000',
    meaning: 'ms one PostgreSQL statement may take, then 503',
  },
  {
    name: 'RESULTS_DATABASE',
    default: 'none',
    meaning: 'results store (SQLite file or postgres://…) read by GET /api/pathways/{id}/results',
  },
  {
    name: 'AUDIT_RETENTION_DAYS',
    default: 'keep all',
    meaning: 'delete audit records older than this many days, at start and hourly',
  },
  { name: 'CDS_AUTH', default: 'jwt', meaning: "CDS Hooks client authentication: 'jwt' or 'off'" },
  {
    name: 'CDS_ISSUERS',
    default: 'none',
    meaning: 'JSON [{ "iss", "jwksUrl" | "jwks" }]: trusted CDS clients (none: all refused)',
  },
  {
    name: 'CDS_AUDIENCE',
    default: 'none',
    meaning: 'the CDS base URL clients name in aud (required with CDS_ISSUERS)',
  },
  {
    name: 'LOG_LEVEL',
    default: 'info',
    meaning: 'fatal, error, warn, info, debug, trace or silent (JSON lines on stdout)',
  },
  { name: 'PATHWAY_DEBUG', default: 'off', meaning: '1: print the stack trace of a failure' },
] as const satisfies readonly ServiceVariable[];

/** Every variable of the service, in the order the help lists them. */
export const SERVICE_VARIABLES: readonly ServiceVariable[] = [...SETTINGS, ...LIMIT_VARIABLES];

/** The name of a variable the service reads. */
export type ServiceVariableName =
  (typeof SETTINGS)[number]['name'] | (typeof LIMIT_ENV)[keyof ServiceLimits];

/** The value of a service variable (the only way the settings reader reads the environment). */
export function envValue(env: NodeJS.ProcessEnv, name: ServiceVariableName): string | undefined {
  return env[name];
}

/** The variables as the help's "Environment:" section, one aligned line each. */
export function variablesHelp(): string {
  const width = Math.max(...SERVICE_VARIABLES.map((v) => v.name.length));
  const lines = SERVICE_VARIABLES.map(
    (v) => `  ${v.name.padEnd(width)}  ${v.meaning}; default ${v.default}`,
  );
  return `\nEnvironment (docs/http.md):\n${lines.join('\n')}\n`;
}
