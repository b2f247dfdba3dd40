/** Warnings about things nothing uses, and the effective-dates rule. */
import { describe, expect, it } from 'vitest';
import { leaf } from '../fixtures/pathways';
import { at, edited, issuesOf, only } from './helpers';

describe('unused-fact', () => {
  it('warns about a fact that nothing reads', () => {
    const doc = edited((d) => {
      d.facts.push({ name: 'pdi', type: 'integer', label: { sv: 'PDI', en: 'PDI' } });
    });
    const issue = only(issuesOf(doc, 'unused-fact'));
    expect(issue).toMatchObject({ path: 'facts[6]', severity: 'warning' });
    expect(issue.message).toContain('Fact "pdi" is not used');
  });

  it('counts a fact read only by a measure, an alert message or a derivation as used', () => {
    const doc = edited((d) => {
      d.facts.push(
        { name: 'pdi', type: 'integer', label: { sv: 'PDI', en: 'PDI' } },
        { name: 'isi', type: 'integer', label: { sv: 'ISI', en: 'ISI' } },
        { name: 'pseq', type: 'integer', label: { sv: 'PSEQ', en: 'PSEQ' } },
        {
          name: 'pseqPercent',
          type: 'number',
          label: { sv: 'PSEQ %', en: 'PSEQ %' },
          derived: { kind: 'percentOf', part: 'pseq', whole: 'score' },
        },
      );
      at(d.measures, 0).facts = ['pdi'];
      at(d.alerts, 0).message = { sv: '{score} {isi}', en: '{score} {pseqPercent}' };
    });
    expect(issuesOf(doc, 'unused-fact')).toEqual([]);
  });
});

describe('unused-condition', () => {
  it('warns about a named condition that nothing refers to', () => {
    const doc = edited((d) => {
      d.conditions.push({ name: 'severe', when: leaf('score', 'greaterThan', 80) });
    });
    const issue = only(issuesOf(doc, 'unused-condition'));
    expect(issue).toMatchObject({ path: 'conditions[1]', severity: 'warning' });
    expect(issue.message).toContain('Condition "severe" is not used');
  });

  it('does not count a reference of a condition to itself as a use', () => {
    const doc = edited((d) => {
      d.conditions.push({ name: 'loop', when: { not: { condition: 'loop' } } });
    });
    expect(only(issuesOf(doc, 'unused-condition')).path).toBe('conditions[1]');
  });

  it('counts a reference from another condition or a follow-up as a use', () => {
    const doc = edited((d) => {
      d.conditions.push(
        { name: 'severe', when: leaf('score', 'greaterThan', 80) },
        {
          name: 'severeChronic',
          when: { all: [{ condition: 'chronic' }, { condition: 'severe' }] },
        },
      );
      d.followUps = [
        {
          id: 'check',
          title: { sv: 'Kontroll', en: 'Check' },
          measures: ['nrs'],
          dueWhen: { condition: 'severeChronic' },
        },
      ];
    });
    expect(issuesOf(doc, 'unused-condition')).toEqual([]);
  });
});

describe('effective-dates', () => {
  it('flags an effective.to before effective.from', () => {
    const doc = edited(() => undefined, { effective: { from: '2025-01-01', to: '2024-12-31' } });
    const issue = only(issuesOf(doc, 'effective-dates'));
    expect(issue.path).toBe('effective.to');
    expect(issue.message).toContain(
      'effective.to 2024-12-31 is not after effective.from 2025-01-01',
    );
  });

  it('flags an effective.to equal to effective.from, an empty period', () => {
    const doc = edited(() => undefined, { effective: { from: '2025-01-01', to: '2025-01-01' } });
    expect(only(issuesOf(doc, 'effective-dates')).path).toBe('effective.to');
  });

  it('accepts a period of one day', () => {
    const doc = edited(() => undefined, { effective: { from: '2025-01-01', to: '2025-01-02' } });
    expect(issuesOf(doc, 'effective-dates')).toEqual([]);
  });
});
