/**
 * The databases the store tests run against: SQLite always, PostgreSQL when
 * AUDIT_TEST_DATABASE_URL names a database the tests may write to (`.ci/run` starts one).
 * Each PostgreSQL URL made here uses its own new schema, dropped by {@link dropTestSchemas}.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresStore } from '../../engine/store/postgres';

/** The test database, when there is one. */
export const TEST_DATABASE_URL: string | undefined =
  process.env.AUDIT_TEST_DATABASE_URL === '' ? undefined : process.env.AUDIT_TEST_DATABASE_URL;

/** Why PostgreSQL tests are skipped; undefined when they run. */
export const POSTGRES_SKIP: string | undefined =
  TEST_DATABASE_URL === undefined ? 'AUDIT_TEST_DATABASE_URL is not set' : undefined;

const schemas: string[] = [];

/** A new empty schema in the test database, and a URL whose connections use it. */
export async function freshPostgresUrl(base: string = TEST_DATABASE_URL ?? ''): Promise<string> {
  const schema = `store_test_${randomBytes(6).toString('hex')}`;
  const admin = new PostgresStore(base, { poolSize: 1 });
  try {
    await admin.run(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.close();
  }
  schemas.push(schema);
  const options = encodeURIComponent(`-c search_path=${schema}`);
  return `${base}${base.includes('?') ? '&' : '?'}options=${options}`;
}

/** Drops the schemas made by {@link freshPostgresUrl}. */
export async function dropTestSchemas(): Promise<void> {
  if (TEST_DATABASE_URL === undefined || schemas.length === 0) return;
  const admin = new PostgresStore(TEST_DATABASE_URL, { poolSize: 1 });
  try {
    for (const schema of schemas.splice(0)) await admin.run(`DROP SCHEMA ${schema} CASCADE`);
  } finally {
    await admin.close();
  }
}

/** A new SQLite file in a new temporary folder. */
export function freshSqliteFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'store-')), 'store.sqlite');
}

/** One database to run a test on: `target` makes a new empty one. */
export interface Database {
  name: string;
  skip: string | undefined;
  target: () => Promise<string>;
}

/** SQLite and PostgreSQL, for `describe.each`. */
export const DATABASES: Database[] = [
  { name: 'SQLite', skip: undefined, target: async () => freshSqliteFile() },
  { name: 'PostgreSQL', skip: POSTGRES_SKIP, target: () => freshPostgresUrl() },
];
