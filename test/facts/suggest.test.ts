/**
 * "Did you mean" stays the same suggestion now that it is computed faster: the edit distance
 * against the textbook optimal-string-alignment distance, and suggestions over a prepared
 * name list against the same names given as a plain list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PreparedNames, closestName, editDistance } from '../../engine/model/suggest';

/** Optimal string alignment distance, written plainly from its definition. */
function textbook(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  return at(a.length, b.length);
}

const name = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'S', 'q', 'å'), maxLength: 12 });

describe('did you mean, computed faster', () => {
  it('measures the same edit distance as the textbook definition', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(editDistance(a, b)).toBe(textbook(a, b));
      }),
      { numRuns: 3000, seed: 5 },
    );
    expect(editDistance('x'.repeat(300), 'y'.repeat(200))).toBe(300);
  });

  it('suggests the same name from a prepared list as from the plain list', () => {
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 8 }), (wanted, names) => {
        const options = { prefixes: true, minLimit: 2 };
        expect(closestName(wanted, new PreparedNames(names), options)).toBe(
          closestName(wanted, names, options),
        );
      }),
      { numRuns: 2000, seed: 6 },
    );
  });
});
