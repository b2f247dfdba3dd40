import { describe, expect, it } from 'vitest';
import { storeOptionsFromEnv } from '../../engine/store/env';

describe('the PostgreSQL pool settings from the environment', () => {
  it('keeps the defaults when the variables are unset or empty', () => {
    expect(storeOptionsFromEnv({})).toEqual({});
    expect(storeOptionsFromEnv({ DATABASE_POOL_SIZE: '' })).toEqual({});
  });

  it('reads pool size and timeouts as whole numbers', () => {
    expect(
      storeOptionsFromEnv({
        DATABASE_POOL_SIZE: '20',
        DATABASE_CONNECT_TIMEOUT_MS: '2000',
        DATABASE_STATEMENT_TIMEOUT_MS: '15000',
      }),
    ).toEqual({ poolSize: 20, connectTimeoutMs: 2000, statementTimeoutMs: 15000 });
  });

  it('refuses anything but a whole number of 1 or more, naming the variable', () => {
    for (const bad of ['0', '-1', '2.5', 'ten', '1e3'])
      expect(() => storeOptionsFromEnv({ DATABASE_POOL_SIZE: bad })).toThrow(
        /DATABASE_POOL_SIZE must be a whole number/,
      );
  });
});
