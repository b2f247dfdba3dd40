import { describe, expect, it } from 'vitest';
import { readLineText, splitLine } from '../../engine/service/lines';
import { synthPatients } from '../../engine/synth/population';

describe('the line format', () => {
  it('reads every line `pathway synth` writes, splitting who the patient is from the request', () => {
    for (const [i, written] of [...synthPatients(50, 3, '2026-11-23')].entries()) {
      const read = readLineText(JSON.stringify(written), i + 1);
      expect(read.id).toBe(written.id);
      expect(read.healthCentre).toBe(written.healthCentre);
      expect(read.request).not.toHaveProperty('id');
      expect(read.request.facts).toEqual(written.facts);
    }
  });

  it('names the line, field and value of a bad line', () => {
    expect(() => readLineText('{"facts": {}, "ward": 3}', 4)).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        issues: [expect.objectContaining({ path: 'ward', value: 3, line: 4 })],
      }),
    );
    expect(() => readLineText('{"facts": {}, "asOf": "2026-02-30"}', 5)).toThrow(
      expect.objectContaining({ code: 'DATE_FORMAT' }),
    );
    expect(() => readLineText('{ not json', 6)).toThrow(/not valid JSON/);
  });

  it('lets population runs check only the field names, with the same verdict on unknown fields', () => {
    expect(splitLine({ id: 'a', healthCentre: 'vc', facts: {}, asOf: 'x' }, 1)).toEqual({
      id: 'a',
      healthCentre: 'vc',
      request: { facts: {}, asOf: 'x' },
    });
    expect(() => splitLine({ facts: {}, ward: 3 }, 2)).toThrow(/unknown field "ward"/);
    expect(() => splitLine([1, 2], 3)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('refuses a line nesting deeper than 64 levels, naming the line and the field', () => {
    const text = `{"facts":{"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
    const expected = expect.objectContaining({
      code: 'INVALID_INPUT',
      issues: [expect.objectContaining({ path: 'facts.x', line: 7 })],
    });
    expect(() => readLineText(text, 7)).toThrow(expected);
    expect(() => splitLine(JSON.parse(text), 7)).toThrow(expected);
  });
});
