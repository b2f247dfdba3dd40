/**
 * A line cut short is given to `JSON.parse` as a stand-in of the same length
 * (engine/fast/cut-line.ts): the error must be `JSON.parse`'s own for the line, word for word
 * and at the same position (and, on Node 22 and later, line and column), wherever the line is
 * cut — inside a key, a string, an escape, a number, a word, between tokens, at any depth —
 * and the stand-in must be used for most cuts of a long line (else it saves nothing).
 * `FUZZ_FULL=1` cuts more lines.
 */
import { describe, expect, it } from 'vitest';
import { cutLineError, standIn } from '../../engine/fast/cut-line';
import { synthPatients } from '../../engine/synth/index';
import { MUTATIONS } from '../fixtures/patient-lines';

const FULL = process.env['FUZZ_FULL'] === '1';
const TIMEOUT = FULL ? 900_000 : 60_000;
const valid = [...synthPatients(FULL ? 400 : 40, 11, '2026-11-23')].map((p) => JSON.stringify(p));

/** What `JSON.parse` throws for `text` (its class and words), or 'parsed'. */
function parseError(text: string): string {
  try {
    JSON.parse(text);
    return 'parsed';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

/** Lines of other shapes: escapes, non-ASCII text, lists, deeper nesting, white space. */
const odd = [
  JSON.stringify({
    id: 'x'.repeat(280),
    facts: {
      name: 'é\u2028\ud800 "quoted" \\ back\tslash \u0001',
      list: [[[{ a: [1, -0.5e-7, 1e21, true, false, null, '', {}] }]]],
      empty: [],
      nested: { deeper: { deepest: [0, -0, 12.5, 'a,b:c{d}[e]'] } },
    },
    after: 'ü'.repeat(80),
  }),
  `{"facts": {"a" : 1 ,\t"b":[ 1 , 2 ] , "c" : { "d" : "e" } }, "id" : "${'y'.repeat(260)}" , "z": -12.5E+3 }`,
  `${(valid[0] as string).slice(0, -2)},${' '.repeat(80)}`,
  `{"facts":{${Array.from({ length: 60 }, (_, i) => `"k${i}":"v\\u00e9\\n${i}"`).join(',')}}}`,
];

describe('the error of a line cut short', () => {
  it(
    'is JSON.parse’s own, wherever the line is cut',
    () => {
      let stood = 0;
      let cuts = 0;
      const lines = [
        ...valid,
        ...odd,
        ...valid.slice(0, 10).flatMap((line) => MUTATIONS.map((mutate) => mutate(line, 300))),
      ];
      for (const line of lines)
        for (let cut = 1; cut < line.length; cut++) {
          const text = line.slice(0, cut);
          const error = cutLineError(text, 0, text.length);
          cuts++;
          if (error === undefined) continue;
          stood++;
          expect(error).toBeInstanceOf(SyntaxError);
          const got = `${(error as Error).name}: ${(error as Error).message}`;
          if (got !== parseError(text)) expect([text, got]).toEqual([text, parseError(text)]);
        }
      // Most cuts of these lines are long enough to be stood in for.
      expect(stood / cuts).toBeGreaterThan(0.5);
    },
    TIMEOUT,
  );

  it('is JSON.parse’s own for a line inside a longer text', () => {
    for (const line of valid.slice(0, 10)) {
      const cutLine = line.slice(0, -2);
      const chunk = `${valid[1] as string}\n${cutLine}\n${valid[2] as string}`;
      const start = (valid[1] as string).length + 1;
      const error = cutLineError(chunk, start, start + cutLine.length) as Error;
      expect(`${error.name}: ${error.message}`).toBe(parseError(cutLine));
    }
  });

  it('stands in for every cut of a synthetic line from the 256th character on', () => {
    for (const line of valid.slice(0, 10))
      for (let cut = 256; cut < line.length; cut++)
        expect([cut, standIn(line, 0, cut)?.length]).toEqual([cut, cut]);
  });

  it('keeps the line’s last characters as written and opens the same containers', () => {
    const line = valid[0] as string;
    const text = line.slice(0, -2);
    const stand = standIn(text, 0, text.length) as string;
    expect(stand.slice(-64)).toBe(text.slice(-64));
    // Cut inside `currentStep`, whose object opens more than 64 characters before the end.
    expect(stand.startsWith('{"":')).toBe(true);
    expect(text.slice(text.lastIndexOf('"currentStep":') + 14)).toBe(
      stand.slice(stand.indexOf('{', 1)),
    );
  });

  it('leaves to JSON.parse what it cannot stand in for', () => {
    const line = (valid[0] as string).slice(0, -2);
    const cases = {
      short: line.slice(0, 200),
      'a line break before the kept end': line.replace('"facts":', '"facts":\n'),
      'a carriage return before the kept end': line.replace('"facts":', '\r"facts":'),
      'bad JSON before the cut': line.replace('"facts":{', '"facts":{x'),
      'a number JSON does not have': line.replace(/:(\d+),/, ':0$1,'),
      'a bad escape': line.replace('"vc-', '"\\x'),
      'a control character in a string': line.replace('"vc-', '"\u0001'),
      'a whole object, then more': `${valid[0] as string} ${'x'.repeat(100)}`,
      'no object': ` ${'1'.repeat(300)}`,
      'nesting past the limit': `${'['.repeat(40)}${line}`,
    };
    for (const [kind, text] of Object.entries(cases))
      expect([kind, standIn(text, 0, text.length)]).toEqual([kind, undefined]);
  });
});
