import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, statusOf, type ErrorCode } from '../../engine/errors';
import { errorResponse, HttpError } from '../../engine/http/errors';
import { PathwayError } from '../../engine/errors';

describe('the error catalogue', () => {
  it('gives every code an HTTP status and a meaning', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.meaning.length, code).toBeGreaterThan(10);
    }
  });

  it('answers engine and service errors with the catalogue status of their code', () => {
    const codes: ErrorCode[] = ['UNKNOWN_VERSION', 'AMBIGUOUS_VERSION', 'CONFLICTING_INPUT'];
    for (const code of codes)
      expect(errorResponse(new PathwayError(code, 'x')).status, code).toBe(statusOf(code));
    expect(errorResponse(new HttpError('PRECONDITION_FAILED', 'x')).status).toBe(412);
    expect(errorResponse(new HttpError('PATHWAY_NOT_EVALUABLE', 'x')).status).toBe(422);
    expect(errorResponse(new Error('bug'))).toMatchObject({
      status: 500,
      body: { error: { code: 'INTERNAL' } },
    });
  });
});
