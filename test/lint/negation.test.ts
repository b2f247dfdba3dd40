/** Contradictions and always-true comparisons seen through `not` (negation pushed down to comparisons). */
import { describe, expect, it } from 'vitest';
import { conjuncts, conjunctText } from '../../engine/lint/conjuncts';
import { namedConditions } from '../../engine/model/condition';
import { leaf } from '../fixtures/pathways';
import { at, edited, issuesOf } from './helpers';

describe('conjuncts', () => {
  const named = namedConditions({
    conditions: [{ name: 'short', when: leaf('painMonths', 'lessThan', 3) }],
  });

  it('pushes not through any, not and named conditions, and negates comparisons exactly', () => {
    const found = conjuncts(
      {
        all: [
          leaf('age', 'greaterThan', 6),
          { not: { any: [leaf('age', 'greaterThan', 3), { condition: 'short' }] } },
          { not: { not: leaf('score', 'in', [1, 2]) } },
        ],
      },
      named,
    );
    expect(found.map(conjunctText)).toEqual([
      'age > 6',
      'not age > 3',
      'not painMonths < 3',
      'score in [1,2]',
    ]);
    expect(found.map((part) => part.leaf.operator)).toEqual([
      'greaterThan',
      'lessThanInclusive',
      'greaterThanInclusive',
      'in',
    ]);
  });

  it('adds nothing for a not all (a disjunction) or an operator without an exact complement', () => {
    expect(conjuncts({ not: { all: [leaf('age', 'greaterThan', 3)] } }, named)).toEqual([]);
    expect(conjuncts({ not: leaf('flags', 'contains', 'x') }, named)).toEqual([]);
  });
});

describe('unsatisfiable-condition through not', () => {
  it('flags all [x > 6, not (x > 3)] once, at the all, in the author’s words', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).when = {
        all: [leaf('painMonths', 'greaterThan', 6), { not: leaf('painMonths', 'greaterThan', 3) }],
      };
    });
    const issues = issuesOf(doc, 'unsatisfiable-condition');
    expect(issues.map((i) => [i.path, i.alertId])).toEqual([['alerts[0].when', 'high-score']]);
    expect(issues[0]?.message).toContain(
      'painMonths > 6 and not painMonths > 3 exclude each other',
    );
  });

  it('flags not any [...] whose parts cannot all be false, and not of a comparison every value meets', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).when = {
        not: { any: [leaf('age', 'lessThan', 18), leaf('age', 'greaterThan', 17)] },
      };
      at(d.alerts, 1).when = {
        all: [leaf('done', 'equal', true), { not: leaf('age', 'greaterThanInclusive', 0) }],
      };
    });
    const issues = issuesOf(doc, 'unsatisfiable-condition');
    expect(issues.map((i) => i.path)).toEqual(['alerts[0].when', 'alerts[1].when.all[1]']);
    expect(issues[1]?.message).toContain('not age ≥ 0, but its range is 0–120');
  });

  it('stays silent where the negation leaves a value, or is only a disjunction', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).when = {
        all: [leaf('painMonths', 'greaterThan', 6), { not: leaf('painMonths', 'greaterThan', 9) }],
      };
      at(d.alerts, 1).when = {
        all: [
          leaf('age', 'greaterThan', 6),
          { not: { all: [leaf('age', 'greaterThan', 3), leaf('done', 'equal', true)] } },
        ],
      };
    });
    expect(issuesOf(doc, 'unsatisfiable-condition')).toEqual([]);
  });

  it('treats a missing fact as unknown: not (x ≠ 5) with x = 6 contradicts, nothing is assumed false', () => {
    // not(x ≠ 5) is x = 5 for a known x and unknown for a missing one: the pair can never be true,
    // but neither is turned into "false when missing" (which would also flag `not (x = 5)` alone).
    const doc = edited((d) => {
      at(d.alerts, 0).when = {
        all: [leaf('age', 'equal', 6), { not: leaf('age', 'notEqual', 5) }],
      };
      at(d.alerts, 1).when = { not: leaf('age', 'equal', 5) };
    });
    expect(issuesOf(doc, 'unsatisfiable-condition').map((i) => i.path)).toEqual(['alerts[0].when']);
  });
});

describe('always-true-condition through not', () => {
  it('flags not of a comparison no value meets, and any [x < 18, not (x < 18)]', () => {
    const doc = edited((d) => {
      at(d.alerts, 0).when = { not: leaf('age', 'greaterThan', 120) };
      at(d.alerts, 1).when = {
        any: [leaf('age', 'lessThan', 18), { not: leaf('age', 'lessThan', 18) }],
      };
    });
    const issues = issuesOf(doc, 'always-true-condition');
    expect(issues.map((i) => i.path)).toEqual(['alerts[0].when', 'alerts[1].when']);
    expect(issues[0]?.message).toContain('not age > 120, and its range is 0–120');
    expect(issues[1]?.message).toContain('age < 18 or not age < 18 leave no value out');
  });

  it('flags not all [x < 18, x > 17], which is any [not x < 18, not x > 17]', () => {
    const doc = edited((d) => {
      at(d.alerts, 1).when = {
        not: { all: [leaf('age', 'lessThan', 10), leaf('age', 'greaterThan', 5)] },
      };
    });
    expect(issuesOf(doc, 'always-true-condition').map((i) => i.path)).toEqual([]);
    const covering = edited((d) => {
      at(d.alerts, 1).when = {
        not: { all: [leaf('age', 'lessThan', 10), leaf('age', 'greaterThan', 20)] },
      };
    });
    expect(issuesOf(covering, 'always-true-condition').map((i) => i.path)).toEqual([
      'alerts[1].when',
    ]);
  });
});
