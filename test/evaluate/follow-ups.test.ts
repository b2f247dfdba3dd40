import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../../engine/model/types';
import { miniPathway } from '../fixtures/pathways';
import { AS_OF, run } from '../fixtures/evaluate';

const at6 = (windowDays?: number): FollowUp => ({
  id: 'six-weeks',
  title: { sv: '6 veckor', en: '6 weeks' },
  measures: ['nrs'],
  at: { weeks: 6 },
  ...(windowDays === undefined ? {} : { windowDays }),
});

function withTreatFollowUps(followUps: FollowUp[], pathwayLevel: FollowUp[] = []) {
  const p = miniPathway({ followUps: pathwayLevel });
  const treat = p.steps.find((s) => s.id === 'treat');
  if (treat === undefined) throw new Error('fixture');
  treat.followUps = followUps;
  return p;
}

describe('follow-ups', () => {
  it('lists a scheduled measurement as upcoming, with its date, when the patient just entered the step', async () => {
    const r = await run(
      { facts: { painMonths: 8, flags: [], done: false } },
      withTreatFollowUps([at6()]),
    );
    expect(r.followUps).toEqual([
      {
        id: 'six-weeks',
        title: '6 weeks',
        step: 'treat',
        measures: ['nrs'],
        status: 'upcoming',
        dueDate: '2026-10-13',
      },
    ]);
  });

  it('marks it due within the window around its date', async () => {
    // Entered 2026-07-28: six weeks later is 2026-09-08, 7 days after AS_OF, inside the 14-day window.
    const r = await run(
      { currentStep: { id: 'treat', enteredAt: '2026-07-28' }, facts: { flags: [], done: false } },
      withTreatFollowUps([at6()]),
    );
    expect(r.followUps[0]).toMatchObject({ status: 'due', dueDate: '2026-09-08' });
  });

  it('marks it overdue once the window has passed', async () => {
    const r = await run(
      { currentStep: { id: 'treat', enteredAt: '2026-06-01' }, facts: { flags: [], done: false } },
      withTreatFollowUps([at6(0)]),
    );
    expect(r.followUps[0]).toMatchObject({ status: 'overdue', dueDate: '2026-07-13' });
  });

  it('uses weeks in step when no entry date is given', async () => {
    const r = await run(
      { currentStep: { id: 'treat' }, facts: { flags: [], done: false, weeksInStep: 6 } },
      withTreatFollowUps([at6()]),
    );
    expect(r.followUps[0]).toMatchObject({ status: 'due', dueDate: AS_OF });
  });

  it('lists condition-based follow-ups of the pathway when their condition is true, and not otherwise', async () => {
    const review: FollowUp = {
      id: 'review',
      title: { sv: 'Uppföljning', en: 'Review' },
      measures: ['nrs'],
      appliesWhen: { fact: 'age', operator: 'greaterThan', value: 60 },
      dueWhen: { fact: 'score', operator: 'greaterThan', value: 10 },
      overdueWhen: { fact: 'score', operator: 'greaterThan', value: 90 },
    };
    const p = withTreatFollowUps([], [review]);
    expect(
      (await run({ facts: { flags: [], painMonths: 1, age: 70, score: 20 } }, p)).followUps,
    ).toEqual([{ id: 'review', title: 'Review', measures: ['nrs'], status: 'due' }]);
    expect(
      (await run({ facts: { flags: [], painMonths: 1, age: 70, score: 95 } }, p)).followUps[0]
        ?.status,
    ).toBe('overdue');
    expect(
      (await run({ facts: { flags: [], painMonths: 1, age: 50, score: 95 } }, p)).followUps,
    ).toEqual([]);
  });
});
