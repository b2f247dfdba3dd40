import { describe, expect, it } from 'vitest';
import { run } from '../fixtures/evaluate';

describe('the explanation', () => {
  it('says where the patient moved and names the values that made it so', async () => {
    const r = await run({ facts: { painMonths: 8, flags: [], done: false } });
    expect(r.explanation).toContain(
      'Moved to “Step treat” (chronic pain) because chronic (pain duration 8 months ≥ 3)',
    );
  });

  it('says why the patient did not move on from the final step', async () => {
    const r = await run({
      currentStep: { id: 'treat' },
      facts: { flags: [], done: true, weeksInStep: 10 },
    });
    expect(r.explanation).toContain('Stays in “Step treat”');
    expect(r.explanation).toContain('weeks in step 10 weeks (needs ≥ 12)');
    expect(r.explanation).toContain('Not to “Step flagged”');
  });

  it('names the facts the walk waits for', async () => {
    const r = await run({ facts: { flags: [] } });
    expect(r.explanation).toContain('until pain duration is known');
  });

  it('explains in Swedish when asked', async () => {
    const r = await run({ facts: { painMonths: 8, flags: [], done: false } }, undefined, {
      language: 'sv',
    });
    expect(r.explanation).toContain(
      'Gick vidare till ”Steg treat” (chronic pain) eftersom chronic (smärtduration 8 månader ≥ 3)',
    );
    expect(r.step.title).toBe('Steg treat');
  });

  it('rounds values to two decimals but never so that a value looks equal to its threshold', async () => {
    const r = await run({
      currentStep: { id: 'treat' },
      facts: { flags: [], done: true, weeksInStep: 11.996 },
    });
    expect(r.explanation).toContain('weeks in step 11.996 weeks (needs ≥ 12)');
    const r2 = await run({
      currentStep: { id: 'treat' },
      facts: { flags: [], done: true, weeksInStep: 8.428571 },
    });
    expect(r2.explanation).toContain('weeks in step 8.43 weeks (needs ≥ 12)');
  });

  it('states a list fact that is empty as none, and a yes/no fact by its value', async () => {
    const r = await run({ facts: { painMonths: 8, flags: [], done: false } });
    expect(r.explanation).toContain('Not to “Step flagged”: flags: none');
  });

  it('names only the parts that decide a false condition, not the unknown ones', async () => {
    const r = await run({ currentStep: { id: 'treat' }, facts: { flags: [], done: false } });
    // done is false, weeksInStep is unknown: the all() is false because of done alone.
    expect(r.explanation).toContain('Not to “Step done”: done: no.');
    expect(r.status).toBe('settled');
  });
});
