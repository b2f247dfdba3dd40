import { describe, expect, it } from 'vitest';
import { miniPathway, step, to } from '../fixtures/pathways';
import { run } from '../fixtures/evaluate';
import type { Condition } from '../../engine/model/types';

/** A pathway whose start step has one transition with `when`, so the walk shows its truth. */
function probe(when: Condition) {
  return miniPathway({
    globalTransitions: [],
    steps: [step('start', 'primary-care', [to('done', when, 'probe')]), step('done', 'exit')],
  });
}
const known = { fact: 'age', operator: 'greaterThan', value: 10 } as const; // true for age 40
const falseLeaf = { fact: 'age', operator: 'lessThan', value: 10 } as const; // false for age 40
const unknownLeaf = { fact: 'score', operator: 'greaterThan', value: 10 } as const; // score not given

describe('three-valued logic', () => {
  it('makes all() false when one part is false even if another is unknown', async () => {
    const r = await run({ facts: { age: 40 } }, probe({ all: [unknownLeaf, falseLeaf] }));
    expect(r.status).toBe('settled');
    expect(r.path).toEqual(['start']);
  });

  it('makes all() unknown when the rest is true and one part is unknown', async () => {
    const r = await run({ facts: { age: 40 } }, probe({ all: [known, unknownLeaf] }));
    expect(r.status).toBe('needs-information');
    expect(r.missingFacts).toEqual(['score']);
  });

  it('makes any() true when one part is true even if another is unknown', async () => {
    const r = await run({ facts: { age: 40 } }, probe({ any: [unknownLeaf, known] }));
    expect(r.path).toEqual(['start', 'done']);
  });

  it('keeps not(unknown) unknown instead of reading the unknown as false', async () => {
    const r = await run({ facts: { age: 40 } }, probe({ not: unknownLeaf }));
    expect(r.status).toBe('needs-information');
  });

  it('reads an unknown fact inside a named condition under not() as unknown', async () => {
    const r = await run({ facts: { age: 40 } }, probe({ not: { condition: 'chronic' } }));
    expect(r.status).toBe('needs-information');
    expect(r.missingFacts).toEqual(['painMonths']);
  });

  it('names only the facts that would still decide the condition', async () => {
    const r = await run(
      { facts: { age: 40 } },
      probe({
        all: [
          { any: [known, unknownLeaf] },
          { fact: 'painMonths', operator: 'greaterThan', value: 1 },
        ],
      }),
    );
    expect(r.missingFacts).toEqual(['painMonths']);
  });

  it('treats null as unknown, never as false or 0', async () => {
    const r = await run({ facts: { age: 40, score: null } }, probe({ not: unknownLeaf }));
    expect(r.status).toBe('needs-information');
    expect(r.missingFacts).toEqual(['score']);
  });
});
