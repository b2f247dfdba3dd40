/**
 * `clip` leaves text with only single spaces between words as it is, without the
 * replacement: it must give exactly what the replacement gives for any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip } from '../../engine/cds/texts';

/** The rule as written before the shortcut: every run of white space one space, trimmed. */
function reference(text: string, max = 139): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

describe('clip', () => {
  it('gives what collapsing the white space gives, for text with every kind of space', () => {
    const part = fc.constantFrom(
      'a',
      'Vårdprogrammets steg',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '\u2028',
      '\u3000',
      '\ufeff',
      '…',
      'x'.repeat(70),
    );
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 12 }),
        fc.integer({ min: 2, max: 200 }),
        (parts, max) => {
          const text = parts.join('');
          expect(clip(text, max)).toBe(reference(text, max));
          expect(clip(text)).toBe(reference(text));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
