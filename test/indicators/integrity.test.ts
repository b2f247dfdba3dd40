/**
 * A pathway whose indicators name something it does not have is refused when compiled, with
 * a typed error naming the field path, as the rest of the file's references are.
 */
import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import { compilePathway } from '../../engine/evaluate/compile';
import { compileIndicators } from '../../engine/indicators/evaluate';
import type { Pathway } from '../../engine/model/types';
import { leaf } from '../fixtures/pathways';
import { indicator, opioidIndicatorPathway } from './fixture';

function refusal(pathway: Pathway): PathwayError {
  try {
    compilePathway(pathway);
  } catch (error) {
    if (error instanceof PathwayError) return error;
    throw error;
  }
  throw new Error('compiled');
}

const onOpioid = leaf('onOpioid', 'equal', true);
const withIndicator = (numerator: Parameters<typeof indicator>[2], refs = ['cdc-2022']) => ({
  ...opioidIndicatorPathway(),
  indicators: [indicator('x', onOpioid, numerator, { references: refs })],
});

describe('refusing indicators that name what the pathway lacks', () => {
  it('refuses an unknown fact with UNKNOWN_FACT at the leaf path', () => {
    const error = refusal(withIndicator({ all: [onOpioid, leaf('opioidMmee', 'equal', 1)] }));
    expect(error.code).toBe('UNKNOWN_FACT');
    expect(error.issues[0]).toMatchObject({
      path: 'indicators[0].numerator.all[1].fact',
      value: 'opioidMmee',
    });
  });

  it('refuses an unknown fact on the value side of a fact-to-fact leaf', () => {
    const error = refusal(withIndicator(leaf('opioidMme', 'greaterThan', { fact: 'nope' })));
    expect(error.issues[0]).toMatchObject({
      code: 'UNKNOWN_FACT',
      path: 'indicators[0].numerator.value.fact',
    });
  });

  it('refuses $visited of an unknown step with UNKNOWN_STEP', () => {
    const error = refusal(withIndicator(leaf('$visited:nowhere', 'equal', true)));
    expect(error.issues[0]).toMatchObject({
      code: 'UNKNOWN_STEP',
      path: 'indicators[0].numerator.fact',
    });
  });

  it('refuses $step compared with an unknown step id', () => {
    const error = refusal(withIndicator(leaf('$step', 'in', ['start', 'elsewhere'])));
    expect(error.issues[0]).toMatchObject({
      code: 'UNKNOWN_STEP',
      path: 'indicators[0].numerator.value',
      value: 'elsewhere',
    });
  });

  it('refuses unknown alerts and follow-ups, naming them', () => {
    const alert = refusal(withIndicator(leaf('$alert:no-such-alert', 'equal', true)));
    expect(alert.issues[0]?.message).toContain("alert 'no-such-alert'");
    const followUp = refusal(withIndicator(leaf('$followUp:review', 'equal', 'due')));
    expect(followUp.issues[0]?.message).toContain("follow-up 'review'");
  });

  it('refuses a $status value it can never take', () => {
    const error = refusal(withIndicator(leaf('$status', 'equal', 'finished')));
    expect(error.issues[0]).toMatchObject({
      code: 'SCHEMA',
      path: 'indicators[0].numerator.value',
    });
  });

  it('refuses an unknown named condition and an unknown reference', () => {
    const error = refusal(withIndicator({ condition: 'nothing' }, ['cdc-2022', 'nobody-2020']));
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['UNKNOWN_CONDITION', 'indicators[0].numerator'],
      ['SCHEMA', 'indicators[0].references[1]'],
    ]);
  });

  it('refuses a duplicated indicator id', () => {
    const base = opioidIndicatorPathway();
    const first = base.indicators?.[0];
    if (first === undefined) throw new Error('fixture');
    const error = refusal({ ...base, indicators: [first, first] });
    expect(error.issues[0]).toMatchObject({ code: 'SCHEMA', path: 'indicators[1].id' });
  });

  it('refuses case-mix facts that are unknown or cannot be banded', () => {
    const error = refusal({
      ...opioidIndicatorPathway(),
      caseMix: [
        { fact: 'ageYears', bands: [18] },
        { fact: 'sex', bands: [1] },
      ],
    });
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['UNKNOWN_FACT', 'caseMix[0].fact'],
      ['SCHEMA', 'caseMix[1].bands'],
    ]);
  });

  it('compiles indicators of a sound pathway', () => {
    expect(compileIndicators(opioidIndicatorPathway()).infos).toHaveLength(6);
  });
});
