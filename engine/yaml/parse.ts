/**
 * Parsing pathway and scenario files: YAML text → validated, typed document, or a
 * {@link PathwayError} whose issues say what is wrong, where (file, line, column, path)
 * and with which value. Pure: runs in the browser editor as well as the CLI.
 */
import type { z } from 'zod';
import { PathwayError, errorFromIssues, type ErrorIssue } from '../errors';
import { migratePathway } from '../model/migrate';
import { isRecord } from '../model/schema-walk';
import {
  conditionSchema,
  indicatorConditionSchema,
  pathwaySchema,
  scenarioSchema,
} from '../model/schema';
import type { Pathway, Scenario } from '../model/types';
import { UNWORDED, schemaIssues } from './issues';
import { readYamlSource, type YamlSource } from './source';
import { showValue } from './wording';

/** Names for union schemas, so messages can say "a condition needs one of …". */
const UNION_NOUNS: ReadonlyMap<z.core.$ZodType, string> = new Map([
  [conditionSchema, 'condition'],
  [indicatorConditionSchema, 'condition'],
]);

/** Options for {@link parseYamlWithSchema}. */
export interface ParseOptions {
  /** Runs on the raw data before validation (schema migration); may throw a PathwayError. */
  prepare?: (raw: unknown) => unknown;
}

/**
 * Parses YAML text and validates it against `schema`. `what` names the document in
 * messages ("pathway", "scenario"). Throws `YAML_SYNTAX` for unreadable YAML and
 * `SCHEMA` listing every schema problem, sorted by position.
 */
export function parseYamlWithSchema<T>(
  text: string,
  schema: z.ZodType<T>,
  file: string | undefined,
  what: string,
  options: ParseOptions = {},
): T {
  try {
    return parseValidated(text, schema, file, what, options);
  } catch (error) {
    if (error instanceof PathwayError) throw error;
    // Callers are promised a typed error; a bug here must still not surface as a bare throw.
    const message = `could not read the ${what}: ${error instanceof Error ? error.message : String(error)}`;
    throw new PathwayError('INTERNAL', message, [
      { code: 'INTERNAL', message, ...(file === undefined ? {} : { file }) },
    ]);
  }
}

function parseValidated<T>(
  text: string,
  schema: z.ZodType<T>,
  file: string | undefined,
  what: string,
  options: ParseOptions,
): T {
  const source = readYamlSource(text, file);
  const id = documentId(source.value);
  if (!isRecord(source.value)) {
    const message = `a ${what} file must be a mapping of keys (such as 'id: …'), got ${
      source.value === null ? 'an empty file' : showValue(source.value)
    }`;
    throw errorFromIssues([withPlace({ code: 'SCHEMA', message }, source, [], file)], id);
  }
  let value: unknown = source.value;
  try {
    if (options.prepare !== undefined) value = options.prepare(value);
  } catch (error) {
    if (!(error instanceof PathwayError)) throw error;
    throw errorFromIssues(
      error.issues.map((issue) =>
        withPlace(issue, source, issue.path === undefined ? [] : [issue.path], file),
      ),
      id,
    );
  }
  // The error map only marks zod's generic messages; `schemaIssues` words those itself.
  const result = schema.safeParse(value, { error: () => UNWORDED });
  if (result.success) return result.data;
  const context = {
    schema,
    value,
    source,
    nouns: UNION_NOUNS,
    ...(file === undefined ? {} : { file }),
  };
  throw errorFromIssues(schemaIssues(result.error.issues, context), id);
}

/** Parses and validates a pathway file, migrating older formats first. */
export function parsePathway(text: string, file?: string): Pathway {
  return parseYamlWithSchema(text, pathwaySchema, file, 'pathway', {
    prepare: (raw) => migratePathway(raw),
  });
}

/** Parses and validates a scenario (example patient) file. */
export function parseScenario(text: string, file?: string): Scenario {
  return parseYamlWithSchema(text, scenarioSchema, file, 'scenario');
}

function documentId(value: unknown): string | undefined {
  return isRecord(value) && typeof value['id'] === 'string' ? value['id'] : undefined;
}

/** Adds file and position to an issue raised before validation (such as a migration's). */
function withPlace(
  issue: ErrorIssue,
  source: YamlSource,
  path: string[],
  file: string | undefined,
): ErrorIssue {
  if (issue.line !== undefined) return issue;
  return { ...issue, ...(file === undefined ? {} : { file }), ...source.locate(path) };
}
