import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../engine/model/suggest';

describe('suggestions for misspelt names', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('ompsqShrot', 'ompsqShort')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the closest name within about a third of the letters, ignoring case', () => {
    expect(closestName('greaterThn', ['greaterThan', 'lessThan'])).toBe('greaterThan');
    expect(closestName('PAINDURATIONMONTHS', ['painDurationMonths'])).toBe('painDurationMonths');
    expect(closestName('xyz', ['painDurationMonths'])).toBeUndefined();
  });

  it('suggests a name the misspelling starts only when asked to', () => {
    expect(closestName('ompsq', ['ompsqShort'])).toBeUndefined();
    expect(closestName('ompsq', ['ompsqShort'], { prefixes: true })).toBe('ompsqShort');
  });

  it('never suggests the name itself and breaks ties alphabetically', () => {
    expect(closestName('isi', ['isi'])).toBeUndefined();
    expect(closestName('abd', ['abe', 'abc'])).toBe('abc');
  });
});

describe('suggestions for hostile names', () => {
  it('suggests nothing for a name longer than 64 characters', () => {
    const candidates = ['ompsqShort', 'a'.repeat(65)];
    expect(closestName(`${'a'.repeat(64)}b`, candidates)).toBeUndefined();
    expect(closestName('a'.repeat(1_000_000), candidates, { prefixes: true })).toBeUndefined();
  });

  it('still suggests a candidate that a 64-character name almost matches', () => {
    const long = 'a'.repeat(63);
    expect(closestName(`${long}b`, [`${long}c`])).toBe(`${long}c`);
  });

  it('still suggests a prefix however much longer the candidate is', () => {
    expect(closestName('omp', ['ompsqShortFormScoreTotal'], { prefixes: true })).toBe(
      'ompsqShortFormScoreTotal',
    );
    expect(closestName('omp', ['ompsqShortFormScoreTotal'])).toBeUndefined();
  });

  it('gives the same distance as the full table for swaps at either end', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abcdef', 'abcdfe')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
