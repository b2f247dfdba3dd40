/** Rules about comparisons that cannot mean what they say: operator-type, threshold-out-of-range. */
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../engine/model/types';
import { leaf } from '../fixtures/pathways';
import { at, edited, issuesOf, only } from './helpers';

/** The mini fixture with its first alert's condition replaced. */
const alertWhen = (when: Condition) =>
  edited((d) => {
    at(d.alerts, 0).when = when;
  });

describe('operator-type', () => {
  it('flags greaterThan on a boolean fact', () => {
    const issue = only(issuesOf(alertWhen(leaf('done', 'greaterThan', 1)), 'operator-type'));
    expect(issue).toMatchObject({ path: 'alerts[0].when.operator', alertId: 'high-score' });
    expect(issue.message).toContain(
      'Operator "greaterThan" does not fit fact "done" of type boolean',
    );
  });

  it('flags greaterThan on a string[] fact', () => {
    const issue = only(issuesOf(alertWhen(leaf('flags', 'greaterThan', 1)), 'operator-type'));
    expect(issue.message).toContain('of type string[]');
  });

  it('flags notEmpty on a fact that is not a list', () => {
    const issue = only(issuesOf(alertWhen(leaf('score', 'notEmpty', true)), 'operator-type'));
    expect(issue.path).toBe('alerts[0].when.operator');
    expect(issue.message).toContain('"notEmpty"');
  });

  it('flags contains on a fact that is not a list', () => {
    const issue = only(issuesOf(alertWhen(leaf('age', 'contains', 5)), 'operator-type'));
    expect(issue.message).toContain('"contains" does not fit fact "age" of type integer');
  });

  it('flags a number fact compared with a string', () => {
    const issue = only(issuesOf(alertWhen(leaf('score', 'greaterThan', '50')), 'operator-type'));
    expect(issue.path).toBe('alerts[0].when.value');
    expect(issue.message).toContain('Value "50" does not fit fact "score" of type integer');
  });

  it('flags in with a single value instead of a list', () => {
    const issue = only(issuesOf(alertWhen(leaf('score', 'in', 50)), 'operator-type'));
    expect(issue.path).toBe('alerts[0].when.value');
    expect(issue.message).toContain('needs a list of values');
  });

  it('flags the one element of an in-list that has the wrong type', () => {
    const issue = only(issuesOf(alertWhen(leaf('score', 'notIn', [10, 'x'])), 'operator-type'));
    expect(issue.path).toBe('alerts[0].when.value[1]');
  });

  it('flags notEmpty with a value other than true or false', () => {
    const issue = only(issuesOf(alertWhen(leaf('flags', 'notEmpty', 'yes')), 'operator-type'));
    expect(issue.path).toBe('alerts[0].when.value');
  });

  it('flags a comparison with another fact of an incomparable type', () => {
    const issue = only(
      issuesOf(alertWhen(leaf('age', 'greaterThan', { fact: 'done' })), 'operator-type'),
    );
    expect(issue.path).toBe('alerts[0].when.value.fact');
    expect(issue.message).toContain('fact "done" (boolean)');
  });

  it('accepts comparisons whose operator and value fit the fact', () => {
    const doc = alertWhen({
      all: [
        leaf('painMonths', 'greaterThan', { fact: 'score' }),
        leaf('flags', 'contains', 'a'),
        leaf('flags', 'notEmpty', false),
        leaf('score', 'in', [10, 20]),
        leaf('done', 'notEqual', false),
        leaf('weeksInStep', 'lessThan', 2.5),
      ],
    });
    expect(issuesOf(doc, 'operator-type')).toEqual([]);
  });

  it('leaves a leaf on an unknown fact to unknown-fact', () => {
    expect(issuesOf(alertWhen(leaf('nope', 'greaterThan', 'x')), 'operator-type')).toEqual([]);
  });
});

describe('threshold-out-of-range', () => {
  it('flags a threshold above the declared range of the fact', () => {
    const doc = alertWhen(leaf('score', 'greaterThanInclusive', 150));
    const issue = only(issuesOf(doc, 'threshold-out-of-range'));
    expect(issue).toMatchObject({ path: 'alerts[0].when.value', severity: 'error' });
    expect(issue.message).toContain('Threshold 150 for fact "score"');
    expect(issue.message).toContain('outside its range 0–100');
  });

  it('flags a threshold below the range and an out-of-range element of an in-list', () => {
    const doc = alertWhen({
      any: [leaf('age', 'lessThan', -1), leaf('score', 'in', [10, 101])],
    });
    expect(issuesOf(doc, 'threshold-out-of-range').map((i) => i.path)).toEqual([
      'alerts[0].when.any[0].value',
      'alerts[0].when.any[1].value[1]',
    ]);
  });

  it('flags a value that is not among the declared values of the fact', () => {
    const issue = only(
      issuesOf(alertWhen(leaf('flags', 'contains', 'c')), 'threshold-out-of-range'),
    );
    expect(issue.message).toContain('Value "c" for fact "flags"');
    expect(issue.message).toContain('not one of its values: "a", "b"');
  });

  it('accepts thresholds on the edges of the range and ranges open at one end', () => {
    const doc = alertWhen({
      all: [
        leaf('score', 'lessThanInclusive', 100),
        leaf('score', 'greaterThan', 0),
        leaf('weeksInStep', 'greaterThan', 1000),
        leaf('flags', 'doesNotContain', 'b'),
      ],
    });
    expect(issuesOf(doc, 'threshold-out-of-range')).toEqual([]);
  });

  it('leaves a value of the wrong type to operator-type', () => {
    expect(issuesOf(alertWhen(leaf('score', 'equal', '500')), 'threshold-out-of-range')).toEqual(
      [],
    );
  });
});

describe('operator-type on date facts', () => {
  /** The mini fixture with a date fact `seenOn` compared in its first alert. */
  const seenOn = (value: unknown) =>
    edited((d) => {
      d.facts.push({ name: 'seenOn', type: 'date', label: { en: 'Seen on' } });
      at(d.alerts, 0).when = leaf('seenOn', 'lessThan', value);
    });

  it('flags a date that is no real calendar date, such as 2026-02-30', () => {
    const issue = only(issuesOf(seenOn('2026-02-30'), 'operator-type'));
    expect(issue.path).toBe('alerts[0].when.value');
  });

  it('accepts 29 February of a leap year', () => {
    expect(issuesOf(seenOn('2028-02-29'), 'operator-type')).toEqual([]);
  });
});
