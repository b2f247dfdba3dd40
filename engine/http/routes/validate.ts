/**
 * `POST /api/validate`: checks a pathway document (YAML text or a parsed object) against
 * the schema and the linter, and against the other versions of the same pathway on disk.
 * Problems are the answer, not an error: a 200 with `ok: false`.
 */
import type { Pathway } from '../../model/types';
import { checkPathwayObject, checkPathwayText, lintDocument } from '../documents';
import { validateBodySchema, validateResponseSchema } from '../schemas';
import { defineRoute, errorResponses } from '../route';

export const validateRoute = defineRoute({
  method: 'post',
  path: '/api/validate',
  summary: 'Check a pathway document (YAML text or object): schema errors and lint findings',
  responses: {
    200: {
      description: 'the findings',
      name: 'ValidateResponse',
      schema: validateResponseSchema,
    },
    ...errorResponses(400, 413),
  },
  body: { schema: validateBodySchema, name: 'ValidateRequest' },
  async handler({ body, deps }) {
    const checked = 'text' in body ? checkPathwayText(body.text) : checkPathwayObject(body.pathway);
    let siblings: Pathway[] = [];
    if (checked.pathway !== undefined) {
      try {
        const repo = await deps.ctx.repository();
        siblings = (repo.pathways.get(checked.pathway.id) ?? []).map((v) => v.pathway);
      } catch {
        // A broken folder does not stop checking this document on its own.
        siblings = [];
      }
    }
    const lint = checked.pathway === undefined ? [] : lintDocument(checked.pathway, siblings);
    return {
      ok: checked.errors.length === 0 && lint.every((i) => i.severity !== 'error'),
      errors: checked.errors,
      lint,
    };
  },
});
