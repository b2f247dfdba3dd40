import { describe, expect, it } from 'vitest';
import { KEYBOARD2_STRINGS, keyboard2Strings } from '../../editor/src/i18n/keyboard2-strings';

describe('the second keyboard round words', () => {
  it('name the follow-up and the panel in Swedish, Danish and English, each its own', () => {
    const title = 'Uppföljning efter 12 veckor';
    const texts = (['sv', 'da', 'en'] as const).map((l) =>
      KEYBOARD2_STRINGS[l].editFollowUp(title),
    );
    for (const text of texts) expect(text).toContain(title);
    expect(new Set(texts).size).toBe(3);
    expect(keyboard2Strings('sv').editFollowUp('X')).toBe('Redigera uppföljningen X i panelen');
    expect(keyboard2Strings('da').editFollowUp('X')).toBe('Rediger opfølgningen X i panelet');
    const names = (['sv', 'da', 'en'] as const).map((l) => KEYBOARD2_STRINGS[l].internationalName);
    expect(new Set(names).size).toBe(3);
    expect(keyboard2Strings('sv').internationalName).toMatch(/internationellt namn/);
    expect(keyboard2Strings('da').internationalName).toMatch(/internationalt navn/);
  });

  it('uses no common English word in the Swedish or Danish text', () => {
    const ENGLISH = /\b(the|and|of|edit|follow-up|panel|in the|international|name|no)\b/i;
    for (const language of ['sv', 'da'] as const) {
      expect(KEYBOARD2_STRINGS[language].editFollowUp('X')).not.toMatch(ENGLISH);
      expect(KEYBOARD2_STRINGS[language].internationalName).not.toMatch(ENGLISH);
    }
  });
});
