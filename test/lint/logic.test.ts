/** Conditions whose answer does not depend on the patient: never true, always true, not written yet. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEVER_TRUE, coverEveryValue, isNeverTrue, shapeTruth } from '../../engine/lint/constant';
import { namedConditions } from '../../engine/model/condition';
import { pathwaySchema } from '../../engine/model/schema';
import type { Condition, Fact, LeafCondition } from '../../engine/model/types';
import { loadRepository } from '../../engine/node/repository';
import { lintPathway } from '../../engine/lint';
import { leaf } from '../fixtures/pathways';
import { at, edited, issuesOf, only } from './helpers';

const score: Fact = {
  name: 'score',
  type: 'integer',
  range: { min: 0, max: 100 },
  label: { en: 'score' },
};

const cmp = (operator: string, value: unknown): LeafCondition =>
  leaf('score', operator, value) as LeafCondition;

describe('the never-true default', () => {
  it('passes the schema, as the editor writes it into a new transition', () => {
    const doc = edited((d) => {
      at(d.steps, 0).transitions.push({ to: 'done', when: NEVER_TRUE, reason: { en: 'x' } });
    });
    expect(pathwaySchema.safeParse(doc).success).toBe(true);
  });

  it('is recognised, and nothing else is', () => {
    expect(isNeverTrue({ not: { all: [] } })).toBe(true);
    expect(isNeverTrue({ not: { all: [leaf('age', 'equal', 1)] } })).toBe(false);
    expect(isNeverTrue({ all: [] })).toBe(false);
  });
});

describe('incomplete-condition', () => {
  it('marks a new transition, alert and named condition as not written yet', () => {
    const doc = edited((d) => {
      at(d.steps, 1).transitions.push({ to: 'flagged', when: NEVER_TRUE, reason: { en: 'x' } });
      d.alerts.push({ id: 'new-alert', severity: 'critical', when: NEVER_TRUE, message: {} });
      d.conditions.push({ name: 'draft', when: NEVER_TRUE });
    });
    const issues = issuesOf(doc, 'incomplete-condition');
    expect(issues.map((i) => i.path)).toEqual([
      'conditions[1].when',
      'steps[1].transitions[1].when',
      'alerts[2].when',
    ]);
    expect(at(issues, 1)).toMatchObject({ stepId: 'treat', transitionIndex: 1 });
    expect(at(issues, 2).alertId).toBe('new-alert');
    expect(at(issues, 2).message).toBe(
      'The condition of alert "new-alert" is not written yet: it is never true until it is edited',
    );
    // Reported once, as incomplete: not also as never true.
    expect(issuesOf(doc, 'never-true-condition')).toEqual([]);
  });

  it('goes once the condition is written', () => {
    const doc = edited((d) => {
      d.alerts.push({
        id: 'new-alert',
        severity: 'critical',
        when: leaf('age', 'lessThan', 18),
        message: {},
      });
    });
    expect(issuesOf(doc, 'incomplete-condition')).toEqual([]);
  });
});

describe('never-true-condition', () => {
  it('flags an all that contains a part never true by its shape', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).when = { all: [leaf('score', 'greaterThan', 3), NEVER_TRUE] };
    });
    const issue = only(issuesOf(doc, 'never-true-condition'));
    expect(issue.path).toBe('alerts[0].when');
    expect(issue.message).toContain('never true');
  });

  it('flags a transition naming a named condition that is not written yet', () => {
    const doc = edited((d) => {
      d.conditions.push({ name: 'draft', when: NEVER_TRUE });
      at(d.steps, 1).transitions.push({
        to: 'flagged',
        when: { all: [leaf('done', 'equal', true), { condition: 'draft' }] },
        reason: { en: 'x' },
      });
    });
    expect(only(issuesOf(doc, 'never-true-condition')).path).toBe('steps[1].transitions[1].when');
  });
});

describe('always-true-condition', () => {
  it('flags an empty all, which json-rules-engine and the engine both answer true', () => {
    const doc = edited((d) => {
      at(d.alerts, 1).when = { all: [] };
    });
    const issue = only(issuesOf(doc, 'always-true-condition'));
    expect(issue).toMatchObject({ path: 'alerts[1].when', alertId: 'old' });
    expect(issue.message).toContain('an empty "all" is always true');
  });

  it('flags not of the never-true default, and an any holding an always-true part', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).when = { not: NEVER_TRUE };
      at(d.alerts, 1).when = { any: [leaf('age', 'greaterThan', 65), { all: [] }] };
    });
    expect(issuesOf(doc, 'always-true-condition').map((i) => i.path)).toEqual([
      'alerts[0].when',
      'alerts[1].when',
    ]);
  });

  it('flags a comparison every declared value meets', () => {
    const doc = edited((d) => {
      at(d.alerts, 1).when = leaf('age', 'greaterThanInclusive', 0);
    });
    expect(only(issuesOf(doc, 'always-true-condition')).message).toBe(
      'The condition of alert "old" is true for every known age at alerts[1].when: age ≥ 0, and its range is 0–120 (whole numbers)',
    );
  });

  it('flags an any whose comparisons on one fact leave no value out', () => {
    const doc = edited((d) => {
      at(d.alerts, 1).when = {
        any: [
          leaf('age', 'lessThan', 18),
          leaf('done', 'equal', true),
          leaf('age', 'greaterThan', 17),
        ],
      };
    });
    const issue = only(issuesOf(doc, 'always-true-condition'));
    expect(issue.path).toBe('alerts[1].when');
    expect(issue.message).toContain('age < 18 or age > 17 leave no value out');
  });

  it('stays silent when a value is left out, or a comparison cannot be judged', () => {
    const doc = edited((d) => {
      at(d.alerts, 1).when = {
        any: [leaf('age', 'lessThan', 18), leaf('age', 'greaterThan', 18)],
      };
      at(d.alerts, 0).when = {
        any: [leaf('score', 'lessThan', { fact: 'age' }), leaf('score', 'greaterThanInclusive', 0)],
      };
    });
    expect(issuesOf(doc, 'always-true-condition').map((i) => i.path)).toEqual([
      'alerts[0].when.any[1]',
    ]);
  });
});

describe('shapeTruth and coverEveryValue', () => {
  const named = namedConditions({ conditions: [{ name: 'never', when: NEVER_TRUE }] });
  it('follows named conditions and not', () => {
    expect(shapeTruth({ condition: 'never' }, named)).toBe('never');
    expect(shapeTruth({ not: { condition: 'never' } }, named)).toBe('always');
    expect(shapeTruth({ any: [{ condition: 'never' }, leaf('a', 'equal', 1)] }, named)).toBe(
      undefined,
    );
  });

  it('judges integers as whole numbers', () => {
    expect(
      coverEveryValue([cmp('lessThanInclusive', 3), cmp('greaterThanInclusive', 4)], score),
    ).toBe(true);
    expect(coverEveryValue([cmp('lessThan', 3), cmp('greaterThan', 3)], score)).toBe(false);
    expect(coverEveryValue([cmp('in', [1, 2])], score)).toBe(false);
  });
});

describe('contradictions in an all (unsatisfiable-condition)', () => {
  it('flags "> 6 months and < 3 months", x = a and x = b, and a bound from a named condition', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).when = {
        all: [leaf('painMonths', 'greaterThan', 6), leaf('painMonths', 'lessThan', 3)],
      };
      at(d.alerts, 1).when = {
        all: [leaf('age', 'equal', 30), leaf('age', 'equal', 40)],
      };
      at(at(d.steps, 1).transitions, 0).when = {
        all: [{ condition: 'chronic' }, leaf('painMonths', 'lessThan', 3)],
      };
    });
    expect(issuesOf(doc, 'unsatisfiable-condition').map((i) => i.path)).toEqual([
      'steps[1].transitions[0].when',
      'alerts[0].when',
      'alerts[1].when',
    ]);
  });
});

describe('the shipped pathways', () => {
  it('give no warning of the new rules', async () => {
    const repo = await loadRepository(join(process.cwd(), 'pathways'));
    for (const versions of repo.pathways.values()) {
      for (const version of versions) {
        const rules = lintPathway(version.pathway).map((i) => i.rule);
        expect(rules.filter((r) => r.endsWith('-condition'))).toEqual([]);
      }
    }
  });
});

describe('message-threshold with units', () => {
  const mme: Fact = {
    name: 'mme',
    type: 'number',
    unit: 'MME/day',
    range: { min: 0 },
    label: { sv: 'MME', en: 'MME' },
  };
  const alertSaying = (sv: string, en: string, when: Condition) =>
    edited((d) => {
      d.facts.push(mme);
      at(d.alerts, 0).when = when;
      at(d.alerts, 0).message = { sv, en };
    });

  it('flags a number with a unit that only a fact of another unit compares with', () => {
    const doc = alertSaying('Dos ≥ 50 MME/dygn', 'Dose ≥ 50 MME/day', {
      all: [leaf('age', 'greaterThanInclusive', 50), leaf('mme', 'greaterThanInclusive', 90)],
    });
    const issues = issuesOf(doc, 'message-threshold');
    expect(issues.map((i) => i.path)).toEqual(['alerts[0].message.sv', 'alerts[0].message.en']);
    expect(at(issues, 1).message).toBe(
      'Alert "high-score" message in English (en) says "≥ 50 MME/day", but its condition compares no MME/day fact with 50 (its MME/day numbers: 90)',
    );
  });

  it('reads the unit in the text’s language, and stays silent when the numbers agree', () => {
    const doc = alertSaying('Dos 90 MME/dygn eller mer', 'Dose 90 MME/day or more', {
      all: [leaf('age', 'greaterThanInclusive', 50), leaf('mme', 'greaterThanInclusive', 90)],
    });
    expect(issuesOf(doc, 'message-threshold')).toEqual([]);
    const changed = alertSaying('Dos 90 MME/dygn eller mer', 'Dose 90 MME/day or more', {
      all: [leaf('mme', 'greaterThanInclusive', 40)],
    });
    expect(issuesOf(changed, 'message-threshold').map((i) => i.path)).toEqual([
      'alerts[0].message.sv',
      'alerts[0].message.en',
    ]);
  });
});
