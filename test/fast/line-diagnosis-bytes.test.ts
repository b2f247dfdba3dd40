/**
 * The cohort's byte route for a bad line (`PatientBatch.addLineBytes`, then the line decoded
 * and given to `addDeclinedLine`, as engine/cohort/process.ts does): an all-ASCII line goes
 * to the diagnosis without a second read, its facts read with the byte reader's facts reader
 * from the member the byte reader declined on. Each answer is today's (`JSON.parse`, the line
 * split, `PatientBatch.add`) byte for byte — every kind of bad line, the hostile lines, lines
 * with non-ASCII text before or after the bad member, a line handed on out of turn, and fuzzed
 * mutations. `FUZZ_FULL=1` fuzzes at full size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECLINED, LINE_ERROR, PatientBatch } from '../../engine/fast/index';
import { byteReaderFor, lineReaderFor } from '../../engine/fast/line-reader';
import { synthPatients } from '../../engine/synth/index';
import {
  BAD_LINE_KINDS,
  MUTATIONS,
  addToday,
  answerOf,
  badLine,
  hostileLines,
} from '../fixtures/patient-lines';
import {
  FUZZ_FULL as FULL,
  FUZZ_TIMEOUT as TIMEOUT,
  READER_AS_OF as AS_OF,
  compiledVersion,
} from '../fixtures/reader-pathways';

const compiled = compiledVersion('chronic-pain', '1.3.0');
const valid = [...synthPatients(120, 43, AS_OF)].map((p) => JSON.stringify(p));
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Today's answer for a line, as text: the line's error, or the patient's id and error. */
function today(line: string): string {
  const batch = new PatientBatch(compiled, 1);
  return answerOf(batch, addToday(batch, line, AS_OF, 7));
}

/** Whether the diagnosis of the line {@link byBytes} read last went on from the byte reader's decline. */
let handedOver = false;

/**
 * The cohort's byte route for `line`, set in a chunk between two other lines; DECLINED when
 * it is left to today's route.
 */
function byBytes(batch: PatientBatch, line: string): string | typeof DECLINED {
  const before = encoder.encode('{"facts":{"age":1}}\n');
  const bytes = encoder.encode(line);
  const chunk = new Uint8Array(before.length + bytes.length + 1);
  chunk.set(before, 0);
  chunk.set(bytes, before.length);
  chunk[chunk.length - 1] = 10;
  const start = before.length;
  const end = start + bytes.length;
  let index = batch.addLineBytes(chunk, start, end, AS_OF);
  if (index === DECLINED) {
    const text = decoder.decode(chunk.subarray(start, end));
    const generation = byteReaderFor(compiled)?.facts.generation();
    index = batch.addDeclinedLine(chunk, start, end, text, AS_OF, 7);
    handedOver = byteReaderFor(compiled)?.facts.generation() === generation;
  }
  if (index === DECLINED) return DECLINED;
  if (index === LINE_ERROR) return badLine(batch.lineError);
  const error = batch.errors[index];
  return error === undefined ? 'no error' : JSON.stringify([batch.lineFields?.id, error.toJSON()]);
}

/** The byte route's answer, today's route standing in where it declines. */
function answer(line: string): string {
  const found = byBytes(new PatientBatch(compiled, 2), line);
  return found === DECLINED ? today(line) : found;
}

describe('the byte route of a bad line', () => {
  it('gives today’s error for every kind of bad line, the text reader never asked', () => {
    const text = lineReaderFor(compiled);
    for (const [kind, make] of Object.entries(BAD_LINE_KINDS))
      for (const line of valid.slice(0, 20).map(make)) {
        const generation = text?.facts.generation();
        const found = byBytes(new PatientBatch(compiled, 2), line);
        expect([kind, found]).toEqual([kind, today(line)]);
        // An all-ASCII line is not read again as text: its facts by the byte reader only,
        // from the member it declined on when it declined inside them.
        expect([kind, text?.facts.generation()]).toEqual([kind, generation]);
        const insideFacts = !kind.startsWith('bad JSON') && kind !== 'unknown field';
        if (insideFacts) expect([kind, handedOver]).toEqual([kind, true]);
      }
  });

  it('gives today’s error for the hostile lines', () => {
    for (const [kind, line] of Object.entries(hostileLines(8 * 1024)))
      expect([kind, answer(line)]).toEqual([kind, today(line)]);
  });

  it('gives today’s error for lines with non-ASCII text before or after the bad member', () => {
    for (const [kind, make] of Object.entries(BAD_LINE_KINDS))
      for (const line of valid.slice(0, 10).map(make)) {
        const variants = [
          line.replace(/"healthCentre":"[^"]*"/, '"healthCentre":"vårdcentral Ærø 😀"'),
          line.replace(/\}$/, ',"asOf":"2026-11-23"}').replace('"id":"', '"id":"å'),
          line.replace(/"enteredAt":"[^"]*"/, '"enteredAt":"2026-01-0\u00e9"'),
        ];
        for (const variant of variants)
          expect([kind, answer(variant)]).toEqual([kind, today(variant)]);
      }
  });

  it('takes the byte reader’s decline only for the line it has just declined', () => {
    const batch = new PatientBatch(compiled, 4);
    const bad = BAD_LINE_KINDS['out of range']?.(valid[0] as string) as string;
    const other = BAD_LINE_KINDS['wrong type']?.(valid[1] as string) as string;
    const badBytes = encoder.encode(bad);
    expect(batch.addLineBytes(badBytes, 0, badBytes.length, AS_OF)).toBe(DECLINED);
    // Another line handed on in its place: read from its start, today's answer.
    const otherBytes = encoder.encode(other);
    const index = batch.addDeclinedLine(otherBytes, 0, otherBytes.length, other, AS_OF, 7);
    expect(JSON.stringify([batch.lineFields?.id, batch.errors[index]?.toJSON()])).toBe(
      today(other),
    );
    expect(byBytes(batch, bad)).toBe(today(bad));
  });

  it(
    'agrees with today’s route on fuzzed bad lines, byte for byte',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...valid),
          fc.array(
            fc.tuple(fc.integer({ min: 0, max: MUTATIONS.length - 1 }), fc.nat({ max: 400 })),
            { minLength: 1, maxLength: 3 },
          ),
          (line, changes) => {
            let mutated = line;
            for (const [which, at] of changes)
              mutated = (MUTATIONS[which] as (l: string, a: number) => string)(mutated, at);
            expect(answer(mutated)).toBe(today(mutated));
          },
        ),
        { numRuns: FULL ? 20_000 : 600, seed: 22 },
      );
    },
    TIMEOUT,
  );
});
