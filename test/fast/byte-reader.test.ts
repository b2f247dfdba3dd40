/**
 * The byte reader (the line reader over a line's UTF-8 bytes, `PatientBatch.addLineBytes`)
 * against the string route (`addLine`, then today's route): every line — the synthetic
 * population, the adversarial sets, the hostile lines, JSON's other spellings, every
 * medication record form, non-ASCII text, bytes that are not UTF-8, a BOM, CRLF and fuzzed
 * mutations of valid lines — gives the same slots, the same answer and the same error, byte
 * for byte, and the byte reader reads the ordinary lines itself. `FUZZ_FULL=1` runs the
 * fuzzer and the sets at full size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECLINED } from '../../engine/fast/batch';
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
import { addBytesByReader } from '../fixtures/patient-bytes';
import { MUTATIONS, addByReader, hostileLines, type Placed } from '../fixtures/patient-lines';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A line's bytes and the evaluation date of a line without its own. */
interface Line {
  bytes: Uint8Array;
  asOf: string;
}

const ofText = (text: string, asOf = AS_OF): Line => ({ bytes: encoder.encode(text), asOf });

/** Everything about one loaded line that answers depend on, as text (the note flag included). */
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
    batch.errors[i]?.message,
    batch.asOf[i],
    batch.asOfDay[i],
    batch.startStep[i],
    batch.startDays[i],
    batch.noteFlags[i],
    outcomeAnswer(() => outcomeAt(batch, results, i)),
  ]);
}

/**
 * Loads `lines` by the string route (each line decoded as a file route decodes it) and by
 * the byte route; returns the lines whose answers differ and how many the byte reader read.
 */
function compare(
  compiled: PopulationPathway,
  lines: readonly Line[],
): { differences: string[]; read: number } {
  const strings = new PatientBatch(compiled, lines.length);
  const bytes = new PatientBatch(compiled, lines.length);
  const placedStrings = lines.map((l, k) =>
    addByReader(strings, decoder.decode(l.bytes), l.asOf, k + 1),
  );
  const placedBytes = lines.map((l, k) => addBytesByReader(bytes, l.bytes, l.asOf, k + 1));
  const resultsStrings = evaluateBatch(strings, undefined, { trace: true });
  const resultsBytes = evaluateBatch(bytes, undefined, { trace: true });
  const differences: string[] = [];
  lines.forEach((l, k) => {
    const a = loaded(strings, placedStrings[k] as Placed, resultsStrings);
    const b = loaded(bytes, placedBytes[k] as Placed, resultsBytes);
    if (a === b) return;
    let at = 0;
    while (a[at] === b[at]) at++;
    differences.push(
      `${decoder.decode(l.bytes).slice(0, 200)}\n  strings: …${a.slice(at - 80, at + 120)}\n  bytes:   …${b.slice(at - 80, at + 120)}`,
    );
  });
  const read = placedBytes.filter((p) => 'byReader' in p && p.byReader).length;
  return { differences, read };
}

const synthLines = (count: number, seed: number): Line[] =>
  [...synthPatients(count, seed, AS_OF)].map((p) => ofText(JSON.stringify(p)));

describe('the byte reader', () => {
  it(
    'reads the synthetic population itself, with the slots and answers of the string route',
    () => {
      for (const compiled of PATHWAYS) {
        const lines = synthLines(SIZE, 7);
        const { differences, read } = compare(compiled, lines);
        expect(differences).toEqual([]);
        if (compiled.pathway.id === 'chronic-pain' && compiled.pathway.version === '1.3.0')
          expect(read).toBe(lines.length);
      }
    },
    TIMEOUT,
  );

  it(
    'agrees with the string route over the adversarial sets, invalid inputs included',
    () => {
      for (const compiled of PATHWAYS) {
        const lines = adversarialPatients(compiled.pathway, SIZE, 11, { invalid: 0.2 }).map(
          ({ input, asOf }) => ofText(JSON.stringify(input), asOf),
        );
        const { differences, read } = compare(compiled, lines);
        expect(differences).toEqual([]);
        expect(read).toBeGreaterThan(SIZE / 4);
      }
      const patients = chronicPainPatients(SIZE, 12, { invalid: 0.2 }).map(({ input, asOf }) =>
        ofText(JSON.stringify(input), asOf),
      );
      for (const compiled of PATHWAYS.slice(0, 2))
        expect(compare(compiled, patients).differences).toEqual([]);
    },
    TIMEOUT,
  );

  it('reads no hostile or bad line itself, and each gets the string route’s error', () => {
    const compiled = PATHWAYS[0] as PopulationPathway;
    const hostile = Object.entries(hostileLines(FULL ? 1_000_000 : 64 * 1024));
    for (const [kind, text] of hostile) {
      const batch = new PatientBatch(compiled, 1);
      const bytes = encoder.encode(text);
      expect([kind, batch.addLineBytes(bytes, 0, bytes.length, AS_OF)]).toEqual([kind, DECLINED]);
    }
    const { differences } = compare(
      compiled,
      hostile.map(([, text]) => ofText(text)),
    );
    expect(differences).toEqual([]);
  });

  it('reads JSON’s other spellings, escapes and non-ASCII text as the string route does', () => {
    const compiled = PATHWAYS[0] as PopulationPathway;
    const line = (facts: string, centre = 'v\\u00e5rdcentral'): Line =>
      ofText(`{"id":"p-å-😀","healthCentre":"${centre}","facts":{${facts}}}`);
    const read = [
      line('"age":5.2e1,"nrsPain":6.50,"eq5dIndex":-0,"pdi":0.0,"isi":1E1'),
      line('"eq5dIndex":0.1000000000000000055511151231257827,"nrsPain":1e-7,"age":52.000'),
      line(' "age" : 52 , "redFlags" : [ "\\u0063audaEquina" , "fracture" ] '),
      line('"eq5dIndex":0.30000000000000004,"nrsPain":9.999999999999999,"age":1e1'),
      line('"age":52', 'vårdcentral Søndre 😀'),
      line('"age":52', 'v\\u00e5rd \\ud83d\\ude00 \\"quoted\\" \\\\ \\/'),
      line('"age":52,"medications":[{"name":"oxikodon å","atc":"N02AA05"}]', 'Ærø'),
      ofText('{"facts":{"age":52},"id":42.5}\r\n\t '),
    ];
    const { differences, read: count } = compare(compiled, read);
    expect(differences).toEqual([]);
    expect(count).toBe(read.length);
  });

  it('declines what is not UTF-8, a BOM and a control character, as the string route words them', () => {
    const compiled = PATHWAYS[0] as PopulationPathway;
    const withBytes = (text: string, at: string, bytes: number[]): Line => {
      const [before, after] = text.split(at) as [string, string];
      const head = encoder.encode(before);
      const tail = encoder.encode(after);
      const out = new Uint8Array(head.length + bytes.length + tail.length);
      out.set(head, 0);
      out.set(bytes, head.length);
      out.set(tail, head.length + bytes.length);
      return { bytes: out, asOf: AS_OF };
    };
    const valid = '{"id":"p1","healthCentre":"vc-@","facts":{"age":52}}';
    const lines = [
      withBytes(valid, '@', [0xff]), // not UTF-8
      withBytes(valid, '@', [0xc3]), // a sequence cut short
      withBytes(valid, '@', [0xed, 0xa0, 0x80]), // a surrogate written as UTF-8
      withBytes(valid, '@', [0xc0, 0xaf]), // an overlong form
      withBytes(valid, '@', [0x01]), // a control character
      withBytes(valid.replace('@', ''), '{"id"', [0xef, 0xbb, 0xbf, 0x7b, 0x22, 0x69, 0x64, 0x22]), // a BOM
      withBytes(valid, '"age"', [0x22, 0x61, 0xcc, 0x88, 0x67, 0x65, 0x22]), // a key not ASCII
    ];
    const { differences, read } = compare(compiled, lines);
    expect(differences).toEqual([]);
    expect(read).toBe(0);
  });

  it('reads keys in another order, near misses of a guessed key and prefixes of a name alike', () => {
    const compiled = PATHWAYS[0] as PopulationPathway;
    const synth = [...synthPatients(60, 31, AS_OF)].map((p) => JSON.stringify(p));
    const reordered = synth.map((text) => {
      const line = JSON.parse(text) as { facts: Record<string, unknown> };
      const facts = Object.fromEntries(Object.entries(line.facts).reverse());
      return JSON.stringify({ ...line, facts });
    });
    const facts = (members: string): string =>
      `{"id":"p1","healthCentre":"vc-a","facts":{${members}}}`;
    // Each line after the synthetic ones is read after lines that taught the reader to guess
    // `nrsPainBaseline` then `nrsPain`: a key that is such a guess cut short, grown, or one
    // byte off must be told apart from it, byte for byte.
    const near = [
      facts('"age":52,"nrsPain":5,"nrsPainBaseline":6'),
      facts('"age":52,"nrsPai":5'),
      facts('"age":52,"nrsPainBaselin":5'),
      facts('"age":52,"nrsPainBaseline2":5'),
      facts('"age":52,"nrsPainBaselinf":5'),
      facts('"age":52,"nrsPainBaseline" :5'),
      facts('"age":52,"nrsPain":5,"nrsPain":6'),
      facts('"ag":52'),
      facts('"agee":52'),
      facts('"pseq":20,"pseqBaseline":21,"pseq":22'),
      facts('"pdi":1,"isi":2,"pdi":3'),
      facts('"sex":"female","age":52'),
      facts('"age":52,"sex":"female"'),
      facts('"age":52'),
    ];
    // Each taught line makes the reader guess `pseqBaseline` after `nrsPain` and `isi` after
    // `pdi`; the line after it differs from the guess only where the guess's last piece is
    // compared (bytes 8–13 of `pseqBaseline":`, bytes 1–4 of `isi":`).
    const taught = [
      '"nrsPain":5,"pseqBaselinf":3',
      '"nrsPain":5,"pseqBaselina":3',
      '"nrsPain":5,"pseqBaseline2":3',
      '"nrsPain":5,"pseqBaselin":3',
      '"nrsPain":5,"pseqBaseli":3',
      '"pdi":1,"isj":2',
      '"pdi":1,"is":2',
      '"pdi":1,"isii":2',
      '"pdi":1,"iSi":2',
    ].flatMap((members) => [
      facts('"age":52,"nrsPain":5,"pseqBaseline":3,"pdi":1,"isi":2'),
      facts(`"age":52,${members}`),
    ]);
    const lines = [...synth, ...reordered, ...synth, ...near, ...near.reverse(), ...taught].map(
      (text) => ofText(text),
    );
    const { differences } = compare(compiled, lines);
    expect(differences).toEqual([]);
    // Valid lines after such misses are still read by the byte reader itself.
    const valid = [
      ...synth,
      ...reordered,
      ...synth,
      facts('"age":52,"nrsPain":5,"pseqBaseline":3'),
    ];
    expect(
      compare(
        compiled,
        valid.map((text) => ofText(text)),
      ).read,
    ).toBe(valid.length);
  });

  it('reads lines off its quick route (members, white space, numbers, step forms) alike', () => {
    const compiled = PATHWAYS[0] as PopulationPathway;
    const step = '{"id":"specialist-mmr","enteredAt":"2026-10-21"}';
    const meds = '[{"atc":"N02AA05","dose":20,"unit":"mg/day","since":"2026-01-02"}]';
    const facts = `{"age":52,"medications":${meds}}`;
    const lines = [
      `{"id":"p1","healthCentre":"vc-a","facts":${facts},"currentStep":${step}}`,
      `{"currentStep":${step},"facts":${facts},"healthCentre":"vc-a","id":"p1"}`,
      `{"id":7,"facts":${facts}}`,
      `{"id":"p1","asOf":"2026-06-01","facts":${facts}}`,
      `{"id":"p1","facts":${facts},"asOf":"2025-06-01"}`,
      `{"id":"p1","facts":${facts},"version":"1.0.0"}`,
      `{"id":"p1","facts":${facts},"version":"${compiled.pathway.version}"}`,
      `{ "id":"p1","facts":${facts}}`,
      `{"id":"p1", "facts":${facts}}`,
      `{"id":"p1","facts":${facts}}\r`,
      `{"id":"p1","facts":${facts}} x`,
      `{"id":"p1","facts":${facts},"id":"p2"}`,
      `{"id":"p1","facts":${facts},"facts":${facts}}`,
      `{"id":"p1","facts":{"age":52,"pdi":3},"facts":{"age":50}}`,
      `{"id":"p1","currentStep":${step},"facts":${facts},"currentStep":{"id":"follow-up"}}`,
      `{"id":"p1","facts":${facts},"currentStep":{"enteredAt":"2026-10-21","id":"follow-up"}}`,
      `{"id":"p1","facts":${facts},"currentStep":{"id":"follow-up"}}`,
      `{"id":"p1","facts":${facts},"currentStep":{"id":"no-such-step"}}`,
      `{"id":"p1","facts":${facts},"currentStep":{"id":"follow-up","enteredAt":"2027-01-01"}}`,
      `{"id":"p1","facts":${facts},"currentStep":{"id":"follow-up","enteredAt":"2026-02-30"}}`,
      `{"id":"p1","facts":${facts},"currentStep":{"id":"follow-up","enteredAt":"2026-10-21"`,
      `{"id":"p\\u0031","healthCentre":"v\\u00e5","facts":${facts}}`,
      `{"id":"p1","facts":{"age":52,"medications":[{"atc":"N02AA05","since":"2026-01-02","dose":5}]}}`,
      `{"id":"p1","facts":{"age":52,"medications":[{"atc":"N02AA05","dose":5,"dose":6}]}}`,
      `{"id":"p1","facts":{"age":52,"medications":[{"atc":"N02AA05","dose":null}]}}`,
      `{"id":"p1","facts":{"age":52,"medications":[{"atc":"N02AA05","dose":-1}]}}`,
      `{"id":"p1","facts":{"age":52,"medications":[{"atc":"N02AA05", "dose":1}]}}`,
      `{"id":"p1","facts":{"age":52,"medications":[{"atc":"N02AA05","name":"x\\"y"}]}}`,
      `{"id":"p1","facts":{"age":52,"medications":[{"atc":"N02AA05","since":"2027-01-01"}]}}`,
      `{"id":"p1","facts":{"age":52,"medications":[{"atc":"N02AA05"},{"atcx":"N02AA05"}]}}`,
      `{"id":"p1","facts":{"age":52,"medications":[{}]}}`,
      `{"id":"p1","facts":{"age":52,"medications":[{"atc":"N02AA05"}]`,
    ].map((text) => ofText(text));
    const { differences } = compare(compiled, lines);
    expect(differences).toEqual([]);
  });

  it(
    'agrees with the string route on fuzzed mutations of valid lines',
    () => {
      const compiled = PATHWAYS[0] as PopulationPathway;
      const valid = [
        ...[...synthPatients(200, 21, AS_OF)].map((p) => ({
          text: JSON.stringify(p),
          asOf: AS_OF,
        })),
        ...adversarialPatients(compiled.pathway, 200, 22).map(({ input, asOf }) => ({
          text: JSON.stringify(input),
          asOf,
        })),
      ];
      const nonAscii = [
        (line: string) => line.replace('vc-', 'vå-'),
        (line: string) => line.replace('vc-', '😀-'),
        (line: string) => line.replace('"age"', '"åge"'),
        (line: string) => line.replace(/"unit":"[^"]*"/, '"unit":"µg/h"'),
      ];
      const mutations = [...MUTATIONS, ...nonAscii];
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.nat({ max: valid.length - 1 }),
              fc.nat({ max: mutations.length - 1 }),
              fc.nat({ max: 2000 }),
            ),
            { minLength: 1, maxLength: 4 },
          ),
          (steps) => {
            const first = valid[(steps[0] as [number, number, number])[0]] as {
              text: string;
              asOf: string;
            };
            let text = first.text;
            for (const [, mutation, at] of steps)
              text = (mutations[mutation] as (l: string, at: number) => string)(
                text,
                at % (text.length + 1),
              );
            expect(compare(compiled, [ofText(text, first.asOf)]).differences).toEqual([]);
          },
        ),
        { numRuns: FULL ? 20_000 : 1_500, seed: 23 },
      );
    },
    TIMEOUT,
  );
});
