/**
 * The PostgreSQL store's pool size and timeouts from the environment: DATABASE_POOL_SIZE,
 * DATABASE_CONNECT_TIMEOUT_MS and DATABASE_STATEMENT_TIMEOUT_MS. Unset or empty keeps the
 * default (10 connections, 5 000 ms, 10 000 ms).
 */
import { PathwayError } from '../errors';
import type { PostgresStoreOptions } from './postgres';

const STORE_ENV = {
  poolSize: 'DATABASE_POOL_SIZE',
  connectTimeoutMs: 'DATABASE_CONNECT_TIMEOUT_MS',
  statementTimeoutMs: 'DATABASE_STATEMENT_TIMEOUT_MS',
} as const satisfies Partial<Record<keyof PostgresStoreOptions, string>>;

/**
 * The store options set in `env`. Throws PathwayError BAD_REQUEST naming the variable when
 * one is not a whole number ≥ 1 (a pool of 0 or a zero timeout would refuse every call).
 */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv): PostgresStoreOptions {
  const options: PostgresStoreOptions = {};
  for (const key of Object.keys(STORE_ENV) as (keyof typeof STORE_ENV)[]) {
    const name = STORE_ENV[key];
    const text = env[name];
    if (text === undefined || text.trim() === '') continue;
    const value = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < 1)
      throw new PathwayError(
        'BAD_REQUEST',
        `${name} must be a whole number ≥ 1 (milliseconds or a count), got ${JSON.stringify(text)}`,
      );
    options[key] = value;
  }
  return options;
}
