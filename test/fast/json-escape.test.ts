import { describe, expect, it } from 'vitest';
import { ESCAPE_CUT, escapeEnd } from '../../engine/fast/json-escape';

describe('escapeEnd', () => {
  it('ends every escape JSON has after its last character', () => {
    for (const escape of [
      '\\"',
      '\\\\',
      '\\/',
      '\\b',
      '\\f',
      '\\n',
      '\\r',
      '\\t',
      '\\u00e5',
      '\\uFFfF',
    ])
      expect(escapeEnd(`a${escape}z`, 1, escape.length + 2)).toBe(1 + escape.length);
  });

  it('refuses an escape JSON does not have', () => {
    for (const escape of ['\\x', '\\a', "\\'", '\\u00g5', '\\U00e5', '\\0'])
      expect(escapeEnd(`a${escape}zzzz`, 1, escape.length + 5)).toBe(-1);
  });

  it('says the line was cut inside the escape, and not past the end it was given', () => {
    expect(escapeEnd('a\\', 1, 2)).toBe(ESCAPE_CUT);
    expect(escapeEnd('a\\u00', 1, 5)).toBe(ESCAPE_CUT);
    // The characters after `end` belong to the next line: never read as the escape's.
    expect(escapeEnd('a\\u00e5', 1, 5)).toBe(ESCAPE_CUT);
    expect(escapeEnd('a\\n', 1, 2)).toBe(ESCAPE_CUT);
  });
});
