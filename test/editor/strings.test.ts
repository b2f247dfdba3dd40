import { describe, expect, it } from 'vitest';
import { isUiLanguage, statusName, STRINGS, UI_LANGUAGES } from '../../editor/src/i18n/strings';

/** Every plain string of a language's table, nested records flattened, by key path. */
function texts(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value))
      for (const [k, v] of texts(inner, prefix === '' ? key : `${prefix}.${key}`)) out.set(k, v);
  return out;
}

describe('the interface languages', () => {
  it('are Swedish, Danish and English, and a stored choice is checked before use', () => {
    expect(UI_LANGUAGES).toEqual(['sv', 'da', 'en']);
    expect(isUiLanguage('da')).toBe(true);
    expect(isUiLanguage('no')).toBe(false);
    expect(isUiLanguage(null)).toBe(false);
  });

  it('has Danish for every string, not copies of the Swedish or English', () => {
    const sv = texts(STRINGS.sv);
    const da = texts(STRINGS.da);
    const en = texts(STRINGS.en);
    expect([...da.keys()].sort()).toEqual([...sv.keys()].sort());
    const sameAsSv = [...da].filter(([k, v]) => sv.get(k) === v).map(([k]) => k);
    const sameAsEn = [...da].filter(([k, v]) => en.get(k) === v).map(([k]) => k);
    // Words that are the same in both languages (JSON, Id, Status, register …) only.
    expect(sameAsSv.length).toBeLessThan(da.size / 8);
    expect(sameAsEn.length).toBeLessThan(da.size / 8);
    expect(STRINGS.da.summary(3, 1)).toBe('3 bestået, 1 ikke bestået');
    expect(STRINGS.da.cohortSummary('c.json', 12345, '2026-11-23')).toBe(
      'c.json: 12.345 patienter pr. 2026-11-23',
    );
  });

  it('names version statuses in the interface language and leaves unknown ones as they are', () => {
    expect(statusName(STRINGS.da, 'retired')).toBe('udgået');
    expect(statusName(STRINGS.sv, 'draft')).toBe('utkast');
    expect(statusName(STRINGS.en, 'active')).toBe('active');
    expect(statusName(STRINGS.da, 'something')).toBe('something');
  });
});
