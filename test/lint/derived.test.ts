/** The derived-fact rule: inputs, types, MME tables and cycles of derivations. */
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../engine/model/types';
import { at, edited, issuesOf, only } from './helpers';

const medications: Fact = {
  name: 'medications',
  type: 'medications',
  label: { sv: 'läkemedel', en: 'medications' },
};

function fact(name: string, type: Fact['type'], derived: Fact['derived']): Fact {
  const f: Fact = { name, type, label: { sv: name, en: name } };
  if (derived !== undefined) f.derived = derived;
  return f;
}

const opioids = { prefixes: ['N02A'], codes: [] };

describe('derived-fact', () => {
  it('flags a medication derivation reading a fact that does not exist', () => {
    const doc = edited((d) => {
      d.facts.push(
        fact('onOpioid', 'boolean', { kind: 'medicationMatch', from: 'medication', atc: opioids }),
      );
    });
    const issue = only(issuesOf(doc, 'derived-fact'));
    expect(issue.path).toBe('facts[6].derived.from');
    expect(issue.message).toContain(
      'reads from fact "medication", which is not in the fact dictionary',
    );
  });

  it('flags a medication derivation reading a fact that is not a medication list', () => {
    const doc = edited((d) => {
      d.facts.push(
        fact('opioidDays', 'integer', { kind: 'daysSinceEarliest', from: 'age', atc: opioids }),
      );
    });
    const issue = only(issuesOf(doc, 'derived-fact'));
    expect(issue.path).toBe('facts[6].derived.from');
    expect(issue.message).toContain('fact "age" of type integer');
    expect(issue.message).toContain('needs medications');
  });

  it('flags arithmetic on a fact that is not a number', () => {
    const doc = edited((d) => {
      d.facts.push(
        fact('gain', 'number', { kind: 'difference', minuend: 'score', subtrahend: 'done' }),
      );
    });
    expect(only(issuesOf(doc, 'derived-fact')).path).toBe('facts[6].derived.subtrahend');
  });

  it('flags a derived fact declared with a type its derivation does not give', () => {
    const doc = edited((d) => {
      d.facts.push(
        medications,
        fact('onOpioid', 'integer', { kind: 'medicationMatch', from: 'medications', atc: opioids }),
      );
    });
    const issue = only(issuesOf(doc, 'derived-fact'));
    expect(issue.path).toBe('facts[7].type');
    expect(issue.message).toContain(
      'declared integer, but a medicationMatch derivation gives boolean',
    );
  });

  it('flags an MME table the engine does not know, on the fact and on the pathway', () => {
    const doc = edited(
      (d) => {
        d.facts.push(
          medications,
          fact('opioidMme', 'number', {
            kind: 'mme',
            from: 'medications',
            atc: opioids,
            table: 'anzca-2021',
          }),
        );
      },
      { mmeTable: 'uk-fpm' },
    );
    const issues = issuesOf(doc, 'derived-fact');
    expect(issues.map((i) => i.path)).toEqual(['mmeTable', 'facts[7].derived.table']);
    expect(issues[1]?.message).toContain(
      'uses MME table "anzca-2021", which is not a known table (cdc-2022)',
    );
  });

  it('accepts an MME table the caller says is known', () => {
    const doc = edited((d) => {
      d.facts.push(
        medications,
        fact('opioidMme', 'number', {
          kind: 'mme',
          from: 'medications',
          atc: opioids,
          table: 'anzca-2021',
        }),
      );
    });
    expect(issuesOf(doc, 'derived-fact', { mmeTables: ['cdc-2022', 'anzca-2021'] })).toEqual([]);
  });

  it('flags derived facts that depend on each other in a circle', () => {
    const doc = edited((d) => {
      d.facts.push(
        fact('a', 'number', { kind: 'difference', minuend: 'b', subtrahend: 'score' }),
        fact('b', 'number', { kind: 'percentOf', part: 'a', whole: 'score' }),
      );
    });
    const issue = only(issuesOf(doc, 'derived-fact'));
    expect(issue.path).toBe('facts[6].derived.minuend');
    expect(issue.message).toContain('"a" → "b" → "a"');
  });

  it('accepts well-formed derivations of every kind, including one built on another', () => {
    const doc = edited(
      (d) => {
        d.facts.push(
          medications,
          fact('onOpioid', 'boolean', {
            kind: 'medicationMatch',
            from: 'medications',
            atc: opioids,
          }),
          fact('opioidMme', 'number', { kind: 'mme', from: 'medications', atc: opioids }),
          fact('opioidDays', 'integer', {
            kind: 'daysSinceEarliest',
            from: 'medications',
            atc: opioids,
          }),
          fact('reduction', 'number', {
            kind: 'difference',
            minuend: 'score',
            subtrahend: 'painMonths',
          }),
          fact('reductionPercent', 'number', {
            kind: 'percentOf',
            part: 'reduction',
            whole: 'score',
          }),
          fact('daysInStep', 'integer', { kind: 'timeInStep', unit: 'days' }),
        );
      },
      { mmeTable: 'cdc-2022' },
    );
    expect(issuesOf(doc, 'derived-fact')).toEqual([]);
    expect(at(doc.facts, 6).name).toBe('medications');
  });
});
