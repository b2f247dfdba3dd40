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
