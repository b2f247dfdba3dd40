/**
 * validateInput says each problem once per code and field, and a field the request schema
 * already faulted is not checked again, with few issues (the list is scanned) and with many
 * (sets answer past eight): the two ways of keeping count must give the same issues.
 */
import { describe, expect, it } from 'vitest';
import { validateInput } from '../../engine/facts/validate';
import { factsPathway } from '../fixtures/facts';
import { AS_OF, pathwayErrorOf } from './helpers';

const pathway = factsPathway();

/** `n` unknown facts and a current step whose id and entry date the schema refuses. */
function input(n: number): unknown {
  const facts = Object.fromEntries(Array.from({ length: n }, (_, i) => [`unknown${i}`, i]));
  return { facts, currentStep: { id: 'x'.repeat(201), enteredAt: '2026-02-30' } };
}

describe('the issues of one input', () => {
  it.each([0, 1, 6, 7, 8, 9, 20, 150])(
    'names the step and its date once each among %i other problems',
    (n) => {
      const error = pathwayErrorOf(() => validateInput(pathway, input(n), { asOf: AS_OF }));
      const at = (path: string): string[] =>
        error.issues.filter((issue) => issue.path === path).map((issue) => issue.code);
      expect(at('currentStep.id')).toEqual(['UNKNOWN_STEP']);
      expect(at('currentStep.enteredAt')).toEqual(['DATE_FORMAT']);
      // Listed: the two step issues first (the schema's), then the first 98 unknown facts.
      expect(error.issues.filter((issue) => issue.path?.startsWith('facts.'))).toHaveLength(
        Math.min(n, 98),
      );
      const said = error.issues.map((issue) => `${issue.code} ${String(issue.path)}`);
      expect(new Set(said).size).toBe(said.length);
      expect(error.message).toMatch(
        n + 2 > 100 ? /^152 problems:\n.*and 52 more problems/s : new RegExp(`^${n + 2} problems`),
      );
    },
  );

  it('keeps a later problem of a field once the earlier issues were many', () => {
    // Twelve bad list items, then a medication whose start date is out of range.
    const error = pathwayErrorOf(() =>
      validateInput(
        pathway,
        {
          facts: {
            redFlags: Array.from({ length: 12 }, (_, i) => i),
            medications: [{ atc: 'N02AA05', since: '2099-01-01', doseIncreasedAt: '2098-01-01' }],
          },
        },
        { asOf: AS_OF },
      ),
    );
    expect(error.issues.slice(12).map((issue) => [issue.code, issue.path])).toEqual([
      ['FACT_RANGE', 'facts.medications[0].since'],
      ['FACT_RANGE', 'facts.medications[0].doseIncreasedAt'],
    ]);
  });
});
