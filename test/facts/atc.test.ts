import { describe, expect, it } from 'vitest';
import { describeAtcProblem, isAtcCode, isAtcGroup, matchesAtc } from '../../engine/facts/atc';
import { SELECTORS } from '../fixtures/facts';

describe('ATC codes', () => {
  it('accepts a full 7-character substance code', () => {
    expect(isAtcCode('N02AA05')).toBe(true);
    expect(isAtcCode('N03AE01')).toBe(true);
  });

  it.each(['N02A', 'N02AA', 'n02aa05', 'N02AA5', 'N02AA055', '02AA05X', 'N0AAA05', ''])(
    'rejects %j as a medication code',
    (code) => {
      expect(isAtcCode(code)).toBe(false);
    },
  );

  it('accepts group codes of every level as groups', () => {
    for (const code of ['N', 'N02', 'N02A', 'N02AA', 'N02AA05'])
      expect(isAtcGroup(code)).toBe(true);
    expect(isAtcGroup('N0')).toBe(false);
  });

  it('explains a group code given where a substance is needed', () => {
    expect(describeAtcProblem('N02A')).toMatch(/ATC group.*7-character/);
  });

  it('explains a lower-case code with the upper-case form', () => {
    expect(describeAtcProblem('n02aa05')).toContain('N02AA05');
  });

  it('explains a missing code as required', () => {
    expect(describeAtcProblem(undefined)).toMatch(/required/);
  });
});

describe('matching ATC selectors', () => {
  it('matches a code under a prefix', () => {
    expect(matchesAtc('N02AA05', SELECTORS.opioid)).toBe(true);
    expect(matchesAtc('N02AE01', SELECTORS.opioid)).toBe(true);
  });

  it('does not match a code in a sibling group', () => {
    expect(matchesAtc('N05BB01', SELECTORS.benzodiazepine)).toBe(false);
    expect(matchesAtc('N07BC02', SELECTORS.opioid)).toBe(false);
  });

  it('matches an exact code and nothing else in its group', () => {
    expect(matchesAtc('N03AE01', SELECTORS.benzodiazepine)).toBe(true);
    expect(matchesAtc('N03AX12', SELECTORS.benzodiazepine)).toBe(false);
  });

  it('matches nothing with an empty selector', () => {
    expect(matchesAtc('N02AA05', { prefixes: [], codes: [] })).toBe(false);
    expect(matchesAtc('N02AA05', {})).toBe(false);
  });
});
