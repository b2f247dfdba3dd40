/**
 * Rejected-lines benchmark (not a test): what a bad line of each kind costs on the reader's
 * route (`PatientBatch.addLine`, its line diagnosis, and today's route for what both decline)
 * against a valid line on the same route — issue 19's "a rejected line costs at most 2× a
 * valid one". The lines are `npm run bench:loader`'s: valid synthetic lines, and each of
 * `BAD_LINE_KINDS` made from them, each a flat string as a file's chunk is.
 *
 * With `--compare <worktree>` the same lines also go through that tree's route (its own
 * engine, loaded from its files), interleaved with this one's round by round in one process,
 * so that a change is measured against what it changes under the same load.
 *
 *   npx tsx scripts/bench-rejected.ts --lines 20000 --rounds 5
 *   npx tsx scripts/bench-rejected.ts --lines 20000 --rounds 5 --compare /work/wt/base
 *
 * `--route bytes` times the cohort's route instead: each line's UTF-8 bytes to
 * `PatientBatch.addLineBytes`, and a line it declines decoded and handed on as
 * `processChunkBytes` does (engine/cohort/process.ts): by `addDeclinedLine` in a tree that has
 * it, else by the text route (`addLine`). The bytes are made before timing, as a file's chunk
 * already is.
 */
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as fastHere from '../engine/fast/index';
import * as repositoryHere from '../engine/node/repository';
import { synthPatients } from '../engine/synth/index';
import * as linesHere from '../test/fixtures/patient-lines';

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '5' },
    pathway: { type: 'string', default: 'chronic-pain' },
    version: { type: 'string', default: '1.3.0' },
    compare: { type: 'string' },
    route: { type: 'string', default: 'text' },
  },
});
if (values.route !== 'text' && values.route !== 'bytes')
  throw new Error(`--route is text or bytes, not ${values.route}`);
const BYTES = values.route === 'bytes';
const LINES = Number(values.lines);
const ROUNDS = Number(values.rounds);
const AS_OF = '2026-11-23';

/** One tree's route: its own engine, repository and line helpers. */
interface Route {
  name: string;
  add: (line: string, bytes: Uint8Array) => void;
}

type Fast = typeof fastHere;
type Repository = typeof repositoryHere;
/** The before tree's fixtures may lack `placedByReader` (and its batch `addDeclinedLine`). */
type Lines = Omit<typeof linesHere, 'placedByReader'> &
  Partial<Pick<typeof linesHere, 'placedByReader'>>;

async function routeOf(
  name: string,
  root: string,
  modules?: [Fast, Repository, Lines],
): Promise<Route> {
  const [fast, repository, lines] =
    modules ??
    ((await Promise.all([
      import(join(root, 'engine/fast/index.ts')),
      import(join(root, 'engine/node/repository.ts')),
      import(join(root, 'test/fixtures/patient-lines.ts')),
    ])) as [Fast, Repository, Lines]);
  const repo = await repository.loadRepository(join(root, 'pathways'));
  const { pathway } = repository.findVersion(repo, values.pathway, {
    version: values.version,
    asOf: AS_OF,
  });
  const batch = new fast.PatientBatch(fast.compilePopulation(pathway), 2048);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return {
    name,
    add: (line, bytes) => {
      if (batch.size === batch.capacity) batch.clear();
      if (!BYTES) {
        lines.addByReader(batch, line, AS_OF);
        return;
      }
      if (batch.addLineBytes(bytes, 0, bytes.length, AS_OF) !== fast.DECLINED) return;
      const text = decoder.decode(bytes);
      // processChunkBytes hands a declined line on by addDeclinedLine where the tree has it.
      const handOn = (batch as { addDeclinedLine?: unknown }).addDeclinedLine;
      if (typeof handOn === 'function' && lines.placedByReader !== undefined)
        lines.placedByReader(
          batch,
          batch.addDeclinedLine(bytes, 0, bytes.length, text, AS_OF),
          text,
          AS_OF,
        );
      else lines.addByReader(batch, text, AS_OF);
    },
  };
}

const routes = [await routeOf('this', process.cwd(), [fastHere, repositoryHere, linesHere])];
if (values.compare !== undefined) routes.push(await routeOf('before', resolve(values.compare)));

const valid = [...synthPatients(LINES, 1, AS_OF)].map((p) => JSON.stringify(p));
// Each line a flat string, as the slices of a file's chunk are (replace() makes ropes).
const flat = (line: string): string => JSON.parse(JSON.stringify(line)) as string;
const kinds = Object.entries({ valid: (line: string) => line, ...linesHere.BAD_LINE_KINDS }).map(
  ([kind, make]) => {
    // The huge kind on fewer lines: each is 80 times longer.
    const count = kind.startsWith('huge')
      ? Math.ceil(LINES / 50)
      : kind === 'valid'
        ? LINES
        : LINES / 4;
    const lines = valid.slice(0, count).map((line) => flat(make(line)));
    const encoder = new TextEncoder();
    const bytes = lines.map((line) => encoder.encode(line));
    const chars = lines.reduce((sum, line) => sum + line.length, 0) / lines.length;
    return { kind, lines, bytes, chars };
  },
);

const cpu = (f: () => void, n: number): number => {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
};

const load = [loadavg()[0] as number];
const samples = new Map<string, number[]>();
for (let round = 0; round <= ROUNDS; round++) {
  // Which route goes first alternates by round, so that neither always runs warm.
  const order = round % 2 === 0 ? routes : [...routes].reverse();
  for (const { kind, lines, bytes } of kinds)
    for (const route of order) {
      const us = cpu(() => {
        for (let i = 0; i < lines.length; i++)
          route.add(lines[i] as string, bytes[i] as Uint8Array);
      }, lines.length);
      // Round 0 warms up (the generated readers are optimised on first use).
      if (round > 0)
        samples.set(`${kind}|${route.name}`, [...(samples.get(`${kind}|${route.name}`) ?? []), us]);
    }
  load.push(loadavg()[0] as number);
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const at = (kind: string, route: string): number =>
  median(samples.get(`${kind}|${route}`) ?? [NaN]);
const validChars = (kinds[0] as { chars: number }).chars;

console.log(
  `${values.pathway} ${values.version}: ${LINES} synthetic lines, ${values.route} route, ${ROUNDS} rounds, median CPU µs per line; ` +
    `load average (1 min) ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`,
);
console.log(
  [
    'kind'.padEnd(32),
    ...routes.map((r) => `µs ${r.name}`.padStart(12)),
    ...routes.map((r) => `×valid ${r.name}`.padStart(22)),
    ...(routes.length > 1 ? ['before/this'.padStart(13)] : []),
  ].join(''),
);
for (const { kind, chars } of kinds) {
  const perChar = chars / validChars;
  const ratio = (route: string): string => {
    const x = at(kind, route) / at('valid', route);
    // A line much longer than a valid one is judged per character too.
    return perChar > 2 ? `${x.toFixed(2)} (${(x / perChar).toFixed(2)}/ch)` : x.toFixed(2);
  };
  console.log(
    [
      kind.padEnd(32),
      ...routes.map((r) => at(kind, r.name).toFixed(2).padStart(12)),
      ...routes.map((r) => ratio(r.name).padStart(22)),
      ...(routes.length > 1
        ? [`${(at(kind, 'before') / at(kind, 'this')).toFixed(2)}×`.padStart(13)]
        : []),
    ].join(''),
  );
}
