/**
 * Indicators are linted like the rest of the file: languages of their texts, the facts,
 * outcome terms and references they name, duplicated ids, and conditions that can never hold.
 */
import { describe, expect, it } from 'vitest';
import { lintPathway } from '../../engine/lint';
import type { Pathway } from '../../engine/model/types';
import { leaf } from '../fixtures/pathways';
import { indicator, walkIndicatorPathway } from '../indicators/fixture';

const issues = (doc: Pathway) => lintPathway(doc).map((i) => `${i.rule} ${i.path}`);

function withIndicators(...indicators: ReturnType<typeof indicator>[]): Pathway {
  return { ...walkIndicatorPathway(), indicators };
}

describe('linting indicators', () => {
  it('finds nothing wrong with a sound pathway with indicators and a case mix', () => {
    expect(
      issues({ ...walkIndicatorPathway(), caseMix: [{ fact: 'age', bands: [18, 65] }] }),
    ).toEqual([]);
  });

  it('asks for every declared language in an indicator title and description', () => {
    const doc = withIndicators(
      indicator('x', leaf('age', 'greaterThan', 0), leaf('done', 'equal', true), {
        title: { sv: 'Klar' },
        description: { en: 'Done' },
      }),
    );
    expect(issues(doc)).toEqual([
      'missing-text indicators[0].title.en',
      'missing-text indicators[0].description.sv',
    ]);
  });

  it('reports unknown facts and outcome terms naming what the pathway lacks', () => {
    const doc = withIndicators(
      indicator('x', leaf('agee', 'greaterThan', 0), {
        any: [leaf('$alert:no-such', 'equal', true), leaf('$visited:nowhere', 'equal', true)],
      }),
    );
    const found = lintPathway(doc);
    expect(found.map((i) => `${i.rule} ${i.path}`)).toEqual([
      'unknown-fact indicators[0].denominator.fact',
      'unknown-fact indicators[0].numerator.any[0].fact',
      'unknown-fact indicators[0].numerator.any[1].fact',
    ]);
    expect(found[0]?.message).toContain('did you mean "age"');
    expect(found[1]?.message).toContain(`alert 'no-such'`);
  });

  it('reports an unknown reference and a duplicated indicator id', () => {
    const a = indicator('x', leaf('age', 'greaterThan', 0), leaf('done', 'equal', true), {
      references: ['cdc-2021'],
    });
    expect(issues(withIndicators(a, { ...a, references: ['cdc-2022'] }))).toEqual([
      'unknown-reference indicators[0].references[0]',
      'duplicate-id indicators[1].id',
    ]);
  });

  it('warns about an indicator condition that can never hold, outcome terms included', () => {
    const doc = withIndicators(
      indicator('x', leaf('age', 'greaterThan', 200), {
        all: [leaf('$status', 'equal', 'settled'), leaf('$status', 'equal', 'needs-information')],
      }),
    );
    expect(issues(doc)).toEqual([
      'unsatisfiable-condition indicators[0].denominator',
      'threshold-out-of-range indicators[0].denominator.value',
      'unsatisfiable-condition indicators[0].numerator',
    ]);
  });

  it('counts a fact read only by an indicator or the case mix as used', () => {
    const base = walkIndicatorPathway();
    const doc: Pathway = {
      ...base,
      facts: [...base.facts, { name: 'sex', type: 'string', label: { sv: 'kön', en: 'sex' } }],
      caseMix: [{ fact: 'sex' }],
    };
    expect(issues(doc)).toEqual([]);
  });
});
