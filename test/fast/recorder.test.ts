/**
 * Recorded traces: the generated recorder writes one Kleene truth per node of the evaluated
 * tree, in pre-order, and the view rebuilds exactly the tree the shared trace compiler builds
 * from the same slots — on random conditions (named references included) and random values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTraces } from '../../engine/reference/trace-compiler';
import { generateConditions } from '../../engine/fast/codegen';
import { SlotLayout } from '../../engine/fast/layout';
import { generateRecorders, nodeCount } from '../../engine/fast/recorder';
import { traceViews } from '../../engine/fast/trace-view';
import { OPERATORS } from '../../engine/model/schema';
import type { Condition, Pathway } from '../../engine/model/types';

const FACTS = ['age', 'score', 'flag', 'kind', 'list'] as const;
const layoutOf = (): SlotLayout => new SlotLayout({ facts: [] } as unknown as Pathway);

const valueArb = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, 18, 50, 'a', 'b'),
  fc.integer({ min: -5, max: 120 }),
  fc.array(fc.constantFrom('a', 'b', 1), { maxLength: 3 }),
);
const leafArb: fc.Arbitrary<Condition> = fc.record({
  fact: fc.constantFrom(...FACTS),
  operator: fc.constantFrom(...OPERATORS),
  value: fc.oneof(
    valueArb.filter((v) => v !== undefined),
    fc.constantFrom(...FACTS).map((fact) => ({ fact })),
  ),
}) as fc.Arbitrary<Condition>;
/** Conditions that may refer to the two named conditions below (which never refer back). */
const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small' },
    leafArb,
    fc.constantFrom('adult', 'risky').map((condition) => ({ condition })),
    fc.array(tie('c'), { maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((c) => ({ not: c })),
  ),
})).c;
const NAMED = new Map<string, Condition>([
  ['adult', { fact: 'age', operator: 'greaterThanInclusive', value: 18 }],
  [
    'risky',
    {
      any: [{ condition: 'adult' }, { not: { fact: 'flag', operator: 'equal', value: true } }],
    },
  ],
]);

describe('recorded traces', () => {
  it('write one truth per node in pre-order, named conditions expanded', () => {
    const layout = layoutOf();
    const condition: Condition = {
      all: [{ condition: 'adult' }, { not: { fact: 'flag', operator: 'equal', value: true } }],
    };
    const [record] = generateRecorders(layout, NAMED, [condition]);
    const s: unknown[] = [];
    s[layout.slot('age')] = 20;
    const bytes = new Uint8Array(8).fill(9);
    // all (unknown), condition adult (true), its leaf (true), not (unknown), flag leaf (unknown)
    expect(record?.(s, bytes, 1)).toBe(1);
    expect([...bytes]).toEqual([9, 1, 2, 2, 1, 1, 9, 9]);
    expect(nodeCount(condition, NAMED)).toBe(5);
  });

  it('decide like the truth functions and read back as the trace compiler builds the tree', () => {
    fc.assert(
      fc.property(
        conditionArb,
        fc.array(valueArb, { minLength: FACTS.length, maxLength: FACTS.length }),
        (condition, values) => {
          const layout = layoutOf();
          const s: unknown[] = [];
          FACTS.forEach((fact, i) => (s[layout.slot(fact)] = values[i]));
          const [truth] = generateConditions(layout, NAMED, [condition]);
          const [record] = generateRecorders(layout, NAMED, [condition]);
          const [view] = traceViews(layout, NAMED, [condition]);
          const [tree] = compileTraces<readonly unknown[]>(
            [condition],
            NAMED,
            (fact) => {
              const slot = layout.slot(fact);
              return (slots) => slots[slot];
            },
            () => () => ({ kind: 'all', result: 'true', children: [] }),
          );
          const bytes = new Uint8Array(nodeCount(condition, NAMED) + 2);
          // json-rules-engine throws on some ill-typed pairs (`in` with a number); lint refuses
          // those in files. Every path must then throw alike.
          const outcome = (f: () => unknown): unknown => {
            try {
              return f();
            } catch {
              return 'throws';
            }
          };
          const expected = outcome(() => JSON.stringify(tree?.(s)));
          expect(outcome(() => record?.(s, bytes, 1))).toBe(
            expected === 'throws' ? 'throws' : truth?.(s),
          );
          if (expected !== 'throws') expect(JSON.stringify(view?.(bytes, 1, s))).toBe(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});
