/**
 * The one evaluation request, `{ currentStep?, facts, asOf?, version? }`, and its check. The
 * schema is declared in the model (`evaluationRequestSchema`); this turns its complaints into
 * the engine's typed errors, so the CLI, the line readers and the evaluator report a bad
 * request the same way (DATE_FORMAT for a date, INVALID_INPUT for anything else).
 */
import type { z } from 'zod';
import { errorFromIssues, type ErrorIssue } from '../errors';
import { formatPath, type PathSegment } from '../model/path';
import { evaluationRequestSchema } from '../model/schema';

/** One evaluation request, as every entrance takes it. */
export type EvaluationRequest = z.infer<typeof evaluationRequestSchema>;

/** The fields a request may carry, in schema order (for messages). */
export const REQUEST_FIELDS = Object.keys(evaluationRequestSchema.shape);

const DATE_FIELDS = new Set(['asOf', 'currentStep.enteredAt']);

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/** zod's issues as engine issues, each naming its field and value; `file` locates them. */
export function requestIssues(
  error: z.ZodError,
  value: unknown,
  expected: readonly string[],
  file?: string,
): ErrorIssue[] {
  const out: ErrorIssue[] = [];
  const at = file === undefined ? {} : { file };
  for (const issue of error.issues) {
    const path = issue.path.map((s): PathSegment => (typeof s === 'symbol' ? String(s) : s));
    const where = formatPath(path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({
          code: 'INVALID_INPUT',
          path: formatPath([...path, key]),
          value: valueAt(value, [...path, key]),
          message: `unknown field ${JSON.stringify(key)} (expected ${(where === '' ? expected : ['id', 'enteredAt']).join(', ')}; patient values go under facts)`,
          ...at,
        });
      continue;
    }
    out.push({
      code: DATE_FIELDS.has(where) ? 'DATE_FORMAT' : 'INVALID_INPUT',
      path: where,
      value: where === '' ? undefined : valueAt(value, path),
      message:
        where === ''
          ? `expected an object { ${expected.join(', ')} }`
          : DATE_FIELDS.has(where)
            ? 'not a calendar date as YYYY-MM-DD'
            : issue.message,
      ...at,
    });
  }
  return out;
}

/**
 * Checks a value against the request schema.
 * @throws PathwayError INVALID_INPUT or DATE_FORMAT naming each bad field.
 */
export function checkRequest(value: unknown, file?: string): EvaluationRequest {
  const parsed = evaluationRequestSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw errorFromIssues(requestIssues(parsed.error, value, REQUEST_FIELDS, file));
}

/** The request without `version` and with its date: the input exactly as evaluated and audited. */
export function evaluatedInput(
  request: EvaluationRequest,
  asOf: string,
): {
  currentStep?: EvaluationRequest['currentStep'];
  facts: Record<string, unknown>;
  asOf: string;
} {
  return {
    ...(request.currentStep === undefined ? {} : { currentStep: request.currentStep }),
    facts: request.facts,
    asOf,
  };
}
