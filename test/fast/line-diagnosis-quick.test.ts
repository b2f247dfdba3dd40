/**
 * The line diagnosis's quick route: the facts object read by the line reader's own facts
 * reader, only the members it declines on read by the diagnosis, and (through `addLine`) the
 * line reader's hand-over of where it declined, so that the line's start is not read twice.
 * Each answer is today's (`JSON.parse`, the line split, `PatientBatch.add`) byte for byte —
 * with the hand-over, without it, and for the lines the quick route gives back to the full
 * one (a key read twice, a date written after the facts). `FUZZ_FULL=1` fuzzes at full size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECLINED, LINE_ERROR, PatientBatch } from '../../engine/fast/index';
import { diagnosisFor } from '../../engine/fast/line-diagnosis';
import { lineReaderFor } from '../../engine/fast/line-reader';
import { adversarialPatients } from '../../engine/synth/adversarial';
import { synthPatients } from '../../engine/synth/index';
import { BAD_LINE_KINDS, MUTATIONS, addToday, answerOf, badLine } from '../fixtures/patient-lines';
import {
  FUZZ_FULL as FULL,
  FUZZ_TIMEOUT as TIMEOUT,
  READER_AS_OF as AS_OF,
  compiledVersion,
} from '../fixtures/reader-pathways';

const compiled = compiledVersion('chronic-pain', '1.3.0');
const valid = [...synthPatients(200, 41, AS_OF)].map((p) => JSON.stringify(p));
const withMedications = valid.find((line) => line.includes('"medications":[{')) as string;

/** Today's answer for a line, as text: the line's error, or the patient's id and error. */
function today(line: string, asOf = AS_OF): string {
  const batch = new PatientBatch(compiled, 1);
  const placed = addToday(batch, line, asOf, 7);
  return answerOf(batch, placed);
}

/** The answer through `addLine` (the reader, its hand-over, the diagnosis), or DECLINED. */
function byAddLine(line: string, asOf = AS_OF): string | typeof DECLINED {
  const batch = new PatientBatch(compiled, 1);
  const index = batch.addLine(line, 0, line.length, asOf, 7);
  if (index === DECLINED) return DECLINED;
  if (index === LINE_ERROR) return badLine(batch.lineError);
  const error = batch.errors[index];
  return error === undefined ? 'no error' : JSON.stringify([batch.lineFields?.id, error.toJSON()]);
}

/** The diagnosis asked alone (no hand-over from the reader), or DECLINED when unsure. */
function byDiagnosis(line: string, asOf = AS_OF): string | typeof DECLINED {
  const found = diagnosisFor(compiled).diagnose(line, 0, line.length, asOf, 7);
  if (found === undefined) return DECLINED;
  if (found.kind === 'line') return badLine(found.error);
  return JSON.stringify([found.id, found.error.toJSON()]);
}

/** Both routes agree with today's wherever they answer; `answered`: `addLine` answers. */
function expectToday(line: string, asOf = AS_OF, answered = false): void {
  if (answered) expect([line.slice(0, 120), byAddLine(line, asOf)]).not.toContain(DECLINED);
  const expected = today(line, asOf);
  for (const answer of [byAddLine(line, asOf), byDiagnosis(line, asOf)])
    if (answer !== DECLINED)
      expect([line.slice(0, 120), answer]).toEqual([line.slice(0, 120), expected]);
}

describe('the line diagnosis’s quick route', () => {
  it('gives today’s error for every kind of bad line, with and without the hand-over', () => {
    for (const make of Object.values(BAD_LINE_KINDS))
      for (const line of valid.slice(0, 60).map(make)) {
        const expected = today(line);
        expect([line.slice(0, 80), byAddLine(line)]).toEqual([line.slice(0, 80), expected]);
        expect([line.slice(0, 80), byDiagnosis(line)]).toEqual([line.slice(0, 80), expected]);
      }
  });

  it('lists every bad fact of a line in the object’s order, those the reader read between them passed over', () => {
    const line = withMedications
      .replace(/"age":(\d+)/, '"age":"$1"')
      .replace('"medications":[', '"medications":[{"atc":"N02AA5","dose":-1},')
      .replace('"facts":{', '"facts":{"agee":1,')
      .replace(/"pdi":[^,}]+/, '"pdi":1e999');
    const answer = byAddLine(line);
    expect(answer).toBe(today(line));
    expect(answer).toMatch(/problems/);
    expect(byDiagnosis(line)).toBe(today(line));
  });

  it('follows JSON.parse where a key comes twice, one of the times read by the reader', () => {
    const line = valid[3] as string;
    const cases = [
      // accepted by the reader, then bad: the last value is kept, in the first place
      line
        .replace('"facts":{', '"facts":{"age":50,"agee":1,')
        .replace(/"age":(\d+)/g, (m, a: string, at: number) => (at > 20 ? `"age":"${a}"` : m)),
      // bad first, then accepted by the reader: no issue for it any more
      line.replace('"facts":{', '"facts":{"age":"50","agee":1,'),
      // bad twice
      line.replace('"facts":{', '"facts":{"age":"50","agee":1,"age":-4,'),
      // an unknown key twice around a bad one
      line.replace('"facts":{', '"facts":{"agee":1,"pdi":"x","agee":2,'),
    ];
    for (const text of cases) {
      expect(text).not.toBe(line);
      expectToday(text, AS_OF, true);
    }
  });

  it('checks medication start dates against the line’s own date, before or after its facts', () => {
    const line = withMedications.replace(/"since":"[^"]*"/, '"since":"2026-06-01"');
    for (const text of [
      line.replace('{', '{"asOf":"2026-05-01",').replace(/"age":(\d+)/, '"age":"$1"'),
      line.replace(/\}$/, ',"asOf":"2026-05-01"}').replace(/"age":(\d+)/, '"age":"$1"'),
      line.replace(/\}$/, ',"asOf":"2026-12-01"}').replace(/"pdi":[^,}]+/, '"pdi":-1'),
    ])
      expectToday(text, AS_OF, true);
  });

  it('takes a hand-over only from the line just read, so asking twice or out of turn gives the same answer', () => {
    const bad = BAD_LINE_KINDS['bad medication'] as (line: string) => string;
    const a = bad(valid[5] as string);
    const b = (BAD_LINE_KINDS['out of range'] as (line: string) => string)(valid[6] as string);
    const reader = lineReaderFor(compiled);
    if (reader === undefined) throw new Error('no line reader');
    const row = new Array<unknown>(compiled.layout.size).fill(undefined);
    expect(reader.read(a, 0, a.length, row, AS_OF)).toBe(false);
    const diagnosis = diagnosisFor(compiled);
    const first = JSON.stringify(diagnosis.diagnose(a, 0, a.length, AS_OF, 7));
    // Another line diagnosed in between, then the first again with its stale hand-over.
    diagnosis.diagnose(b, 0, b.length, AS_OF, 8);
    expect(JSON.stringify(diagnosis.diagnose(a, 0, a.length, AS_OF, 7))).toBe(first);
    expect(JSON.stringify(diagnosis.diagnose(a, 0, a.length, AS_OF, 7))).toBe(first);
    expect(first).toContain('ATC_FORMAT');
    expect(byAddLine(a)).toBe(today(a));
  });

  it(
    'agrees with today’s route on fuzzed bad lines, byte for byte',
    () => {
      const lines = [
        ...valid,
        ...adversarialPatients(compiled.pathway, 100, 42).map(({ input }) => JSON.stringify(input)),
      ];
      fc.assert(
        fc.property(
          fc.nat({ max: lines.length - 1 }),
          fc.array(fc.tuple(fc.nat({ max: MUTATIONS.length - 1 }), fc.nat({ max: 2000 })), {
            minLength: 1,
            maxLength: 4,
          }),
          (which, steps) => {
            let text = lines[which] as string;
            for (const [mutation, at] of steps)
              text = (MUTATIONS[mutation] as (l: string, at: number) => string)(
                text,
                at % (text.length + 1),
              );
            expectToday(text);
          },
        ),
        { numRuns: FULL ? 20_000 : 2_000, seed: 21 },
      );
    },
    TIMEOUT,
  );
});
