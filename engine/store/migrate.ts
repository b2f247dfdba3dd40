/**
 * Schema migration, the same for both dialects: the store's version table (`store_schema`)
 * says which version each named schema is at; the missing steps run in order, in the caller's
 * transaction, and the new version is written with them (all or nothing).
 */
import { StoreError } from './errors';
import type { SqlExecutor, StoreSchema } from './types';

const VERSION_TABLE =
  'CREATE TABLE IF NOT EXISTS store_schema (name TEXT PRIMARY KEY, version INTEGER NOT NULL)';

/**
 * Runs the steps of `schema` that `tx`'s database has not had yet and returns the latest
 * version. Throws a StoreError of kind `schema` when the database is newer than `schema`.
 */
export async function applyMigrations(
  tx: SqlExecutor,
  schema: StoreSchema,
  target: string,
): Promise<number> {
  await tx.run(VERSION_TABLE);
  const row = await tx.get<{ version: number | string }>(
    'SELECT version FROM store_schema WHERE name = ?',
    [schema.name],
  );
  const current = row === undefined ? 0 : Number(row.version);
  const latest = schema.steps.length;
  if (current > latest)
    throw new StoreError(
      'schema',
      `${target} has ${schema.name} schema version ${current}; this service knows ${latest}`,
    );
  for (let version = current; version < latest; version++) {
    const step = schema.steps[version]?.[tx.dialect];
    if (step === undefined) continue;
    if (typeof step === 'function') await step(tx);
    else for (const sql of step) await tx.run(sql);
  }
  if (latest !== current)
    await tx.run(
      `INSERT INTO store_schema (name, version) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version`,
      [schema.name, latest],
    );
  return latest;
}
