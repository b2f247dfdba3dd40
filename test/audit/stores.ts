/**
 * The audit stores the store tests run against: SQLite always, PostgreSQL when
 * AUDIT_TEST_DATABASE_URL names a database the tests may write to (`.ci/run` starts one).
 * Each PostgreSQL log opened here lives in its own new schema, dropped by {@link dropSchemas}.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditLog } from '../../engine/audit/log';
import { SyncPostgres } from '../../engine/audit/pg-bridge';
import { PostgresAuditLog } from '../../engine/audit/postgres';
import type { AuditLog } from '../../engine/audit/types';

/** The test database, when there is one. */
export const TEST_DATABASE_URL: string | undefined =
  process.env.AUDIT_TEST_DATABASE_URL === '' ? undefined : process.env.AUDIT_TEST_DATABASE_URL;

const schemas: string[] = [];

/** A new empty schema in the test database, and a URL whose connections use it. */
export function freshDatabaseUrl(base: string): string {
  const schema = `audit_test_${randomBytes(6).toString('hex')}`;
  const admin = new SyncPostgres(base);
  try {
    admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    admin.close();
  }
  schemas.push(schema);
  const options = encodeURIComponent(`-c search_path=${schema}`);
  return `${base}${base.includes('?') ? '&' : '?'}options=${options}`;
}

/** Drops the schemas made by {@link freshDatabaseUrl}. */
export function dropSchemas(): void {
  if (TEST_DATABASE_URL === undefined || schemas.length === 0) return;
  const admin = new SyncPostgres(TEST_DATABASE_URL);
  try {
    for (const schema of schemas.splice(0)) admin.query(`DROP SCHEMA ${schema} CASCADE`);
  } finally {
    admin.close();
  }
}

/** One store to test: `url` opens a second log on the same database (another instance). */
export interface StoreUnderTest {
  name: string;
  /** Why the store is not tested here; undefined when it is. */
  skip: string | undefined;
  /** A new, empty log, and a way to open another one over the same data. */
  open: () => { log: AuditLog; another: () => AuditLog };
}

/** SQLite and PostgreSQL, for `describe.each`. */
export const AUDIT_STORES: StoreUnderTest[] = [
  {
    name: 'SQLite',
    skip: undefined,
    open: () => {
      const file = join(mkdtempSync(join(tmpdir(), 'audit-store-')), 'audit.sqlite');
      return { log: openAuditLog(file), another: () => openAuditLog(file) };
    },
  },
  {
    name: 'PostgreSQL',
    skip: TEST_DATABASE_URL === undefined ? 'AUDIT_TEST_DATABASE_URL is not set' : undefined,
    open: () => {
      const url = freshDatabaseUrl(TEST_DATABASE_URL ?? '');
      return { log: new PostgresAuditLog(url), another: () => new PostgresAuditLog(url) };
    },
  },
];
