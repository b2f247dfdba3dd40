import { describe, expect, it } from 'vitest';
import { SIDELIST_STRINGS, sidelistStrings } from '../../editor/src/i18n/sidelist-strings';

/** Every plain string of a language's table, nested records flattened, by key path. */
function texts(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value))
      for (const [k, v] of texts(inner, prefix === '' ? key : `${prefix}.${key}`)) out.set(k, v);
  return out;
}

describe('the side list, search and export words', () => {
  it('has every string in Swedish, Danish and English, Danish not copied', () => {
    const sv = texts(SIDELIST_STRINGS.sv);
    const da = texts(SIDELIST_STRINGS.da);
    const en = texts(SIDELIST_STRINGS.en);
    expect([...da.keys()].sort()).toEqual([...sv.keys()].sort());
    expect([...en.keys()].sort()).toEqual([...sv.keys()].sort());
    const sameAsSv = [...da].filter(([k, v]) => sv.get(k) === v).map(([k]) => k);
    const sameAsEn = [...da].filter(([k, v]) => en.get(k) === v).map(([k]) => k);
    expect(sameAsSv.length).toBeLessThan(da.size / 8);
    expect(sameAsEn.length).toBeLessThan(da.size / 8);
  });

  it('words a schedule with its unit in each language', () => {
    expect(sidelistStrings('sv').timingText(3, 'months')).toBe('efter 3 månader');
    expect(sidelistStrings('da').timingText(6, 'weeks')).toBe('efter 6 uger');
    expect(sidelistStrings('en').timingText(10, 'days')).toBe('after 10 days');
    expect(sidelistStrings('da').matches(1)).toBe('1 resultat');
    expect(sidelistStrings('sv').effective('2026-01-01', undefined)).toBe('Gäller från 2026-01-01');
  });
});
