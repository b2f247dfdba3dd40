import { describe, expect, it } from 'vitest';
import { KEYBOARD_STRINGS, keyboardStrings } from '../../editor/src/i18n/keyboard-strings';

describe('the keyboard place words', () => {
  it('name the out-of-view element and the keys in Swedish, Danish and English, each its own', () => {
    const label = 'Steg 12, primärvård';
    const texts = (['sv', 'da', 'en'] as const).map((l) => KEYBOARD_STRINGS[l].outOfView(label));
    for (const text of texts) {
      expect(text).toContain(label);
      expect(text).toContain('Enter');
      expect(text).toContain('Tab');
    }
    expect(new Set(texts).size).toBe(3);
    expect(keyboardStrings('sv').outOfView('X')).toMatch(/utanför bilden/);
    expect(keyboardStrings('da').outOfView('X')).toMatch(/uden for billedet/);
    expect(keyboardStrings('en').outOfView('X')).toMatch(/out of view/);
  });

  it('uses no common English word in the Swedish or Danish text', () => {
    const ENGLISH = /\b(the|and|of|from|step|focus|view|moves|shows|arrow|key|out)\b/i;
    expect(KEYBOARD_STRINGS.sv.outOfView('Steg 3')).not.toMatch(ENGLISH);
    expect(KEYBOARD_STRINGS.da.outOfView('Trin 3')).not.toMatch(ENGLISH);
  });
});
