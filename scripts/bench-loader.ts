/**
 * Loader benchmark (not a test): what reading one patients line costs, per kind of line —
 * valid synthetic lines and each kind of bad line — three ways, in interleaved rounds on one
 * thread:
 *   - `JSON.parse` alone (the floor of today's route);
 *   - today's route: `JSON.parse`, the line split, `PatientBatch.add` (check and derive);
 *   - the line reader alone (`read`: characters to checked slots, JSON.parse's job);
 *   - the reader's route: `PatientBatch.addLine` (read, then derive), and today's route for
 *     a line it declines.
 * Prints the median CPU microseconds per line of each, the reader's speed-up over `JSON.parse`
 * (read alone) and over today's route (whole routes), and what a line of each bad kind costs
 * against a valid one on each route.
 *
 *   npm run bench:loader
 *   npm run bench:loader -- --lines 50000 --rounds 7
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PatientBatch, compilePopulation } from '../engine/fast/index';
import { lineReaderFor } from '../engine/fast/line-reader';
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
  return { kind, lines: valid.slice(0, count).map((line) => flat(make(line))) };
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
const row = new Array<unknown>(compiled.layout.size).fill(undefined);
const METHODS = {
  // The reader's own work (characters to checked slots), the same job as JSON.parse's.
  read: (lines: readonly string[]): void => {
    for (const line of lines) reader.read(line, 0, line.length, row, AS_OF);
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
  for (const { kind, lines } of kinds)
    for (const [method, run] of Object.entries(METHODS)) {
      const us = cpu(() => run(lines), lines.length);
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
    ' ×valid (reader)',
    ' ×valid (today)',
  ].join(''),
);
for (const { kind } of kinds) {
  const parse = at(kind, 'JSON.parse');
  const today = at(kind, 'today');
  const read = at(kind, 'read');
  const reader = at(kind, 'reader');
  console.log(
    [
      kind.padEnd(32),
      parse.toFixed(2).padStart(10),
      read.toFixed(2).padStart(8),
      today.toFixed(2).padStart(8),
      reader.toFixed(2).padStart(8),
      (kind.startsWith('valid') ? `${(parse / read).toFixed(2)}×` : '-').padStart(13),
      `${(today / reader).toFixed(2)}×`.padStart(13),
      `${(reader / validReader).toFixed(2)}`.padStart(16),
      `${(today / validToday).toFixed(2)}`.padStart(15),
    ].join(''),
  );
}
