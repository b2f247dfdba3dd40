/**
 * Timeouts and limits that keep one client from holding the service: how long the headers
 * and a JSON body may take, how long a connection may sit idle, how many requests one client
 * may have in flight, and how long a batch computes before it lets other requests run.
 */
import { PathwayError } from '../errors';

/** The service's timeouts and limits; every field has a documented default. */
export interface ServiceLimits {
  /** Time to receive the request headers (Node's `headersTimeout`). Default 10 s. */
  headersTimeoutMs: number;
  /**
   * Time to receive a whole JSON body once the headers are in; then 408 and the connection is
   * closed. Streamed bodies (the batch route) are exempt: they are bounded by `idleTimeoutMs`.
   * Default 30 s.
   */
  bodyTimeoutMs: number;
  /** A connection with no bytes in or out for this long is closed (socket timeout). Default 30 s. */
  idleTimeoutMs: number;
  /** An idle keep-alive connection between requests is closed after this. Default 5 s. */
  keepAliveTimeoutMs: number;
  /** Requests one remote address may have in flight; more answer 429. 0: no limit. Default 32. */
  clientConcurrency: number;
  /** A batch computes for at most this long before it lets other requests run. Default 5 ms. */
  batchSliceMs: number;
}

/** The defaults of {@link ServiceLimits}. */
export const DEFAULT_LIMITS: Readonly<ServiceLimits> = {
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 30_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  clientConcurrency: 32,
  batchSliceMs: 5,
};

/** The environment variable of each limit. */
export const LIMIT_ENV = {
  headersTimeoutMs: 'HEADERS_TIMEOUT_MS',
  bodyTimeoutMs: 'BODY_TIMEOUT_MS',
  idleTimeoutMs: 'IDLE_TIMEOUT_MS',
  keepAliveTimeoutMs: 'KEEP_ALIVE_TIMEOUT_MS',
  clientConcurrency: 'CLIENT_CONCURRENCY',
  batchSliceMs: 'BATCH_SLICE_MS',
} as const satisfies Record<keyof ServiceLimits, string>;

/**
 * The limits set in the environment (unset or empty variables keep their defaults). Throws
 * PathwayError BAD_REQUEST naming the variable when one is not a whole number ≥ 0.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Partial<ServiceLimits> {
  const limits: Partial<ServiceLimits> = {};
  for (const key of Object.keys(LIMIT_ENV) as (keyof ServiceLimits)[]) {
    const name = LIMIT_ENV[key];
    const text = env[name];
    if (text === undefined || text.trim() === '') continue;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 0)
      throw new PathwayError(
        'BAD_REQUEST',
        `${name} must be a whole number ≥ 0 (milliseconds or a count), got ${JSON.stringify(text)}`,
      );
    limits[key] = value;
  }
  return limits;
}

/** The defaults with the given limits over them. */
export function resolveLimits(given: Partial<ServiceLimits> = {}): ServiceLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ServiceLimits)[]) {
    const value = given[key];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}
