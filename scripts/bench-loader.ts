/**
 * Loader benchmark (not a test): what reading one patients line costs, per kind of line —
 * valid synthetic lines and each kind of bad line — three ways, in interleaved rounds on one
 * thread:
 *   - `JSON.parse` alone (the floor of today's route);
 *   - today's route: `JSON.parse`, the line split, `PatientBatch.add` (check and derive);
 *   - the line reader alone (`read`: characters to checked slots, JSON.parse's job);
 *   - the byte reader alone (`bytes`: the same reader on each line's UTF-8 bytes, the lines
 *     of a kind laid end to end in one buffer as a file's chunk is), against `JSON.parse` of
 *     the already decoded line (the strict figure: decoding not counted for JSON.parse) and
 *     against `decode+parse` (the chunk's UTF-8 decode, the line sliced, `JSON.parse`: what a
 *     file route pays before JSON.parse has read anything);
 *   - the reader's route: `PatientBatch.addLine` (read, then derive), and today's route for
 *     a line it declines.
 * Then a whole cohort chunk of the valid lines in one thread (`--by healthCentre`), handed over
 * as text (decoded from the file's bytes, then `processChunk`) and as bytes
 * (`processChunkBytes`, the byte reader first), interleaved.
 * Prints the median CPU microseconds per line of each, the readers' speed-ups over `JSON.parse`
 * (read alone, bytes alone, and bytes against decode+parse) and over today's route (whole routes), and what a line of each bad kind costs
 * against a valid one on each route.
 *
 *   npm run bench:loader
 *   npm run bench:loader -- --lines 50000 --rounds 7
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { processChunk, processChunkBytes } from '../engine/cohort/process';
import { PatientBatch, compilePopulation } from '../engine/fast/index';
import { byteReaderFor, lineReaderFor } from '../engine/fast/line-reader';
import { findVersion, loadRepository } from '../engine/node/repository';
import { synthPatients } from '../engine/synth/index';
import { BAD_LINE_KINDS, addByReader, addToday } from '../test/fixtures/patient-lines';

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '5' },
    pathway: { type: 'string', default: 'chronic-pain' },
    version: { type: 'string', default: '1.3.0' },
  },
});
const LINES = Number(values.lines);
const ROUNDS = Number(values.rounds);
const AS_OF = '2026-11-23';

const repo = await loadRepository(join(process.cwd(), 'pathways'));
const { pathway } = findVersion(repo, values.pathway, { version: values.version, asOf: AS_OF });
const compiled = compilePopulation(pathway);
const valid = [...synthPatients(LINES, 1, AS_OF)].map((p) => JSON.stringify(p));

/** Lines laid end to end as a file's chunk: its UTF-8 bytes and where each line is in them. */
interface Chunk {
  bytes: Uint8Array;
  from: Int32Array;
  to: Int32Array;
}

function chunkOf(lines: readonly string[]): Chunk {
  const encoder = new TextEncoder();
  const parts = lines.map((line) => encoder.encode(`${line}\n`));
  const bytes = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  const from = new Int32Array(lines.length);
  const to = new Int32Array(lines.length);
  let at = 0;
  parts.forEach((part, k) => {
    bytes.set(part, at);
    from[k] = at;
    to[k] = at + part.length - 1;
    at += part.length;
  });
  return { bytes, from, to };
}

/** Each kind of line: valid lines, or valid lines with one thing made bad. */
const KINDS: Record<string, (line: string) => string> = {
  valid: (line) => line,
  // Valid too: an uncertain record first in the list (the reader once declined such lines).
  'valid, uncertain medication': (line) =>
    line.includes('"medications":[')
      ? line.replace(
          '"medications":[',
          '"medications":[{"name":"x","uncertain":{"reason":"status-unknown"}},',
        )
      : line.replace(
          '"facts":{',
          '"facts":{"medications":[{"name":"x","uncertain":{"reason":"status-unknown"}}],',
        ),
  ...BAD_LINE_KINDS,
};
const kinds = Object.entries(KINDS).map(([kind, make]) => {
  // The huge kind on fewer lines: each is 80 times longer.
  const count = kind.startsWith('huge')
    ? Math.ceil(LINES / 50)
    : kind === 'valid'
      ? LINES
      : LINES / 4;
  // Each line a flat string, as the slices of a file's chunk are: one made by replace() is
  // a rope, whose characters cost any reader more to get at than a file's do.
  const flat = (line: string): string => JSON.parse(JSON.stringify(line)) as string;
  const lines = valid.slice(0, count).map((line) => flat(make(line)));
  return { kind, lines, chunk: chunkOf(lines) };
});

const cpu = (f: () => void, n: number): number => {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
};
const batch = new PatientBatch(compiled, 2048);
const reader = lineReaderFor(compiled);
if (reader === undefined) throw new Error(`${pathway.id} ${pathway.version} has no line reader`);
const bytesReader = byteReaderFor(compiled);
if (bytesReader === undefined)
  throw new Error(`${pathway.id} ${pathway.version} has no byte reader`);
const row = new Array<unknown>(compiled.layout.size).fill(undefined);
const decoder = new TextDecoder();
const METHODS = {
  // The reader's own work (characters to checked slots), the same job as JSON.parse's.
  read: (lines: readonly string[]): void => {
    for (const line of lines) reader.read(line, 0, line.length, row, AS_OF);
  },
  // The same work from the line's bytes.
  bytes: (_: readonly string[], { bytes, from, to }: Chunk): void => {
    for (let k = 0; k < from.length; k++)
      bytesReader.read(bytes, from[k] as number, to[k] as number, row, AS_OF);
  },
  // What JSON.parse costs a file route: the chunk decoded, each line sliced, then parsed.
  'decode+parse': (_: readonly string[], { bytes }: Chunk): void => {
    const text = decoder.decode(bytes);
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      try {
        JSON.parse(text.slice(start, end));
      } catch {
        // a bad line costs its failure
      }
      start = end + 1;
    }
  },
  'JSON.parse': (lines: readonly string[]): void => {
    for (const line of lines) {
      try {
        JSON.parse(line);
      } catch {
        // a bad line costs its failure
      }
    }
  },
  today: (lines: readonly string[]): void => {
    for (const line of lines) {
      if (batch.size === batch.capacity) batch.clear();
      addToday(batch, line, AS_OF);
    }
  },
  reader: (lines: readonly string[]): void => {
    for (const line of lines) {
      if (batch.size === batch.capacity) batch.clear();
      addByReader(batch, line, AS_OF);
    }
  },
};

const samples = new Map<string, number[]>();
for (let round = 0; round <= ROUNDS; round++)
  for (const { kind, lines, chunk } of kinds)
    for (const [method, run] of Object.entries(METHODS)) {
      const us = cpu(() => run(lines, chunk), lines.length);
      // Round 0 warms up (the generated reader is optimised on first use).
      if (round > 0)
        samples.set(`${kind}|${method}`, [...(samples.get(`${kind}|${method}`) ?? []), us]);
    }

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const at = (kind: string, method: string): number =>
  median(samples.get(`${kind}|${method}`) ?? [NaN]);
const validReader = at('valid', 'reader');
const validToday = at('valid', 'today');
console.log(
  `${pathway.id} ${pathway.version}: ${LINES} synthetic lines, ${ROUNDS} rounds (median CPU µs per line)`,
);
console.log(
  [
    'kind'.padEnd(32),
    'JSON.parse',
    '    read',
    '   today',
    '  reader',
    '  parse/read',
    ' today/reader',
    '   bytes',
    ' parse/bytes',
    ' decode+parse/bytes',
    ' ×valid (reader)',
    ' ×valid (today)',
  ].join(''),
);
for (const { kind } of kinds) {
  const parse = at(kind, 'JSON.parse');
  const today = at(kind, 'today');
  const read = at(kind, 'read');
  const reader = at(kind, 'reader');
  const bytes = at(kind, 'bytes');
  const decodeParse = at(kind, 'decode+parse');
  const valid = kind.startsWith('valid');
  console.log(
    [
      kind.padEnd(32),
      parse.toFixed(2).padStart(10),
      read.toFixed(2).padStart(8),
      today.toFixed(2).padStart(8),
      reader.toFixed(2).padStart(8),
      (valid ? `${(parse / read).toFixed(2)}×` : '-').padStart(13),
      `${(today / reader).toFixed(2)}×`.padStart(13),
      bytes.toFixed(2).padStart(8),
      (valid ? `${(parse / bytes).toFixed(2)}×` : '-').padStart(12),
      (valid ? `${(decodeParse / bytes).toFixed(2)}×` : '-').padStart(19),
      `${(reader / validReader).toFixed(2)}`.padStart(16),
      `${(today / validToday).toFixed(2)}`.padStart(15),
    ].join(''),
  );
}

// A cohort chunk of the valid lines, handed over as text or as bytes (same lines, same work).
const validChunk = (kinds[0] as (typeof kinds)[number]).chunk.bytes;
const settings = { format: 'ndjson', asOf: AS_OF, by: 'healthCentre', badLineLimit: 100 } as const;
const chunkRuns = {
  text: (): void => {
    processChunk(compiled, undefined, settings, decoder.decode(validChunk), 1);
  },
  bytes: (): void => {
    processChunkBytes(compiled, undefined, settings, validChunk, 1);
  },
};
const chunkSamples = new Map<string, number[]>();
for (let round = 0; round <= ROUNDS; round++)
  for (const [how, run] of Object.entries(chunkRuns)) {
    const us = cpu(run, LINES);
    if (round > 0) chunkSamples.set(how, [...(chunkSamples.get(how) ?? []), us]);
  }
const chunkText = median(chunkSamples.get('text') ?? [NaN]);
const chunkBytes = median(chunkSamples.get('bytes') ?? [NaN]);
console.log(
  `cohort chunk of the valid lines (one thread, --by healthCentre): as text ${chunkText.toFixed(2)} µs per line, as bytes ${chunkBytes.toFixed(2)} (text/bytes ${(chunkText / chunkBytes).toFixed(2)}×)`,
);
