import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate } from '../../engine/evaluate/evaluate';
import type { Step } from '../../engine/model/types';
import { referenceFor } from '../../engine/reference/evaluate';
import { miniPathway, step, to } from '../fixtures/pathways';
import { run } from '../fixtures/evaluate';

async function errorOf(promise: Promise<unknown>): Promise<PathwayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PathwayError) return error;
    throw error;
  }
  throw new Error('expected a PathwayError');
}

describe('bad input', () => {
  it('rejects an unknown fact with a typed error naming the field and the pathway', async () => {
    const e = await errorOf(run({ facts: { painMonth: 8 } }));
    expect(e.code).toBe('UNKNOWN_FACT');
    expect(e.pathway).toBe('mini');
    expect(e.issues[0]).toMatchObject({ path: 'facts.painMonth', value: 8 });
    expect(e.message).toContain('painMonths');
  });

  it('rejects a value outside the declared range', async () => {
    const e = await errorOf(run({ facts: { score: 101 } }));
    expect(e.code).toBe('FACT_RANGE');
    expect(e.issues[0]).toMatchObject({ path: 'facts.score', value: 101 });
  });

  it('rejects a value of the wrong type instead of coercing it', async () => {
    const e = await errorOf(run({ facts: { painMonths: '8' } }));
    expect(e.code).toBe('FACT_TYPE');
  });

  it('rejects an unknown current step', async () => {
    const e = await errorOf(run({ currentStep: { id: 'nowhere' }, facts: {} }));
    expect(e.code).toBe('UNKNOWN_STEP');
  });

  it('requires an evaluation date instead of reading the clock', async () => {
    const e = await errorOf(evaluate(compilePathway(miniPathway()), { facts: {} }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues[0]?.path).toBe('asOf');
  });

  it('rejects an input asOf of 2026-02-30 with DATE_FORMAT naming asOf, as any other non-date', async () => {
    for (const asOf of ['2026-02-30', '2026-13-45', '1 April 2026']) {
      const e = await errorOf(
        evaluate(compilePathway(miniPathway()), { facts: {}, asOf }, { asOf: '2026-01-01' }),
      );
      expect([e.code, e.issues[0]?.path, e.issues[0]?.value]).toEqual([
        'DATE_FORMAT',
        'asOf',
        asOf,
      ]);
    }
  });

  it('rejects input that is not an object with facts', async () => {
    for (const input of [null, 42, 'x', [], { facts: 3 }]) {
      const e = await errorOf(
        evaluate(compilePathway(miniPathway()), input, { asOf: '2026-01-01' }),
      );
      expect(e).toBeInstanceOf(PathwayError);
    }
  });

  it('refuses to compile a pathway whose transition targets an unknown step', () => {
    const p = miniPathway({
      steps: [
        step('start', 'primary-care', [
          to('nowhere', { fact: 'age', operator: 'equal', value: 1 }),
        ]),
      ],
    });
    expect(() => compilePathway(p)).toThrowError(/unknown step 'nowhere'/);
  });

  it('refuses to compile named conditions that refer to each other in a cycle', () => {
    const p = miniPathway({
      conditions: [
        { name: 'chronic', when: { condition: 'other' } },
        { name: 'other', when: { not: { condition: 'chronic' } } },
      ],
    });
    expect(() => compilePathway(p)).toThrowError(/cycle: chronic → other → chronic/);
  });

  it('refuses to compile a follow-up condition naming an unknown named condition, with its path', () => {
    const p = miniPathway({
      followUps: [
        {
          id: 'yearly',
          title: { sv: 'Årlig', en: 'Yearly' },
          measures: ['nrs'],
          appliesWhen: { condition: 'nowhere' },
        },
      ],
    });
    const treat = p.steps[1] as Step;
    treat.followUps = [
      {
        id: 'review',
        title: { sv: 'Uppföljning', en: 'Review' },
        measures: ['nrs'],
        dueWhen: { all: [{ condition: 'chronic' }, { condition: 'missing' }] },
      },
    ];
    let error: unknown;
    try {
      compilePathway(p);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PathwayError);
    expect(error).toMatchObject({ code: 'UNKNOWN_CONDITION' });
    expect((error as PathwayError).issues.map((i) => [i.code, i.path, i.value])).toEqual([
      ['UNKNOWN_CONDITION', 'steps[1].followUps[0].dueWhen', 'missing'],
      ['UNKNOWN_CONDITION', 'followUps[0].appliesWhen', 'nowhere'],
    ]);
    // The reference refuses it the same way, so no evaluator meets the unknown name.
    expect(() => referenceFor(p)).toThrowError(/steps\[1\]\.followUps\[0\]\.dueWhen/);
  });

  it('refuses to compile a pathway naming an MME table the engine does not have', () => {
    expect(() => compilePathway(miniPathway({ mmeTable: 'no-such-table' }))).toThrowError(
      PathwayError,
    );
  });
});
