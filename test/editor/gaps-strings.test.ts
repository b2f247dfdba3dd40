import { describe, expect, it } from 'vitest';
import { GAPS_STRINGS } from '../../editor/src/i18n/gaps-strings';

describe('the medication search, label and rename words', () => {
  it('are written in Swedish, Danish and English, not copied from each other', () => {
    const keys = Object.keys(GAPS_STRINGS.sv).sort();
    expect(Object.keys(GAPS_STRINGS.da).sort()).toEqual(keys);
    expect(Object.keys(GAPS_STRINGS.en).sort()).toEqual(keys);
    const plain = (lang: 'sv' | 'da' | 'en') =>
      Object.entries(GAPS_STRINGS[lang]).filter(([, v]) => typeof v === 'string');
    const sv = new Map(plain('sv'));
    const en = new Map(plain('en'));
    expect(plain('da').filter(([k, v]) => v === sv.get(k) || v === en.get(k))).toEqual([]);
  });

  it('name the code system of a match and count test patients in words', () => {
    expect(GAPS_STRINGS.sv.matchedCode('http://www.nlm.nih.gov/research/umls/rxnorm', '7052')).toBe(
      'RxNorm 7052',
    );
    expect(GAPS_STRINGS.da.matchedCode('http://snomed.info/sct', '1')).toBe('SNOMED CT 1');
    expect(GAPS_STRINGS.en.scenariosShared(1)).toContain('1 test patient is shared');
    expect(GAPS_STRINGS.sv.scenariosRewritten(2)).toContain('2 testpatienter');
  });

  it('offer to copy inherited test patients for the draft in every language, one or several', () => {
    expect(GAPS_STRINGS.sv.copyShared(1, '1.4.0')).toContain(
      'den ärvda testpatienten till version 1.4.0',
    );
    expect(GAPS_STRINGS.da.copyShared(3, '1.4.0')).toContain('de 3 arvede testpatienter');
    expect(GAPS_STRINGS.en.copyShared(2, '2.0.0')).toContain(
      'Copy the 2 inherited test patients to version 2.0.0',
    );
  });
});
