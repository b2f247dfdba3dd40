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
});
