/**
 * The one line format of patients files, NDJSON or CSV: a line is an evaluation request
 * `{ currentStep?, facts, asOf?, version? }` plus the optional `id` and `healthCentre` that
 * say who the patient is (what `pathway synth` writes). The batch route, `pathway impact`,
 * `pathway cohort` and `pathway replay` read lines with these functions.
 */
import type { z } from 'zod';
import { errorFromIssues, PathwayError } from '../errors';
import { checkNesting } from '../model/nesting';
import { evaluationLineSchema } from '../model/schema';
import { requestIssues, type EvaluationRequest } from './request';
import { parseJsonText } from '../model/input-text';

/** One line as written: a request plus who the patient is. */
export type EvaluationLine = z.infer<typeof evaluationLineSchema>;

/** The fields a line may carry. */
export const LINE_FIELDS = Object.keys(evaluationLineSchema.shape);

/** Who a line is about (not part of the request). */
export const PATIENT_FIELDS = ['id', 'healthCentre'] as const;

const LINE_FIELD_SET = new Set(LINE_FIELDS);

/** A line read: the request, who it is about, and its number in the file. */
export interface ReadLine {
  line: number;
  request: EvaluationRequest;
  id?: string | number;
  healthCentre?: string;
}

/** Parses the JSON text of one line. @throws PathwayError INVALID_INPUT for text that is not JSON. */
export function parseLineJson(text: string, line: number): unknown {
  try {
    return parseJsonText(text, { line });
  } catch (error) {
    if (error instanceof PathwayError) throw error;
    const message = `not valid JSON: ${(error as Error).message}`;
    throw new PathwayError('INVALID_INPUT', message, [{ code: 'INVALID_INPUT', message, line }]);
  }
}

/**
 * Checks one line object fully against the line schema and splits it into the request and
 * the patient fields.
 * @throws PathwayError INVALID_INPUT / DATE_FORMAT naming each bad field; INVALID_INPUT
 * for a line nesting deeper than the limit (checked first).
 */
export function readLineObject(value: unknown, line: number): ReadLine {
  checkNesting(value, `line ${line}`, line);
  const parsed = evaluationLineSchema.safeParse(value);
  if (!parsed.success)
    throw errorFromIssues(
      requestIssues(parsed.error, value, LINE_FIELDS).map((i) => ({ ...i, line })),
    );
  const { id, healthCentre, ...request } = parsed.data;
  return {
    line,
    request,
    ...(id === undefined ? {} : { id }),
    ...(healthCentre === undefined ? {} : { healthCentre }),
  };
}

/** {@link parseLineJson} then {@link readLineObject}. */
export function readLineText(text: string, line: number): ReadLine {
  return readLineObject(parseLineJson(text, line), line);
}

/**
 * The cheap check for population runs, where the evaluator validates the request itself
 * (with the same schema): the line is an object whose every field is a line field, and the
 * patient fields are split off. Returns the request part unvalidated.
 * @throws PathwayError INVALID_INPUT for a value that is not an object, an unknown field or
 * nesting deeper than the limit (checked first).
 */
export function splitLine(
  value: unknown,
  line: number,
): { request: Record<string, unknown>; id?: unknown; healthCentre?: unknown } {
  checkNesting(value, `line ${line}`, line);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const message = `expected an object { ${LINE_FIELDS.join(', ')} }`;
    throw new PathwayError('INVALID_INPUT', message, [{ code: 'INVALID_INPUT', message, line }]);
  }
  const request: Record<string, unknown> = {};
  const out: { request: Record<string, unknown>; id?: unknown; healthCentre?: unknown } = {
    request,
  };
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (key === 'id') out.id = field;
    else if (key === 'healthCentre') out.healthCentre = field;
    else if (LINE_FIELD_SET.has(key)) request[key] = field;
    else throw unknownFieldError(key, line);
  }
  return out;
}

/** The error of a line holding a field that is not a line field. */
export function unknownFieldError(key: string, line: number): PathwayError {
  const message = `unknown field ${JSON.stringify(key)} (expected ${LINE_FIELDS.join(', ')}; patient values go under facts)`;
  return new PathwayError('INVALID_INPUT', message, [
    { code: 'INVALID_INPUT', message, path: key, line },
  ]);
}
