import { describe, expect, it } from 'vitest';
import { conditionRoots } from '../../engine/model/condition-roots';
import { formatPath } from '../../engine/model/path';
import type { Pathway } from '../../engine/model/types';
import { leaf, miniPathway } from '../fixtures/pathways';

/** The mini fixture with a follow-up on step `treat` and one on the pathway. */
function withFollowUps(): Pathway {
  const doc = miniPathway({
    followUps: [
      {
        id: 'yearly',
        title: { en: 'Yearly' },
        measures: ['nrs'],
        dueWhen: leaf('age', 'greaterThan', 18),
        overdueWhen: leaf('age', 'greaterThan', 19),
      },
    ],
  });
  const treat = doc.steps[1];
  if (treat === undefined) throw new Error('fixture has no step treat');
  treat.followUps = [
    {
      id: 'review',
      title: { en: 'Review' },
      measures: ['nrs'],
      appliesWhen: { condition: 'chronic' },
      at: { weeks: 12 },
    },
  ];
  return doc;
}

describe('conditionRoots', () => {
  it('finds every place that holds a condition, follow-up fields included, in document order', () => {
    expect(conditionRoots(withFollowUps()).map((r) => formatPath(r.path))).toEqual([
      'conditions[0].when',
      'globalTransitions[0].when',
      'steps[0].transitions[0].when',
      'steps[0].transitions[1].when',
      'steps[1].followUps[0].appliesWhen',
      'steps[1].transitions[0].when',
      'alerts[0].when',
      'alerts[1].when',
      'followUps[0].dueWhen',
      'followUps[0].overdueWhen',
    ]);
  });

  it('names each root’s owner, with the step of a step’s follow-up', () => {
    const owners = conditionRoots(withFollowUps()).map((r) => r.owner);
    expect(owners[0]).toEqual({ kind: 'named-condition', name: 'chronic', index: 0 });
    expect(owners[1]).toEqual({ kind: 'global-transition', index: 0, to: 'flagged' });
    expect(owners[3]).toEqual({
      kind: 'transition',
      stepId: 'start',
      stepIndex: 0,
      index: 1,
      to: 'done',
    });
    expect(owners[4]).toEqual({
      kind: 'follow-up',
      id: 'review',
      field: 'appliesWhen',
      stepId: 'treat',
    });
    expect(owners[7]).toEqual({ kind: 'alert', id: 'old', index: 1 });
    expect(owners[9]).toEqual({ kind: 'follow-up', id: 'yearly', field: 'overdueWhen' });
  });

  it('hands out the trees themselves', () => {
    const roots = conditionRoots(withFollowUps());
    expect(roots[4]?.when).toEqual({ condition: 'chronic' });
  });
});
