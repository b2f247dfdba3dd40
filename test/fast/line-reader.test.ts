/**
 * The line reader against today's route (`JSON.parse`, the line split, the loader): every
 * line — the synthetic population, the adversarial sets, the hostile lines of issue 15 and
 * fuzzed mutations of valid lines — gives the same slots, the same answer and the same
 * error, byte for byte, and the reader reads the ordinary lines itself rather than declining
 * them. `FUZZ_FULL=1` runs the fuzzer and the sets at full size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAY_NOTE, NO_NOTES } from '../../engine/fast/batch';
import {
  PatientBatch,
  evaluateBatch,
  outcomeAt,
  type PopulationPathway,
} from '../../engine/fast/index';
import {
  FUZZ_FULL as FULL,
  FUZZ_SIZE as SIZE,
  FUZZ_TIMEOUT as TIMEOUT,
  READER_AS_OF as AS_OF,
  READER_PATHWAYS as PATHWAYS,
} from '../fixtures/reader-pathways';
import { adversarialPatients } from '../../engine/synth/adversarial';
import { synthPatients } from '../../engine/synth/index';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';
import { outcomeAnswer } from '../fixtures/fast-answers';
import {
  MUTATIONS,
  addByReader,
  addToday,
  hostileLines,
  type Placed,
} from '../fixtures/patient-lines';

/** A line and the evaluation date of a line without its own. */
interface Line {
  text: string;
  asOf: string;
}

/**
 * Everything about one loaded line that answers depend on, as text. Not the note flag: it
 * only says whether notes may be worked out, and today's route says "may" for every patient
 * it loads through the reference (one the generated loader declines), where the reader may
 * know there are none; {@link compare} checks it apart, and the notes are in the outcome.
 */
function loaded(
  batch: PatientBatch,
  placed: Placed,
  results: ReturnType<typeof evaluateBatch>,
): string {
  if ('bad' in placed) return placed.bad;
  const i = placed.index;
  return JSON.stringify([
    placed.id,
    placed.healthCentre,
    batch.rows[i],
    batch.asOf[i],
    batch.asOfDay[i],
    batch.startStep[i],
    batch.startDays[i],
    outcomeAnswer(() => outcomeAt(batch, results, i)),
  ]);
}

/**
 * Loads `lines` both ways and returns the lines whose answers differ (empty when all agree)
 * and how many the reader read itself.
 */
function compare(
  compiled: PopulationPathway,
  lines: readonly Line[],
): { differences: string[]; read: number } {
  const today = new PatientBatch(compiled, lines.length);
  const reader = new PatientBatch(compiled, lines.length);
  const placedToday = lines.map((l, k) => addToday(today, l.text, l.asOf, k + 1));
  const placedReader = lines.map((l, k) => addByReader(reader, l.text, l.asOf, k + 1));
  const resultsToday = evaluateBatch(today, undefined, { trace: true });
  const resultsReader = evaluateBatch(reader, undefined, { trace: true });
  const differences: string[] = [];
  lines.forEach((l, k) => {
    const a = loaded(today, placedToday[k] as Placed, resultsToday);
    const b = loaded(reader, placedReader[k] as Placed, resultsReader);
    const pa = placedToday[k] as Placed;
    const pb = placedReader[k] as Placed;
    // Where the note flags differ, only in the direction the reader may know better.
    if (
      'index' in pa &&
      'index' in pb &&
      today.noteFlags[pa.index] !== reader.noteFlags[pb.index] &&
      !(today.noteFlags[pa.index] === MAY_NOTE && reader.noteFlags[pb.index] === NO_NOTES)
    )
      differences.push(`${l.text.slice(0, 200)}\n  note flags differ`);
    if (a === b) return;
    let at = 0;
    while (a[at] === b[at]) at++;
    differences.push(
      `${l.text.slice(0, 200)}\n  today:  …${a.slice(at - 80, at + 120)}\n  reader: …${b.slice(at - 80, at + 120)}`,
    );
  });
  const read = placedReader.filter((p) => 'byReader' in p && p.byReader).length;
  return { differences, read };
}

const synthLines = (count: number, seed: number): Line[] =>
  [...synthPatients(count, seed, AS_OF)].map((p) => ({ text: JSON.stringify(p), asOf: AS_OF }));

describe('the line reader', () => {
  it(
    'reads the synthetic population itself, with the slots and answers of today’s route',
    () => {
      for (const compiled of PATHWAYS) {
        const lines = synthLines(SIZE, 7);
        const { differences, read } = compare(compiled, lines);
        expect(differences).toEqual([]);
        // Lines giving a fact this version lacks are declined (and refused by today's route).
        if (compiled.pathway.id === 'chronic-pain' && compiled.pathway.version === '1.3.0')
          expect(read).toBe(lines.length);
      }
    },
    TIMEOUT,
  );

  it(
    'agrees with today’s route over the adversarial sets, invalid inputs included',
    () => {
      for (const compiled of PATHWAYS) {
        const lines = adversarialPatients(compiled.pathway, SIZE, 11, { invalid: 0.2 }).map(
          ({ input, asOf }) => ({ text: JSON.stringify(input), asOf }),
        );
        const { differences, read } = compare(compiled, lines);
        expect(differences).toEqual([]);
        expect(read).toBeGreaterThan(SIZE / 4);
      }
      const patients = chronicPainPatients(SIZE, 12, { invalid: 0.2 }).map(({ input, asOf }) => ({
        text: JSON.stringify(input),
        asOf,
      }));
      for (const compiled of PATHWAYS.slice(0, 2))
        expect(compare(compiled, patients).differences).toEqual([]);
    },
    TIMEOUT,
  );

  it('reads no hostile or bad line as a patient, and gives each today’s error word for word', () => {
    const compiled = PATHWAYS[0] as PopulationPathway;
    const hostile = Object.entries(hostileLines(FULL ? 1_000_000 : 64 * 1024));
    for (const [kind, text] of hostile) {
      const batch = new PatientBatch(compiled, 1);
      const index = batch.addLine(text, 0, text.length, AS_OF);
      // Declined, refused as a line, or a patient with today's error: never read as valid.
      expect([kind, index < 0 || batch.errors[index] !== undefined]).toEqual([kind, true]);
    }
    const { differences } = compare(
      compiled,
      hostile.map(([, text]) => ({ text, asOf: AS_OF })),
    );
    expect(differences).toEqual([]);
  });

  it('reads JSON’s other spellings of the same values as JSON.parse does', () => {
    const compiled = PATHWAYS[0] as PopulationPathway;
    const line = (facts: string): Line => ({
      text: `{"id":7,"healthCentre":"v\\u00e5rdcentral","facts":{${facts}}}`,
      asOf: AS_OF,
    });
    const lines = [
      line('"age":5.2e1,"nrsPain":6.50,"eq5dIndex":-0,"pdi":0.0,"isi":1E1'),
      line('"eq5dIndex":0.1000000000000000055511151231257827,"nrsPain":1e-7,"age":52.000'),
      line(' "age" : 52 , "redFlags" : [ "\\u0063audaEquina" , "fracture" ] '),
      line('"eq5dIndex":0.30000000000000004,"nrsPain":9.999999999999999,"age":1e1'),
    ];
    const { differences, read } = compare(compiled, lines);
    expect(differences).toEqual([]);
    expect(read).toBe(lines.length);
  });

  it('reads every medication record form itself, with today’s lists and unknowns and reasons', () => {
    const compiled = PATHWAYS[0] as PopulationPathway;
    const line = (medications: string, asOf = ''): Line => ({
      text: `{"id":"m","facts":{"age":52,"nrsPain":6,"medications":[${medications}]}${asOf}}`,
      asOf: AS_OF,
    });
    const read = [
      line('{"name":"diazepam","uncertain":{"reason":"unclassified-code","detail":"x|1"}}'),
      line('{"atc":"N05BA01","dose":10,"unit":"mg/day","uncertain":{"reason":"status-unknown"}}'),
      line('{"uncertain":{"detail":"medicationRequests","reason":"list-incomplete"}}'),
      line('{"uncertain":{"reason":"withheld","detail":null}}'),
      line(
        '{"since":"2026-01-01","atc":"N02AA05","dose":40,"unit":"mg/day"},{"uncertain":{"reason":"no-code"}}',
      ),
      line(
        '{"atc":"N02AA05","dose":40,"unit":"mg/day","since":"2026-01-01","doseIncreasedAt":"2026-10-01"}',
      ),
      line('{"atc":"N02AA05","dose":null,"unit":null,"since":null,"name":null,"uncertain":null}'),
      line('{"atc":null,"uncertain":{"reason":"unresolved-reference","detail":"Medication/1"}}'),
    ];
    const refused = [
      line('{"uncertain":{"reason":"lost"}}'),
      line('{"uncertain":{"reason":"withheld","why":1}}'),
      line('{"uncertain":{}}'),
      line('{"uncertain":"withheld"}'),
      line('{"atc":null}'),
      line('{"atc":"N02AA05","since":"2026-05-01","doseIncreasedAt":"2026-01-01"}'),
      line('{"atc":"N02AA05","doseIncreasedAt":"2099-01-01"}'),
      line('{"atc":"N02AA05","doseIncreasedAt":"2026-02-30"}'),
      line('{"atc":"N02AA05","uncertain":{"reason":"withheld","reason":"no-code"}}'),
      // A line whose own date, written after the facts, comes before an increase or a start:
      // today's error (the reader once checked the start against the other date only).
      line('{"atc":"N02AA05","doseIncreasedAt":"2026-10-01"}', ',"asOf":"2026-09-01"'),
      line('{"atc":"N02AA05","since":"2026-10-01"}', ',"asOf":"2026-09-01"'),
    ];
    const { differences, read: count } = compare(compiled, [...read, ...refused]);
    expect(differences).toEqual([]);
    // Every valid form is read by the reader itself.
    expect(compare(compiled, read).read).toBe(read.length);
    expect(count).toBeGreaterThanOrEqual(read.length);
  });

  it(
    'agrees with today’s route on fuzzed mutations of valid lines',
    () => {
      const compiled = PATHWAYS[0] as PopulationPathway;
      const valid = [
        ...synthLines(200, 21),
        ...adversarialPatients(compiled.pathway, 200, 22).map(({ input, asOf }) => ({
          text: JSON.stringify(input),
          asOf,
        })),
      ];
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.nat({ max: valid.length - 1 }),
              fc.nat({ max: MUTATIONS.length - 1 }),
              fc.nat({ max: 2000 }),
            ),
            { minLength: 1, maxLength: 4 },
          ),
          (steps) => {
            const first = valid[(steps[0] as [number, number, number])[0]] as Line;
            let text = first.text;
            for (const [, mutation, at] of steps)
              text = (MUTATIONS[mutation] as (l: string, at: number) => string)(
                text,
                at % (text.length + 1),
              );
            expect(compare(compiled, [{ text, asOf: first.asOf }]).differences).toEqual([]);
          },
        ),
        { numRuns: FULL ? 20_000 : 1_500, seed: 19 },
      );
    },
    TIMEOUT,
  );
});
