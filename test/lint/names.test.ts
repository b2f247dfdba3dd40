/** Rules about names that must point at something: facts, conditions, steps, references, measures. */
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../engine/model/types';
import { leaf, step, to } from '../fixtures/pathways';
import { at, edited, issuesOf, only } from './helpers';

const texts = (s: string) => ({ sv: s, en: s });

describe('unknown-fact', () => {
  it('flags a condition leaf naming a fact that is not in the dictionary, suggesting the closest', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).when = leaf('scroe', 'greaterThanInclusive', 50);
    });
    const issue = only(issuesOf(doc, 'unknown-fact'));
    expect(issue).toMatchObject({
      severity: 'error',
      path: 'alerts[0].when.fact',
      alertId: 'high-score',
    });
    expect(issue.message).toContain('"scroe"');
    expect(issue.message).toContain('did you mean "score"?');
  });

  it('flags a fact named as the value of a comparison', () => {
    const doc = edited((d) => {
      at(d.alerts, 1).when = leaf('age', 'greaterThan', { fact: 'painMonth' });
    });
    const issue = only(issuesOf(doc, 'unknown-fact'));
    expect(issue.path).toBe('alerts[1].when.value.fact');
    expect(issue.message).toContain('did you mean "painMonths"?');
  });

  it('flags a measure listing an unknown fact', () => {
    const doc = edited((d) => {
      at(d.measures, 0).facts = ['score', 'nrsPain'];
    });
    expect(only(issuesOf(doc, 'unknown-fact')).path).toBe('measures[0].facts[1]');
  });

  it('flags unknown facts deep inside step transitions with the step and transition', () => {
    const doc = edited((d) => {
      at(d.steps, 1).transitions = [
        to('done', { any: [{ not: leaf('dne', 'equal', true) }, leaf('done', 'equal', true)] }),
      ];
    });
    expect(only(issuesOf(doc, 'unknown-fact'))).toMatchObject({
      path: 'steps[1].transitions[0].when.any[0].not.fact',
      stepId: 'treat',
      transitionIndex: 0,
    });
  });

  it('accepts a comparison with another fact that exists', () => {
    const doc = edited((d) => {
      at(d.alerts, 1).when = leaf('age', 'greaterThan', { fact: 'painMonths' });
      at(d.measures, 0).facts = ['score'];
    });
    expect(issuesOf(doc, 'unknown-fact')).toEqual([]);
  });

  it('does not suggest a name that is not close', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).when = leaf('bloodPressure', 'greaterThan', 50);
    });
    expect(only(issuesOf(doc, 'unknown-fact')).message).not.toContain('did you mean');
  });
});

describe('unknown-condition', () => {
  it('flags a reference to a named condition that is not defined', () => {
    const doc = edited((d) => {
      at(at(d.steps, 0).transitions, 0).when = { condition: 'chronik' };
    });
    const issue = only(issuesOf(doc, 'unknown-condition'));
    expect(issue).toMatchObject({
      path: 'steps[0].transitions[0].when.condition',
      stepId: 'start',
      transitionIndex: 0,
    });
    expect(issue.message).toContain('"chronik"');
    expect(issue.message).toContain('did you mean "chronic"?');
  });

  it('accepts a reference to a condition defined after the place that uses it', () => {
    const doc = edited((d) => {
      d.conditions.unshift({ name: 'longPain', when: { condition: 'veryLong' } });
      d.conditions.push({ name: 'veryLong', when: leaf('painMonths', 'greaterThan', 24) });
      at(d.alerts, 1).when = { condition: 'longPain' };
    });
    expect(issuesOf(doc, 'unknown-condition')).toEqual([]);
  });
});

describe('condition-cycle', () => {
  it('flags named conditions that refer to each other in a circle', () => {
    const doc = edited((d) => {
      d.conditions = [
        {
          name: 'chronic',
          when: { all: [leaf('painMonths', 'greaterThan', 3), { condition: 'severe' }] },
        },
        {
          name: 'severe',
          when: { any: [leaf('score', 'greaterThan', 80), { condition: 'chronic' }] },
        },
      ];
    });
    const issue = only(issuesOf(doc, 'condition-cycle'));
    expect(issue.path).toBe('conditions[0].when.all[1].condition');
    expect(issue.message).toContain('"chronic" → "severe" → "chronic"');
  });

  it('flags a condition that refers to itself', () => {
    const doc = edited((d) => {
      d.conditions = [{ name: 'chronic', when: { not: { condition: 'chronic' } } }];
    });
    expect(only(issuesOf(doc, 'condition-cycle')).path).toBe('conditions[0].when.not.condition');
  });

  it('accepts conditions that share a condition without forming a circle', () => {
    const shared: Condition = { condition: 'chronic' };
    const doc = edited((d) => {
      d.conditions.push(
        { name: 'a', when: { all: [shared, { condition: 'b' }] } },
        { name: 'b', when: shared },
      );
      at(d.alerts, 1).when = { condition: 'a' };
    });
    expect(issuesOf(doc, 'condition-cycle')).toEqual([]);
  });
});

describe('unknown-step', () => {
  it('flags a transition to a step that does not exist', () => {
    const doc = edited((d) => {
      at(at(d.steps, 0).transitions, 0).to = 'traet';
    });
    const issue = only(issuesOf(doc, 'unknown-step'));
    expect(issue).toMatchObject({ path: 'steps[0].transitions[0].to', stepId: 'start' });
    expect(issue.message).toContain('"traet"');
    expect(issue.message).toContain('did you mean "treat"?');
  });

  it('flags an entry step and a global target that are not steps', () => {
    const doc = edited((d) => {
      d.entryStep = 'begin';
      at(d.globalTransitions, 0).to = 'flaged';
    });
    expect(issuesOf(doc, 'unknown-step').map((i) => i.path)).toEqual([
      'entryStep',
      'globalTransitions[0].to',
    ]);
  });

  it('accepts a transition to a step defined later in the list', () => {
    const doc = edited((d) => {
      d.steps.push(step('later', 'exit'));
      at(d.steps, 1).transitions.push(to('later', leaf('score', 'greaterThan', 90)));
    });
    expect(issuesOf(doc, 'unknown-step')).toEqual([]);
  });
});

describe('duplicate-id', () => {
  it('flags a second step with the same id, naming the first', () => {
    const doc = edited((d) => {
      d.steps.push(step('treat', 'exit'));
    });
    const issue = only(issuesOf(doc, 'duplicate-id'));
    expect(issue).toMatchObject({ path: 'steps[4].id', stepId: 'treat' });
    expect(issue.message).toContain('Step "treat" is defined twice: already at steps[1]');
  });

  it('flags duplicate facts, alerts, conditions and measures', () => {
    const doc = edited((d) => {
      d.facts.push({ ...at(d.facts, 0) });
      d.measures.push({ ...at(d.measures, 0) });
      d.conditions.push({ ...at(d.conditions, 0) });
      d.alerts.push({ ...at(d.alerts, 1) });
    });
    expect(issuesOf(doc, 'duplicate-id').map((i) => i.path)).toEqual([
      'facts[6].name',
      'measures[1].id',
      'conditions[1].name',
      'alerts[2].id',
    ]);
  });

  it('flags a follow-up id used both by a step and by the pathway', () => {
    const followUp = { id: 'nrs-12w', title: texts('NRS'), measures: ['nrs'], at: { weeks: 12 } };
    const doc = edited((d) => {
      at(d.steps, 1).followUps = [followUp];
      d.followUps = [followUp];
    });
    expect(only(issuesOf(doc, 'duplicate-id')).path).toBe('followUps[0].id');
  });

  it('accepts a step and a fact that share a name, since they live apart', () => {
    const doc = edited(() => undefined);
    expect(doc.steps.some((s) => s.id === 'done')).toBe(true);
    expect(doc.facts.some((f) => f.name === 'done')).toBe(true);
    expect(issuesOf(doc, 'duplicate-id')).toEqual([]);
  });
});

describe('unknown-reference', () => {
  it('flags a cited reference that is not in the pathway references', () => {
    const doc = edited((d) => {
      d.references = [{ id: 'sbu-2021', title: 'SBU report 341' }];
      at(d.steps, 0).references = ['sbu-2012'];
    });
    const issue = only(issuesOf(doc, 'unknown-reference'));
    expect(issue).toMatchObject({ path: 'steps[0].references[0]', stepId: 'start' });
    expect(issue.message).toContain('"sbu-2012"');
    expect(issue.message).toContain('did you mean "sbu-2021"?');
  });

  it('accepts references cited from transitions, alerts and conditions that exist', () => {
    const doc = edited((d) => {
      d.references = [{ id: 'sbu-2021', title: 'SBU report 341' }];
      at(at(d.steps, 0).transitions, 0).references = ['sbu-2021'];
      at(d.alerts, 0).references = ['sbu-2021'];
      at(d.conditions, 0).references = ['sbu-2021'];
    });
    expect(issuesOf(doc, 'unknown-reference')).toEqual([]);
  });
});

describe('unknown-measure', () => {
  it('flags a follow-up asking for a measure that is not defined', () => {
    const doc = edited((d) => {
      at(d.steps, 1).followUps = [
        { id: 'nrs-12w', title: texts('NRS 12 v'), measures: ['nrs', 'hads'], at: { weeks: 12 } },
      ];
    });
    const issue = only(issuesOf(doc, 'unknown-measure'));
    expect(issue).toMatchObject({ path: 'steps[1].followUps[0].measures[1]', stepId: 'treat' });
    expect(issue.message).toContain('"hads"');
  });

  it('accepts a follow-up asking for defined measures', () => {
    const doc = edited((d) => {
      d.followUps = [{ id: 'nrs-yearly', title: texts('NRS'), measures: ['nrs'] }];
    });
    expect(issuesOf(doc, 'unknown-measure')).toEqual([]);
  });
});
