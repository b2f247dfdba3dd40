/**
 * Documents that arrive as JSON objects (the editor's save, `POST /api/validate`) are
 * checked exactly like files: serialised as JSON (which is YAML) and read by the same
 * parser, so migrations run and the messages are the ones `pathway lint` gives.
 */
import { PathwayError, type ErrorIssue } from '../errors';
import type { LintIssue } from '../lint/index';
import { lintVersion } from '../versions/lint-version';
import type { Pathway, Scenario } from '../model/types';
import { parsePathway, parseScenario } from '../yaml/parse';
import { HttpError, type HttpIssue } from './errors';

/** Issues without file positions (which would point into the JSON text, not a file). */
function unplaced(issues: readonly ErrorIssue[]): HttpIssue[] {
  return issues.map((i) => ({
    code: i.code,
    message: i.message,
    ...(i.path === undefined ? {} : { path: i.path }),
    ...('value' in i ? { value: i.value } : {}),
  }));
}

/** Schema problems of a document object (empty when valid), and the parsed document. */
export function checkPathwayObject(value: unknown): { pathway?: Pathway; errors: HttpIssue[] } {
  try {
    return { pathway: parsePathway(JSON.stringify(value)), errors: [] };
  } catch (error) {
    if (error instanceof PathwayError) return { errors: unplaced(error.issues) };
    throw error;
  }
}

/** Schema problems of YAML text (with line and column), and the parsed document. */
export function checkPathwayText(text: string): { pathway?: Pathway; errors: HttpIssue[] } {
  try {
    return { pathway: parsePathway(text), errors: [] };
  } catch (error) {
    if (error instanceof PathwayError)
      return {
        errors: error.issues.map((i) => ({
          code: i.code,
          message: i.message,
          ...(i.path === undefined ? {} : { path: i.path }),
          ...('value' in i ? { value: i.value } : {}),
          ...(i.line === undefined ? {} : { line: i.line }),
          ...(i.column === undefined ? {} : { column: i.column }),
        })),
      };
    throw error;
  }
}

/** A valid pathway document object, or 400 SCHEMA listing every problem under `field`. */
export function requirePathwayObject(value: unknown, field: string): Pathway {
  const { pathway, errors } = checkPathwayObject(value);
  if (pathway !== undefined) return pathway;
  const issues = errors.map((e) => ({ ...e, path: e.path ? `${field}.${e.path}` : field }));
  throw new HttpError(
    'SCHEMA',
    `${field} is not a valid pathway document: ${issues[0]?.path ?? field}: ${issues[0]?.message ?? ''}`,
    issues,
  );
}

/** A valid scenario object, or 400 SCHEMA. */
export function requireScenarioObject(value: unknown, field: string): Scenario {
  try {
    return parseScenario(JSON.stringify(value));
  } catch (error) {
    if (!(error instanceof PathwayError)) throw error;
    const issues = unplaced(error.issues).map((e) => ({
      ...e,
      path: e.path ? `${field}.${e.path}` : field,
    }));
    throw new HttpError(
      'SCHEMA',
      `${field} is not a valid scenario: ${issues[0]?.path ?? field}: ${issues[0]?.message ?? ''}`,
      issues,
    );
  }
}

/**
 * Lint findings for a document: its own, plus those comparing it with the other versions of
 * the same pathway. The one rule is engine/versions/lint-version.ts (publishing uses it too).
 */
export const lintDocument: (doc: Pathway, siblings: readonly Pathway[]) => LintIssue[] =
  lintVersion;
