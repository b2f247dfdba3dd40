/**
 * The audit stores the store tests run against: SQLite always, PostgreSQL when
 * AUDIT_TEST_DATABASE_URL names a database the tests may write to (`.ci/run` starts one).
 * Each PostgreSQL log opened here lives in its own new schema, dropped by {@link dropSchemas}.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditLog } from '../../engine/audit/log';
import type { AuditLog } from '../../engine/audit/types';
import type { SqlStoreOptions } from '../../engine/store/open';
import { dropTestSchemas, freshPostgresUrl, TEST_DATABASE_URL } from '../store/databases';

export { TEST_DATABASE_URL };

/** A new empty schema in the test database, and a URL whose connections use it. */
export const freshDatabaseUrl = (): Promise<string> => freshPostgresUrl();

/** Drops the schemas made by {@link freshDatabaseUrl}. */
export const dropSchemas = (): Promise<void> => dropTestSchemas();

/** One store to test: `another` opens a second log on the same database (another instance). */
export interface StoreUnderTest {
  name: string;
  /** Why the store is not tested here; undefined when it is. */
  skip: string | undefined;
  /** A new, empty log, and a way to open another one over the same data. */
  open: (options?: SqlStoreOptions) => Promise<{ log: AuditLog; another: () => Promise<AuditLog> }>;
}

/** SQLite and PostgreSQL, for `describe.each`. */
export const AUDIT_STORES: StoreUnderTest[] = [
  {
    name: 'SQLite',
    skip: undefined,
    open: async (options) => {
      const file = join(mkdtempSync(join(tmpdir(), 'audit-store-')), 'audit.sqlite');
      return { log: await openAuditLog(file, options), another: () => openAuditLog(file, options) };
    },
  },
  {
    name: 'PostgreSQL',
    skip: TEST_DATABASE_URL === undefined ? 'AUDIT_TEST_DATABASE_URL is not set' : undefined,
    open: async (options) => {
      const url = await freshDatabaseUrl();
      return { log: await openAuditLog(url, options), another: () => openAuditLog(url, options) };
    },
  },
];
