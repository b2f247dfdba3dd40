/**
 * The line diagnosis: a bad line the reader declines gets today's answer (the same line
 * error, or the same patient error, byte for byte) without going through JSON.parse, for
 * every kind of bad line a file meets; and it never answers for a line it is not sure of.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECLINED, LINE_ERROR, PatientBatch, compilePopulation } from '../../engine/fast/index';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { synthPatients } from '../../engine/synth/index';
import {
  BAD_LINE_KINDS,
  addByReader,
  addToday,
  badLine,
  type Placed,
} from '../fixtures/patient-lines';

const AS_OF = '2026-11-23';
const repo = await loadRepository(join(process.cwd(), 'pathways'));
const compiled = compilePopulation(
  findVersion(repo, 'chronic-pain', { version: '1.3.0', asOf: AS_OF }).pathway,
);
const valid = [...synthPatients(300, 31, AS_OF)].map((p) => JSON.stringify(p));

/** A placed line's error as text (line errors as the cohort words them). */
function errorOf(batch: PatientBatch, placed: Placed): string {
  if ('bad' in placed) return placed.bad;
  const error = batch.errors[placed.index];
  return error === undefined ? 'no error' : JSON.stringify([placed.id, error.toJSON()]);
}

describe('the line diagnosis', () => {
  it('answers every kind of bad line itself, with today’s error byte for byte', () => {
    for (const [kind, make] of Object.entries(BAD_LINE_KINDS)) {
      // Lines the change applies to (a line without an age has none to misspell).
      const lines = valid.map(make).filter((line, k) => line !== valid[k]);
      expect(lines.length).toBeGreaterThan(valid.length / 2);
      const today = new PatientBatch(compiled, lines.length);
      const reader = new PatientBatch(compiled, lines.length);
      lines.forEach((line, k) => {
        const index = reader.addLine(line, 0, line.length, AS_OF, k + 1);
        expect([kind, index === DECLINED]).toEqual([kind, false]);
        const placed: Placed =
          index === LINE_ERROR
            ? { bad: badLine(reader.lineError) }
            : { index, id: reader.lineFields?.id, healthCentre: undefined, byReader: true };
        const expected = errorOf(today, addToday(today, line, AS_OF, k + 1));
        expect([kind, line.slice(0, 300), expected]).not.toContain('no error');
        expect([kind, errorOf(reader, placed)]).toEqual([kind, expected]);
      });
    }
  });

  it('leaves to today’s route a line whose answer takes another turn', () => {
    const line = valid[0] as string;
    const unsure = [
      '', // blank: the cohort skips it
      `\uFEFF${line}`, // a byte order mark
      line.replace('"facts":{', '"facts":{"x":{"__proto__":1},'), // a refused key below the facts
      line.replace('"facts":{', '"facts":{"\\u0061ge":1,'), // an escaped key
      line.replace('{', '{"version":"0.0.1",'), // another version
      line.replace('"facts":{', '"facts":{"age":52,"age":53,'), // valid after all
    ];
    const batch = new PatientBatch(compiled, unsure.length);
    for (const text of unsure)
      expect([text.slice(0, 40), batch.addLine(text, 0, text.length, AS_OF)]).toEqual([
        text.slice(0, 40),
        DECLINED,
      ]);
    // …and today's route still answers them as before.
    const today = new PatientBatch(compiled, unsure.length);
    const viaReader = new PatientBatch(compiled, unsure.length);
    for (const text of unsure)
      expect(JSON.stringify(addByReader(viaReader, text, AS_OF))).toBe(
        JSON.stringify(addToday(today, text, AS_OF)),
      );
  });
});
