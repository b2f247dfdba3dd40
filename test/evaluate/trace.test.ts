import { describe, expect, it } from 'vitest';
import { run } from '../fixtures/evaluate';

describe('the trace', () => {
  it('records each comparison with the fact value, operator, expected value and outcome', async () => {
    const r = await run({ facts: { painMonths: 8, flags: [], done: false } });
    const entry = r.trace.find((t) => t.source === 'steps.start.transitions[0]');
    expect(entry).toMatchObject({ from: 'start', to: 'treat', result: 'true' });
    expect(entry?.condition).toEqual({
      kind: 'condition',
      name: 'chronic',
      result: 'true',
      child: {
        kind: 'leaf',
        fact: 'painMonths',
        value: 8,
        operator: 'greaterThanInclusive',
        expected: 3,
        result: 'true',
      },
    });
  });

  it('marks a comparison on a missing fact as unknown and leaves its value out', async () => {
    const r = await run({ facts: { flags: [] } });
    const entry = r.trace.find((t) => t.source === 'steps.start.transitions[0]');
    expect(entry?.result).toBe('unknown');
    expect(entry?.condition).toMatchObject({
      child: { kind: 'leaf', fact: 'painMonths', result: 'unknown' },
    });
    expect(entry?.condition.kind === 'condition' && 'value' in entry.condition.child).toBe(false);
  });

  it('includes the alerts in the trace', async () => {
    const r = await run({ facts: { painMonths: 8, flags: [], score: 10 } });
    expect(r.trace.find((t) => t.source === 'alerts.high-score')?.result).toBe('false');
  });

  it('leaves the trace out when asked', async () => {
    const r = await run({ facts: { painMonths: 8, flags: [] } }, undefined, { trace: false });
    expect(r.trace).toEqual([]);
  });
});
