import { describe, expect, it } from 'vitest';
import { readJson } from '../../editor/src/model/json';

describe('reading typed JSON', () => {
  it('returns the value of valid JSON', () => {
    expect(readJson('{ "facts": { "age": 40 } }')).toEqual({
      ok: true,
      value: { facts: { age: 40 } },
    });
  });

  it('turns a syntax error into a message instead of throwing', () => {
    const read = readJson('{ "facts": ');
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).not.toBe('');
  });
});
