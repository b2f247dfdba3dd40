import { describe, expect, it } from 'vitest';
import { PUBLISH_STRINGS } from '../../editor/src/i18n/publish-strings';

describe('the publish and unsaved-work words', () => {
  it('are written in Swedish, Danish and English, not copied from each other', () => {
    const keys = Object.keys(PUBLISH_STRINGS.sv).sort();
    expect(Object.keys(PUBLISH_STRINGS.da).sort()).toEqual(keys);
    expect(Object.keys(PUBLISH_STRINGS.en).sort()).toEqual(keys);
    const plain = (lang: 'sv' | 'da' | 'en') =>
      Object.entries(PUBLISH_STRINGS[lang]).filter(([, v]) => typeof v === 'string');
    const sv = new Map(plain('sv'));
    const en = new Map(plain('en'));
    const copies = plain('da').filter(([k, v]) => v === sv.get(k) || v === en.get(k));
    // Only words the languages share (a label such as "Del" / "2. Testpatienter").
    expect(copies.length).toBeLessThan(4);
  });

  it('name the version a new draft copies and what an acknowledgement accepts', () => {
    expect(PUBLISH_STRINGS.sv.newDraftFrom('1.4.0', '1.1.0')).toContain(
      'kopierat från version 1.1.0',
    );
    expect(PUBLISH_STRINGS.da.ackScenarios('a, b')).toContain('a, b');
    expect(PUBLISH_STRINGS.en.ackImpact(2, '1.3.0')).toBe(
      'I have seen that 2 patients get a different outcome than with 1.3.0',
    );
  });
});
