/** Rules about conditions that disagree with their texts or with themselves. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPathway } from '../../engine/lint';
import { statedThresholds } from '../../engine/lint/rules/message-threshold';
import type { Condition, Fact } from '../../engine/model/types';
import { loadRepository } from '../../engine/node/repository';
import { leaf } from '../fixtures/pathways';
import { at, edited, issuesOf, only } from './helpers';

const sickLeave: Fact = {
  name: 'sickLeavePercent',
  type: 'integer',
  unit: '%',
  values: [0, 25, 50, 75, 100],
  label: { sv: 'sjukskrivning', en: 'sick leave' },
};

const dose: Fact = {
  name: 'mme',
  type: 'number',
  unit: 'MME/day',
  range: { min: 0 },
  label: { sv: 'MME', en: 'MME' },
};

describe('message-threshold', () => {
  it('flags a message that names a threshold its condition does not use', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).when = leaf('score', 'greaterThanInclusive', 40);
    });
    const issues = issuesOf(doc, 'message-threshold');
    expect(issues.map((i) => i.path)).toEqual(['alerts[0].message.sv', 'alerts[0].message.en']);
    const issue = at(issues, 0);
    expect(issue).toMatchObject({ severity: 'warning', alertId: 'high-score' });
    expect(issue.message).toBe(
      'Alert "high-score" message in Swedish (sv) says "≥ 50", but its condition uses no 50 (its numbers: 40)',
    );
  });

  it('reads comparison words in Swedish, Danish and English', () => {
    const doc = edited((d) => {
      d.languages = ['sv', 'da', 'en'];
      at(d.alerts, 1).message = {
        sv: 'Ålder {age} över 70',
        da: 'Alder {age} mindst 65',
        en: 'Age {age}, at most 60',
      };
    });
    const issues = issuesOf(doc, 'message-threshold');
    expect(issues.map((i) => i.path)).toEqual(['alerts[1].message.sv', 'alerts[1].message.en']);
    expect(at(issues, 1).message).toContain('says "at most 60"');
  });

  it('reads a number written before the unit of a compared fact', () => {
    const doc = edited((d) => {
      d.facts.push(dose);
      d.alerts.push({
        id: 'dose',
        severity: 'warning',
        when: leaf('mme', 'greaterThanInclusive', 90),
        message: { sv: 'Dos {mme} MME/day, gräns 90', en: 'Dose of 100 MME/day or more' },
      });
    });
    const issue = only(issuesOf(doc, 'message-threshold'));
    expect(issue.path).toBe('alerts[2].message.en');
    expect(issue.message).toContain('says "100 MME/day"');
  });

  it('accepts a threshold used in a named condition the alert refers to', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).when = { all: [{ condition: 'chronic' }, leaf('score', 'greaterThan', 1)] };
      at(d.alerts, 0).message = { sv: 'Smärta ≥ 3 månader', en: 'Pain for at least 3 months' };
    });
    expect(issuesOf(doc, 'message-threshold')).toEqual([]);
  });

  it('checks transition reasons and named-condition descriptions too', () => {
    const doc = edited((d) => {
      at(at(d.steps, 1).transitions, 0).reason = {
        sv: 'Klar efter 12 veckor',
        en: 'Done after ≥ 8 weeks',
      };
      at(d.conditions, 0).description = { sv: 'Smärta minst 3 månader', en: 'Pain for 6 months' };
    });
    const issues = issuesOf(doc, 'message-threshold');
    expect(issues.map((i) => i.message)).toContain(
      'Condition "chronic" description in English (en) says "6 months", but its condition uses no 6 (its numbers: 3)',
    );
    expect(issues).toHaveLength(2);
    const issue = at(issues, 1);
    expect(issue).toMatchObject({
      path: 'steps[1].transitions[0].reason.en',
      stepId: 'treat',
      transitionIndex: 0,
    });
    expect(issue.message).toBe(
      'Step "treat" transition to "done" reason in English (en) says "≥ 8", but its condition uses no 8 (its numbers: 12)',
    );
  });

  it('stays silent on placeholders, ranges, codes and counts that are not thresholds', () => {
    expect(
      statedThresholds(
        'HADS {hadsAnxiety} (8–10) of 6 ICD-10 criteria, CBT-I, EQ-5D, {score} ≥ {limit}',
        ['days'],
      ),
    ).toEqual([]);
  });

  it('reads a decimal comma and the signs ≥ ≤ > < = ≠', () => {
    expect(
      statedThresholds('a ≥ 1,5; b ≤ 2; c > 3; d < 4; e = 5; f ≠ 6', []).map((s) => s.value),
    ).toEqual([1.5, 2, 3, 4, 5, 6]);
  });

  it('finds no disagreement in the chronic pain files', async () => {
    const repo = await loadRepository(join(import.meta.dirname, '../../pathways'));
    const versions = [...(repo.pathways.get('chronic-pain') ?? [])];
    expect(versions.length).toBeGreaterThanOrEqual(2);
    for (const version of versions) {
      const issues = lintPathway(version.pathway).filter(
        (i) => i.rule === 'message-threshold' || i.rule === 'unsatisfiable-condition',
      );
      expect(issues, version.pathway.version).toEqual([]);
    }
  });
});

describe('unsatisfiable-condition', () => {
  function withAlert(when: Condition, extraFacts: Fact[] = []) {
    return edited((d) => {
      d.facts.push(...extraFacts);
      at(d.alerts, 0).when = when;
      at(d.alerts, 0).message = { sv: 'Poäng {score}', en: 'Score {score}' };
    });
  }

  it('flags bounds on one fact that exclude each other, naming the path', () => {
    const doc = withAlert({
      all: [
        leaf('score', 'greaterThan', 6),
        leaf('done', 'equal', true),
        leaf('score', 'lessThan', 3),
      ],
    });
    const issue = only(issuesOf(doc, 'unsatisfiable-condition'));
    expect(issue).toMatchObject({
      severity: 'warning',
      path: 'alerts[0].when',
      alertId: 'high-score',
    });
    expect(issue.message).toBe(
      'The condition of alert "high-score" can never be true at alerts[0].when: score > 6 and score < 3 exclude each other',
    );
  });

  it('flags ≥ 5 and < 5, and two different equal values', () => {
    expect(
      issuesOf(
        withAlert({
          all: [leaf('score', 'greaterThanInclusive', 5), leaf('score', 'lessThan', 5)],
        }),
        'unsatisfiable-condition',
      ),
    ).toHaveLength(1);
    expect(
      issuesOf(
        withAlert({ all: [leaf('score', 'equal', 2), leaf('score', 'equal', 3)] }),
        'unsatisfiable-condition',
      ),
    ).toHaveLength(1);
    expect(
      issuesOf(
        withAlert({ all: [leaf('done', 'equal', true), leaf('done', 'equal', false)] }),
        'unsatisfiable-condition',
      ),
    ).toHaveLength(1);
  });

  it('knows there is no whole number strictly between 6 and 7, but a decimal one', () => {
    const between = (fact: string) => ({
      all: [leaf(fact, 'greaterThan', 6), leaf(fact, 'lessThan', 7)],
    });
    expect(issuesOf(withAlert(between('score')), 'unsatisfiable-condition')).toHaveLength(1);
    expect(issuesOf(withAlert(between('painMonths')), 'unsatisfiable-condition')).toEqual([]);
  });

  it('accepts bounds that leave a value: ≥ 5 and ≤ 5, or an any of opposite bounds', () => {
    const point = withAlert({
      all: [leaf('score', 'greaterThanInclusive', 5), leaf('score', 'lessThanInclusive', 5)],
    });
    expect(issuesOf(point, 'unsatisfiable-condition')).toEqual([]);
    const either = withAlert({
      any: [leaf('score', 'greaterThan', 6), leaf('score', 'lessThan', 3)],
    });
    expect(issuesOf(either, 'unsatisfiable-condition')).toEqual([]);
  });

  it('sees a contradiction with a named condition the all refers to, in a transition', () => {
    const doc = edited((d) => {
      at(at(d.steps, 0).transitions, 0).when = {
        all: [{ condition: 'chronic' }, leaf('painMonths', 'lessThan', 2)],
      };
    });
    expect(only(issuesOf(doc, 'unsatisfiable-condition'))).toMatchObject({
      path: 'steps[0].transitions[0].when',
      stepId: 'start',
      transitionIndex: 0,
    });
  });

  it('reports a contradiction once, at the innermost all', () => {
    const doc = withAlert({
      all: [
        leaf('done', 'equal', true),
        { all: [leaf('score', 'greaterThan', 6), leaf('score', 'lessThan', 3)] },
      ],
    });
    expect(only(issuesOf(doc, 'unsatisfiable-condition')).path).toBe('alerts[0].when.all[1]');
  });

  it('flags a comparison no declared value can meet', () => {
    const beyond = only(
      issuesOf(withAlert(leaf('age', 'greaterThan', 130)), 'unsatisfiable-condition'),
    );
    expect(beyond.message).toBe(
      'The condition of alert "high-score" can never be true at alerts[0].when: age > 130, but its range is 0–120 (whole numbers)',
    );
    expect(
      issuesOf(withAlert(leaf('age', 'greaterThan', 120)), 'unsatisfiable-condition'),
    ).toHaveLength(1);
    expect(issuesOf(withAlert(leaf('age', 'lessThan', 0)), 'unsatisfiable-condition')).toHaveLength(
      1,
    );
    const percent = only(
      issuesOf(
        withAlert(leaf('sickLeavePercent', 'equal', 30), [sickLeave]),
        'unsatisfiable-condition',
      ),
    );
    expect(percent.message).toContain(
      'sickLeavePercent = 30, but its values are 0, 25, 50, 75, 100',
    );
    expect(
      issuesOf(
        withAlert(leaf('sickLeavePercent', 'in', [30, 40]), [sickLeave]),
        'unsatisfiable-condition',
      ),
    ).toHaveLength(1);
  });

  it('accepts thresholds on the edge of the range that still hold for one value', () => {
    expect(
      issuesOf(withAlert(leaf('age', 'greaterThanInclusive', 120)), 'unsatisfiable-condition'),
    ).toEqual([]);
    expect(
      issuesOf(
        withAlert(leaf('sickLeavePercent', 'equal', 25), [sickLeave]),
        'unsatisfiable-condition',
      ),
    ).toEqual([]);
  });

  it('checks named conditions and follow-up conditions as roots too', () => {
    const doc = edited((d) => {
      at(d.conditions, 0).when = {
        all: [leaf('painMonths', 'greaterThan', 6), leaf('painMonths', 'lessThan', 3)],
      };
      d.followUps = [
        {
          id: 'yearly',
          title: { sv: 'År', en: 'Year' },
          measures: ['nrs'],
          dueWhen: { all: [leaf('score', 'equal', 2), leaf('score', 'notEqual', 2)] },
        },
      ];
    });
    expect(issuesOf(doc, 'unsatisfiable-condition').map((i) => i.path)).toEqual([
      'conditions[0].when',
      'followUps[0].dueWhen',
    ]);
  });

  it('leaves comparisons with other facts and unknown facts alone', () => {
    const doc = withAlert({
      all: [
        leaf('score', 'greaterThan', { fact: 'age' }),
        leaf('score', 'lessThan', { fact: 'age' }),
      ],
    });
    expect(issuesOf(doc, 'unsatisfiable-condition')).toEqual([]);
    expect(
      issuesOf(
        withAlert({ all: [leaf('nope', 'greaterThan', 6), leaf('nope', 'lessThan', 3)] }),
        'unsatisfiable-condition',
      ),
    ).toEqual([]);
  });
});
