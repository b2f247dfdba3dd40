import { describe, expect, it } from 'vitest';
import { conditionJsonSchema, parseConditionText } from '../../editor/src/model/condition-json';
import { defaultValue, factRangeText, operatorsFor } from '../../editor/src/model/facts';
import { summarizeCondition } from '../../engine/describe/summary';
import { chronicPain } from './helpers';

const pathway = chronicPain();

describe('condition summaries for edge labels', () => {
  it('says a threshold in words with the unit: "pain duration ≥ 3 months"', () => {
    const when = {
      fact: 'painDurationMonths',
      operator: 'greaterThanInclusive' as const,
      value: 3,
    };
    expect(summarizeCondition(pathway, when, 'en')).toBe('pain duration ≥ 3 months');
    expect(summarizeCondition(pathway, when, 'sv')).toBe('smärtans duration ≥ 3 månader');
  });

  it('joins groups with and/or, brackets nested groups, and names named conditions', () => {
    const when = {
      all: [
        { condition: 'chronic' },
        {
          any: [
            { fact: 'declinesPathway', operator: 'equal' as const, value: true },
            { not: { condition: 'atRisk' } },
          ],
        },
      ],
    };
    expect(summarizeCondition(pathway, when, 'en')).toMatch(
      /^chronic and \(.+: yes or not atRisk\)$/,
    );
  });

  it('never throws on an unknown fact: the name stands in for the label', () => {
    expect(
      summarizeCondition(pathway, { fact: 'mystery', operator: 'lessThan', value: 2 }, 'en'),
    ).toBe('mystery < 2');
  });
});

describe('condition JSON', () => {
  it('accepts a valid condition and rejects broken JSON or a wrong shape with a reason', () => {
    expect(parseConditionText('{ "condition": "chronic" }')).toEqual({
      ok: true,
      value: { condition: 'chronic' },
    });
    const broken = parseConditionText('{ "all": [ ');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/^JSON:/);
    const wrong = parseConditionText('{ "fact": "age", "operator": "isAbout", "value": 3 }');
    expect(wrong.ok).toBe(false);
  });

  it('builds a JSON Schema that completes fact names with their unit and range, and named conditions', () => {
    const schema = JSON.stringify(conditionJsonSchema(pathway, 'en'));
    expect(schema).toContain('"painDurationMonths"');
    expect(schema).toContain('pain duration (number, months, 0–600)');
    expect(schema).toContain('"mmrEligible"');
  });
});

describe('the fact picker', () => {
  it('offers operators that fit the fact type and a starting value inside the range', () => {
    const duration = pathway.facts.find((f) => f.name === 'painDurationMonths');
    expect(operatorsFor(duration)[0]).toBe('greaterThanInclusive');
    expect(operatorsFor(pathway.facts.find((f) => f.type === 'boolean'))).toEqual([
      'equal',
      'notEqual',
    ]);
    expect(defaultValue(duration, 'greaterThanInclusive')).toBe(0);
    expect(defaultValue(duration, 'in')).toEqual([]);
    expect(factRangeText(duration!)).toBe('0–600');
  });
});
