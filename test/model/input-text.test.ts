import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import {
  decodeUtf8,
  parseJsonText,
  refuseForbiddenKeys,
  stripBom,
} from '../../engine/model/input-text';

function caught(run: () => unknown): PathwayError {
  try {
    run();
  } catch (error) {
    if (error instanceof PathwayError) return error;
    throw error;
  }
  throw new Error('expected a PathwayError');
}

describe('the one rule for outside text', () => {
  it('drops a leading BOM and keeps one elsewhere', () => {
    expect(stripBom('\uFEFF{"a":1}')).toBe('{"a":1}');
    expect(parseJsonText('\uFEFF{"a":"\uFEFF"}')).toEqual({ a: '\uFEFF' });
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses the key %s anywhere, naming its path and line',
    (key) => {
      const error = caught(() =>
        parseJsonText(`{"facts":{"flags":[{"ok":1},{"${key}":{"x":1}}]}}`, { line: 7 }),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues[0]).toMatchObject({
        code: 'INVALID_INPUT',
        path: `facts.flags[1].${key}`,
        line: 7,
      });
    },
  );

  it('walks very deep input without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => refuseForbiddenKeys(JSON.parse(deep))).not.toThrow();
  });

  it('refuses bytes that are not UTF-8, naming line and column, and drops a BOM', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    const bad = new Uint8Array([0x61, 0x0a, 0x62, 0x63, 0xff, 0x64]);
    const error = caught(() => decodeUtf8(bad, { file: 'x.yaml', code: 'YAML_SYNTAX' }));
    expect(error.code).toBe('YAML_SYNTAX');
    expect(error.issues[0]).toMatchObject({ file: 'x.yaml', line: 2, column: 3 });
  });
});
