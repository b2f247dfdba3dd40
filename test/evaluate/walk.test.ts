import { describe, expect, it } from 'vitest';
import { miniPathway, step, to } from '../fixtures/pathways';
import { run } from '../fixtures/evaluate';

describe('the walk', () => {
  it('starts at the entry step when no current step is given and takes the first true transition', async () => {
    const r = await run({ facts: { painMonths: 8, flags: [], done: false } });
    expect(r.path).toEqual(['start', 'treat']);
    expect(r.step).toMatchObject({ id: 'treat', level: 'specialist-care' });
    expect(r.transitions).toEqual([
      { from: 'start', to: 'treat', reason: 'chronic pain', global: false },
    ]);
    expect(r.status).toBe('settled');
    expect(r.stopReason).toBe('no-candidate');
  });

  it('lets the order of transitions decide when two are true', async () => {
    const p = miniPathway();
    const start = p.steps[0];
    if (start === undefined) throw new Error('fixture');
    start.transitions = [
      to('done', { fact: 'age', operator: 'greaterThan', value: 10 }, 'first'),
      to('treat', { fact: 'age', operator: 'greaterThan', value: 5 }, 'second'),
    ];
    const r = await run({ facts: { age: 40, flags: [] } }, p);
    expect(r.path).toEqual(['start', 'done']);
  });

  it('tries global transitions before the step’s own transitions', async () => {
    const r = await run({ facts: { painMonths: 8, flags: ['a'] } });
    expect(r.path).toEqual(['start', 'flagged']);
    expect(r.transitions[0]).toMatchObject({ to: 'flagged', global: true });
    expect(r.stopReason).toBe('exit-step');
  });

  it('starts from the current step given in the input', async () => {
    const r = await run({
      currentStep: { id: 'treat' },
      facts: { flags: [], done: true, weeksInStep: 12 },
    });
    expect(r.path).toEqual(['treat', 'done']);
  });

  it('stays in a step while the deciding fact is unknown and names it', async () => {
    const r = await run({ facts: { flags: [] } });
    expect(r.status).toBe('needs-information');
    expect(r.step.id).toBe('start');
    expect(r.missingFacts).toEqual(['painMonths']);
    expect(r.stopReason).toBe('needs-information');
  });

  it('stops at an unknown global transition even when a later candidate is true', async () => {
    const r = await run({ facts: { painMonths: 8 } });
    expect(r.status).toBe('needs-information');
    expect(r.path).toEqual(['start']);
    expect(r.missingFacts).toEqual(['flags']);
  });

  it('does not take a global transition from an exit step', async () => {
    const r = await run({ currentStep: { id: 'done' }, facts: { flags: ['a'] } });
    expect(r.path).toEqual(['done']);
    expect(r.stopReason).toBe('exit-step');
  });

  it('does not take a global transition from its own target step', async () => {
    const p = miniPathway({
      steps: [
        step('start', 'primary-care', [
          to('flagged', { fact: 'age', operator: 'greaterThan', value: 200 }, 'never'),
        ]),
        step('flagged', 'other', [
          to('start', { fact: 'done', operator: 'equal', value: true }, 'back'),
        ]),
        step('treat', 'primary-care'),
        step('done', 'exit'),
      ],
    });
    const r = await run(
      { currentStep: { id: 'flagged' }, facts: { flags: ['a'], done: false } },
      p,
    );
    expect(r.path).toEqual(['flagged']);
    expect(r.trace.map((t) => t.source)).not.toContain('globalTransitions[0]');
  });

  it('stops before a step already visited in this evaluation and stays where the walk is', async () => {
    const p = miniPathway({
      globalTransitions: [],
      steps: [
        step('start', 'primary-care', [
          to('treat', { fact: 'age', operator: 'greaterThan', value: 1 }),
        ]),
        step('treat', 'primary-care', [
          to('start', { fact: 'age', operator: 'greaterThan', value: 1 }),
        ]),
      ],
      entryStep: 'start',
    });
    const r = await run({ facts: { age: 30 } }, p);
    expect(r.path).toEqual(['start', 'treat']);
    expect(r.step.id).toBe('treat');
    expect(r.stopReason).toBe('loop-guard');
    expect(r.status).toBe('settled');
  });

  it('reads time in step as 0 in a step entered during this evaluation, whatever the facts say', async () => {
    const r = await run({ facts: { painMonths: 8, flags: [], done: true, weeksInStep: 30 } });
    // weeksInStep 30 belongs to the start step; in "treat", just entered, it is 0 (< 12).
    expect(r.path).toEqual(['start', 'treat']);
  });

  it('uses a given weeksInStep for the current step', async () => {
    const r = await run({
      currentStep: { id: 'treat' },
      facts: { flags: [], done: true, weeksInStep: 11.9 },
    });
    expect(r.path).toEqual(['treat']);
    const r2 = await run({
      currentStep: { id: 'treat' },
      facts: { flags: [], done: true, weeksInStep: 12 },
    });
    expect(r2.path).toEqual(['treat', 'done']);
  });

  it('derives time in step from the current step’s entry date', async () => {
    // 2026-06-09 → 2026-09-01 is 84 days: exactly 12 weeks.
    const r = await run({
      currentStep: { id: 'treat', enteredAt: '2026-06-09' },
      facts: { flags: [], done: true },
    });
    expect(r.path).toEqual(['treat', 'done']);
    const r2 = await run({
      currentStep: { id: 'treat', enteredAt: '2026-06-10' },
      facts: { flags: [], done: true },
    });
    expect(r2.path).toEqual(['treat']);
  });

  it('asks for the entry date or weeks in step when time in step decides', async () => {
    const r = await run({ currentStep: { id: 'treat' }, facts: { flags: [], done: true } });
    expect(r.status).toBe('needs-information');
    expect(r.missingFacts).toEqual(['weeksInStep']);
  });
});
