import { describe, expect, it } from 'vitest';
import { GAPS2_STRINGS } from '../../editor/src/i18n/gaps2-strings';

describe('the MME note, split and unsaved-copy words', () => {
  it('are written in Swedish, Danish and English, not copied from each other', () => {
    const keys = Object.keys(GAPS2_STRINGS.sv).sort();
    expect(Object.keys(GAPS2_STRINGS.da).sort()).toEqual(keys);
    expect(Object.keys(GAPS2_STRINGS.en).sort()).toEqual(keys);
    const plain = (lang: 'sv' | 'da' | 'en') =>
      Object.entries(GAPS2_STRINGS[lang]).filter(([, v]) => typeof v === 'string');
    const sv = new Map(plain('sv'));
    const en = new Map(plain('en'));
    expect(plain('da').filter(([k, v]) => v === sv.get(k) || v === en.get(k))).toEqual([]);
  });

  it('say before confirming what a split does to each side, one patient or several', () => {
    expect(GAPS2_STRINGS.en.splitShared(1, '1.4.0')).toContain('version 1.4.0 gets its own copy');
    expect(GAPS2_STRINGS.en.splitShared(2, '1.4.0')).toContain(
      'the originals keep the other versions',
    );
    expect(GAPS2_STRINGS.sv.splitShared(1, '1.4.0')).toContain('Inget tas bort');
    expect(GAPS2_STRINGS.da.splitShared(3, '2.0.0')).toContain('de 3 testpatienter');
    expect(GAPS2_STRINGS.da.discardCopy('p1')).toBe('Fortryd kopien af p1');
  });
});
