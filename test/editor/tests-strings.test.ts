import { describe, expect, it } from 'vitest';
import { TESTS_STRINGS } from '../../editor/src/i18n/tests-strings';

/** Every plain string of a language's table, by key. */
function texts(table: object): Map<string, string> {
  return new Map(
    Object.entries(table).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

describe('the test panel in Swedish, Danish and English', () => {
  it('has every string in all three languages, Danish not copied from Swedish or English', () => {
    const [sv, da, en] = [TESTS_STRINGS.sv, TESTS_STRINGS.da, TESTS_STRINGS.en];
    expect(Object.keys(da).sort()).toEqual(Object.keys(sv).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    const d = texts(da);
    const same = [...d].filter(([k, v]) => texts(sv).get(k) === v || texts(en).get(k) === v);
    // Words that are the same in the languages (Ja, Nej, Testpatienter, JSON …) only.
    expect(same.length).toBeLessThan(d.size / 4);
  });

  it('says which version must be saved first, and counts in each language', () => {
    expect(TESTS_STRINGS.sv.versionUnsaved('1.4.0')).toContain('1.4.0');
    expect(TESTS_STRINGS.da.coverageSummary(3, 4, 1, 2)).toBe('Overgange 3/4, advarsler 1/2');
    expect(TESTS_STRINGS.en.noStepCheckCount(5)).toBe('5 do not check the step');
  });
});
