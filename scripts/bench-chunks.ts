/**
 * Cohort chunk benchmark (not a test): the first `--lines` lines of a patients file, cut into
 * 1 MiB chunks at line ends as `pathway cohort` reads them, evaluated in one thread by this
 * checkout's `processChunkBytes` and by another checkout's (`--base DIR`, e.g. main before a
 * change), in alternating rounds in one process. Each side also pays what the file reader
 * does per chunk besides (this checkout: finding the line breaks through a Buffer view, handed
 * to `processChunkBytes`; the other: counting them with `Uint8Array.prototype.indexOf`, as
 * main did before). Prints the median and minimum CPU microseconds per line of each and
 * checks that both give the same counts, chunk by chunk.
 *
 *   npx tsx scripts/bench-chunks.ts --base /work/wt/base --data /var/tmp/months-1m/2027-06-23.ndjson --as-of 2027-06-23
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { processChunkBytes } from '../engine/cohort/process';
import { compilePopulation } from '../engine/fast/compile';
import { findVersion, loadRepository } from '../engine/node/repository';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    data: { type: 'string' },
    'as-of': { type: 'string' },
    lines: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '9' },
  },
});
if (values.base === undefined || values.data === undefined || values['as-of'] === undefined)
  throw new Error('give --base DIR, --data FILE and --as-of DATE');
const base = resolve(values.base);
const asOf = values['as-of'];
const LINES = Number(values.lines);
const NEWLINE = 10;

const all = readFileSync(values.data);
let end = 0;
for (let n = 0; n < LINES && end < all.length; n++)
  end = all.indexOf(NEWLINE, end) + 1 || all.length;
const chunks: Uint8Array[] = [];
for (let at = 0; at < end;) {
  const stop = Math.min(end, at + (1 << 20));
  const cut = stop === end ? stop : all.lastIndexOf(NEWLINE, stop - 1) + 1;
  chunks.push(Uint8Array.prototype.slice.call(all, at, cut));
  at = cut;
}
const settings = { format: 'ndjson' as const, asOf, by: 'healthCentre', badLineLimit: 20 };

type Process = typeof processChunkBytes;
const load = async <T>(path: string): Promise<T> =>
  (await import(pathToFileURL(join(base, path)).href)) as T;
const other = await load<{ processChunkBytes: Process }>('engine/cohort/process.ts');
const otherCompile = await load<{ compilePopulation: typeof compilePopulation }>(
  'engine/fast/compile.ts',
);
const otherRepo = await load<{
  loadRepository: typeof loadRepository;
  findVersion: typeof findVersion;
}>('engine/node/repository.ts');
const pathwayOf = async (repo: typeof otherRepo, root: string) =>
  repo.findVersion(await repo.loadRepository(root), 'chronic-pain', { asOf }).pathway;
const compiledHere = compilePopulation(
  await pathwayOf({ loadRepository, findVersion }, 'pathways'),
);
const compiledThere = otherCompile.compilePopulation(
  await pathwayOf(otherRepo, join(base, 'pathways')),
);

/** Line breaks as this checkout's file reader finds them. */
function breaksOf(bytes: Uint8Array): Int32Array {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const out: number[] = [];
  for (let i = view.indexOf(NEWLINE); i >= 0; i = view.indexOf(NEWLINE, i + 1)) out.push(i);
  return Int32Array.from(out);
}

const here = (): string => {
  let line = 1;
  const out = [];
  for (const c of chunks) {
    const breaks = breaksOf(c);
    out.push(processChunkBytes(compiledHere, undefined, settings, c, line, undefined, breaks));
    line += breaks.length;
  }
  return JSON.stringify(out);
};
const there = (): string => {
  let line = 1;
  const out = [];
  for (const c of chunks) {
    out.push(other.processChunkBytes(compiledThere, undefined, settings, c, line));
    for (let i = c.indexOf(NEWLINE); i >= 0; i = c.indexOf(NEWLINE, i + 1)) line++;
  }
  return JSON.stringify(out);
};
const timed = (f: () => string): { us: number; counts: string } => {
  const start = process.cpuUsage();
  const counts = f();
  const d = process.cpuUsage(start);
  return { us: (d.user + d.system) / LINES, counts };
};

here();
there();
const times = { here: [] as number[], there: [] as number[] };
for (let r = 0; r < Number(values.rounds); r++) {
  // Alternate which goes first.
  const order = r % 2 === 0 ? (['here', 'there'] as const) : (['there', 'here'] as const);
  const got = Object.fromEntries(order.map((k) => [k, timed(k === 'here' ? here : there)]));
  if (got['here']?.counts !== got['there']?.counts) throw new Error('the counts differ');
  for (const k of order) times[k].push(got[k]?.us ?? NaN);
}
const median = (x: number[]): number => [...x].sort((a, b) => a - b)[x.length >> 1] ?? NaN;
for (const k of ['there', 'here'] as const)
  console.log(
    `${k === 'here' ? 'this checkout' : base}: ${median(times[k]).toFixed(2)} µs/line median, ${Math.min(...times[k]).toFixed(2)} minimum`,
  );
console.log(
  `ratio ${(median(times.here) / median(times.there)).toFixed(3)} (${LINES} lines, ${values.rounds} rounds, counts identical)`,
);
