import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate, evaluateOutcome } from '../../engine/evaluate/evaluate';
import { COMPARISONS } from '../../engine/evaluate/operators';
import type { TraceNode, Truth } from '../../engine/evaluate/result';
import { referenceFor } from '../../engine/reference/evaluate';
import { and, not, or } from '../../engine/reference/truth';
import type { Condition } from '../../engine/model/types';
import { miniPathway } from '../fixtures/pathways';

const numericLeaf = fc.record({
  fact: fc.constantFrom('age', 'painMonths', 'score'),
  operator: fc.constantFrom(
    'equal',
    'notEqual',
    'lessThan',
    'lessThanInclusive',
    'greaterThan',
    'greaterThanInclusive',
  ),
  value: fc.integer({ min: 0, max: 100 }),
});
const booleanLeaf = fc.record({
  fact: fc.constant('done'),
  operator: fc.constantFrom('equal', 'notEqual'),
  value: fc.boolean(),
});

const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numericLeaf as fc.Arbitrary<Condition>,
    booleanLeaf as fc.Arbitrary<Condition>,
    fc.constant({ condition: 'chronic' } as Condition),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((c) => ({ not: c })),
  ),
})).c;

const factsArb = fc.record(
  {
    age: fc.integer({ min: 0, max: 120 }),
    painMonths: fc.integer({ min: 0, max: 100 }),
    score: fc.integer({ min: 0, max: 100 }),
    done: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Kleene logic written directly, as the reference for the two-run bridge. */
function kleene(c: Condition, facts: Record<string, unknown>): Truth {
  if ('all' in c) return and(c.all.map((x) => kleene(x, facts)));
  if ('any' in c) return or(c.any.map((x) => kleene(x, facts)));
  if ('not' in c) return not(kleene(c.not, facts));
  if ('condition' in c)
    return kleene({ fact: 'painMonths', operator: 'greaterThanInclusive', value: 3 }, facts);
  const v = facts[c.fact];
  if (v === undefined) return 'unknown';
  return COMPARISONS[c.operator](v, c.value) ? 'true' : 'false';
}

/** Checks every node of an evaluated tree against Kleene logic on the matching sub-condition. */
function checkTree(c: Condition, node: TraceNode, facts: Record<string, unknown>): void {
  expect(node.result).toBe(kleene(c, facts));
  if ('all' in c && node.kind === 'all')
    c.all.forEach((x, i) => checkTree(x, node.children[i] as TraceNode, facts));
  else if ('any' in c && node.kind === 'any')
    c.any.forEach((x, i) => checkTree(x, node.children[i] as TraceNode, facts));
  else if ('not' in c && node.kind === 'not') checkTree(c.not, node.child, facts);
  else if ('condition' in c && node.kind === 'condition')
    checkTree(
      { fact: 'painMonths', operator: 'greaterThanInclusive', value: 3 },
      node.child,
      facts,
    );
  else expect(node.kind).toBe('leaf');
}

describe('evaluation properties', () => {
  it('agrees with Kleene three-valued logic, node by node, for any all/any/not tree over known and unknown facts', async () => {
    await fc.assert(
      fc.asyncProperty(conditionArb, factsArb, async (condition, facts) => {
        const p = miniPathway({
          alerts: [
            { id: 'probe', severity: 'info', when: condition, message: { sv: 'x', en: 'x' } },
          ],
        });
        const outcomes = await referenceFor(p).evaluator.evaluateAll(facts);
        const outcome = outcomes.get('alerts.probe');
        expect(outcome?.truth).toBe(kleene(condition, facts));
        // Every sub-condition of the trace, not just the answer, must agree.
        if (outcome !== undefined) checkTree(condition, outcome.node, facts);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with Kleene logic node by node on the generated code too (the evaluator of record)', () => {
    fc.assert(
      fc.property(conditionArb, factsArb, (condition, facts) => {
        const p = miniPathway({
          alerts: [
            { id: 'probe', severity: 'info', when: condition, message: { sv: 'x', en: 'x' } },
          ],
        });
        const outcome = evaluateOutcome(
          compilePathway(p),
          { facts: { ...facts, flags: [] } },
          { asOf: '2026-03-01', trace: true },
        );
        const entry = outcome.trace?.find((e) => e.source === 'alerts.probe');
        expect(entry?.result).toBe(kleene(condition, facts));
        if (entry !== undefined) checkTree(condition, entry.condition, facts);
      }),
      { numRuns: 300 },
    );
  });

  it('gives byte-identical results for the same input', async () => {
    const compiled = compilePathway(miniPathway());
    await fc.assert(
      fc.asyncProperty(
        factsArb,
        fc.constantFrom(undefined, 'start', 'treat'),
        async (facts, current) => {
          const input = {
            ...(current === undefined ? {} : { currentStep: { id: current } }),
            facts: { ...facts, flags: [] },
          };
          const a = await evaluate(compiled, input, { asOf: '2026-03-01' });
          const b = await evaluate(compiled, structuredClone(input), { asOf: '2026-03-01' });
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('answers any input with a result or a typed error, never an untyped throw', async () => {
    const compiled = compilePathway(miniPathway());
    const factValue = fc.oneof(
      fc.anything(),
      fc.integer(),
      fc.double(),
      fc.string(),
      fc.array(fc.string()),
      fc.constant(null),
    );
    const inputArb = fc.oneof(
      fc.anything(),
      fc.record(
        {
          facts: fc.dictionary(
            fc.constantFrom('age', 'painMonths', 'score', 'flags', 'done', 'weeksInStep', 'bogus'),
            factValue,
          ),
          currentStep: fc.anything(),
        },
        { requiredKeys: ['facts'] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(inputArb, async (input) => {
        try {
          const r = await evaluate(compiled, input, { asOf: '2026-03-01' });
          expect(typeof r.step.id).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(PathwayError);
          expect((error as PathwayError).code).not.toBe('INTERNAL');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives each of many overlapping evaluations the answer it gets alone', async () => {
    const compiled = compilePathway(miniPathway());
    const inputs = Array.from({ length: 200 }, (_, i) => ({
      currentStep: { id: i % 2 === 0 ? 'start' : 'treat' },
      facts: {
        painMonths: i % 7,
        flags: i % 11 === 0 ? ['a'] : [],
        done: i % 3 === 0,
        weeksInStep: i % 20,
        score: i % 100,
      },
    }));
    const alone: string[] = [];
    for (const input of inputs)
      alone.push(JSON.stringify(await evaluate(compiled, input, { asOf: '2026-03-01' })));
    const together = await Promise.all(
      inputs.map((input) => evaluate(compiled, input, { asOf: '2026-03-01' })),
    );
    expect(together.map((r) => JSON.stringify(r))).toEqual(alone);
  });
});
