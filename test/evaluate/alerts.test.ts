import { describe, expect, it } from 'vitest';
import { miniPathway } from '../fixtures/pathways';
import { run } from '../fixtures/evaluate';

describe('alerts', () => {
  it('fires an alert whose condition is true with the values in its message', async () => {
    const r = await run({ facts: { painMonths: 1, flags: [], score: 62, age: 40 } });
    expect(r.alerts).toEqual([{ id: 'high-score', severity: 'warning', message: 'Score 62 ≥ 50' }]);
  });

  it('does not fire at the boundary below the threshold', async () => {
    const r = await run({ facts: { painMonths: 1, flags: [], score: 49, age: 40 } });
    expect(r.alerts).toEqual([]);
  });

  it('lists an alert it cannot decide with the facts that would decide it, without firing it', async () => {
    const r = await run({ facts: { painMonths: 1, flags: [], age: 40 } });
    expect(r.alerts).toEqual([]);
    expect(r.undecidedAlerts).toEqual([{ id: 'high-score', missingFacts: ['score'] }]);
  });

  it('evaluates alerts whatever step the patient is in', async () => {
    const r = await run({ currentStep: { id: 'done' }, facts: { score: 80, age: 70 } });
    expect(r.alerts.map((a) => a.id)).toEqual(['high-score', 'old']);
  });

  it('orders fired alerts by severity, most severe first', async () => {
    const p = miniPathway();
    const old = p.alerts[1];
    if (old === undefined) throw new Error('fixture');
    old.severity = 'critical';
    const r = await run({ facts: { score: 80, age: 70, painMonths: 1, flags: [] } }, p);
    expect(r.alerts.map((a) => a.severity)).toEqual(['critical', 'warning']);
  });

  it('writes alert messages in the requested language with its decimal comma', async () => {
    const p = miniPathway();
    const a = p.alerts[0];
    if (a === undefined) throw new Error('fixture');
    a.when = { fact: 'painMonths', operator: 'greaterThan', value: 1 };
    a.message = { sv: 'Smärta i {painMonths} månader', en: 'Pain for {painMonths} months' };
    const r = await run({ facts: { painMonths: 4.5, flags: [] } }, p, { language: 'sv' });
    expect(r.alerts[0]?.message).toBe('Smärta i 4,5 månader');
  });
});
