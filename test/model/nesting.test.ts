import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import { checkNesting, MAX_NESTING, tooDeep } from '../../engine/model/nesting';

/** `levels` arrays inside each other around `inner`. */
function nested(levels: number, inner: unknown = 1): unknown {
  let value = inner;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

describe('the nesting limit', () => {
  it('accepts nesting of exactly the limit and refuses one level more', () => {
    expect(tooDeep(nested(MAX_NESTING))).toBeUndefined();
    expect(tooDeep(nested(MAX_NESTING + 1))).toBe('');
  });

  it('names the field whose value nests too deeply, not the list indexes below it', () => {
    expect(tooDeep({ facts: { x: nested(10_000) } })).toBe('facts.x');
    expect(tooDeep({ facts: {}, currentStep: nested(200) })).toBe('currentStep');
  });

  it('names the path down to the limit when objects nest inside objects', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100; i++) value = { a: value };
    const path = tooDeep({ facts: value }, 4);
    expect(path).toBe('facts.a.a.a');
  });

  it('walks 10 000 levels without overflowing the stack', () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) value = { k: [value] };
    expect(tooDeep(value)).toMatch(/^k\[0\]\.k/);
  });

  it('throws INVALID_INPUT with the path and line, and leaves streams and plain values alone', () => {
    let thrown: unknown;
    try {
      checkNesting({ facts: { x: nested(100) } }, 'line 3', 3);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PathwayError);
    expect(thrown).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'line 3 nests arrays and objects deeper than 64 levels at facts.x',
      issues: [{ code: 'INVALID_INPUT', path: 'facts.x', line: 3 }],
    });
    class Stream {
      self = this;
    }
    expect(() => checkNesting(new Stream(), 'the body')).not.toThrow();
    expect(() => checkNesting('text', 'the body')).not.toThrow();
    expect(() => checkNesting(undefined, 'the body')).not.toThrow();
  });
});
