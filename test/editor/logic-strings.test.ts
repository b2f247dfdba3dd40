import { describe, expect, it } from 'vitest';
import { LOGIC_STRINGS } from '../../editor/src/i18n/logic-strings';
import { STRINGS } from '../../editor/src/i18n/strings';

/** Every plain string of a language's table, nested records flattened, by key path. */
function texts(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value))
      for (const [k, v] of texts(inner, prefix === '' ? key : `${prefix}.${key}`)) out.set(k, v);
  return out;
}

describe('the words of logic checks, deleting and renaming', () => {
  it('exist in Swedish, Danish and English with the same keys, and Danish is its own', () => {
    const sv = texts(LOGIC_STRINGS.sv);
    const da = texts(LOGIC_STRINGS.da);
    const en = texts(LOGIC_STRINGS.en);
    expect([...da.keys()].sort()).toEqual([...sv.keys()].sort());
    expect([...en.keys()].sort()).toEqual([...sv.keys()].sort());
    expect([...da].filter(([k, v]) => sv.get(k) === v || en.get(k) === v)).toEqual([]);
    expect(LOGIC_STRINGS.da.renameTitle('fact', 'age')).toBe('Omdøb oplysningen age');
    expect(LOGIC_STRINGS.sv.usedIn(1)).toBe('Används på 1 ställe, som också byts:');
  });

  it('name the new lint rules in the problems list, in the interface language', () => {
    for (const language of ['sv', 'da', 'en'] as const)
      expect(STRINGS[language].lintRules['incomplete-condition']).toBe(
        LOGIC_STRINGS[language].lintRules['incomplete-condition'],
      );
  });
});
