/**
 * Schema migration on load. A pathway file names the format it was written in
 * (`schemaVersion`); files written in an older format are brought up to date one step at
 * a time before validation, so old versions of a pathway stay readable for ever. Frozen
 * files are never rewritten by this: the migration happens in memory only.
 */
import { PathwayError } from '../errors';
import { isRecord } from './schema-walk';
import { CURRENT_SCHEMA_VERSION } from './schema';

/** One step of the format's history: turns a document of version `from` into `from + 1`. */
export interface Migration {
  readonly from: number;
  readonly to: number;
  /** Receives a private copy of the document; may change and return it. */
  migrate: (doc: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * The format's history. Empty: version 1 is the first format. When the format changes,
 * add `{ from: 1, to: 2, migrate }` here and raise `CURRENT_SCHEMA_VERSION`.
 */
export const MIGRATIONS: readonly Migration[] = [];

/**
 * Brings a raw (not yet validated) pathway document to `target` (the current format).
 * Throws a `SCHEMA_VERSION` {@link PathwayError} when `schemaVersion` is missing or not a
 * whole number, newer than this engine understands, or has no migration path.
 */
export function migratePathway(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): unknown {
  const version = isRecord(raw) ? raw['schemaVersion'] : undefined;
  if (version === undefined) {
    throw versionError(
      `missing required key 'schemaVersion' (this engine writes schemaVersion: ${target})`,
      version,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw versionError(
      `schemaVersion must be a whole number such as ${target}, got ${JSON.stringify(version)}`,
      version,
    );
  }
  if (version > target) {
    throw versionError(
      `schemaVersion ${version} was written by a newer engine (this one reads up to ${target}); upgrade the engine`,
      version,
    );
  }
  if (version === target || !isRecord(raw)) return raw;
  // A private copy, so that the caller's document is never changed behind its back.
  let doc: Record<string, unknown> = structuredClone(raw);
  for (let from = version; from < target; from++) {
    const step = migrations.find((m) => m.from === from);
    if (step === undefined || step.to !== from + 1) {
      throw versionError(
        `schemaVersion ${version} cannot be read: no migration from format ${from} to ${from + 1}`,
        version,
      );
    }
    doc = { ...step.migrate(doc), schemaVersion: step.to };
  }
  return doc;
}

function versionError(message: string, value: unknown): PathwayError {
  return new PathwayError('SCHEMA_VERSION', message, [
    { code: 'SCHEMA_VERSION', message, path: 'schemaVersion', value },
  ]);
}
