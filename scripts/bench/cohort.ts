/**
 * Cohort benchmark (not a test): `pathway cohort` over a synthetic population, from the file to
 * cohort.json + cohort.html, timed as a child process (wall time, and peak RSS when
 * /usr/bin/time is there). Run through `npm run bench -- --cohort`; the figures go into
 * docs/benchmarks.md with the machine named. The issue's targets: 1 000 000 patients in under
 * 5 s on 2 cores, and flat memory for 10 000 000 (compare the peak RSS of `--repeat 10`).
 *
 *   npm run bench -- --cohort                               # 1 000 000 patients, 3 rounds
 *   npm run bench -- --cohort --patients 200000 --rounds 5
 *   npm run bench -- --cohort --data /var/tmp/pop.ndjson --repeat 10   # the file 10 times over
 *   npm run bench -- --cohort --bin /elsewhere/bin/pathway.mjs          # another checkout, interleaved
 *   npm run bench -- --cohort --data months/2026-07-23.ndjson --as-of 2026-07-23   # 1.1.0
 *
 * The population is `pathway synth --pathway chronic-pain` on 2027-06-23 (chronic-pain 1.3.0,
 * the version with indicators), made once and kept in the temporary folder. With several
 * `--bin`, each round runs every checkout once, in turn, so that machine noise hits them alike.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const AS_OF = '2027-06-23';

/** Options of {@link cohortBench}. */
export interface CohortBenchOptions {
  patients: number;
  rounds: number;
  /** An NDJSON population to use instead of a synthetic one. */
  data: string | undefined;
  /** How many times the population is repeated in the file evaluated. */
  repeat: number;
  /** `pathway` entry points to time (default: this checkout's). */
  bins: string[];
  /** Worker threads (undefined: the CLI's default, one per core but one, besides the main thread, which evaluates too). */
  workers: string | undefined;
  /** The evaluation date (default 2027-06-23, chronic-pain 1.3.0): it picks the version. */
  asOf: string | undefined;
}

/** One timed run: wall seconds, CPU seconds (user + system) and peak RSS in bytes (NaN when unknown). */
interface Timing {
  seconds: number;
  cpu: number;
  rss: number;
}

const hasTime = existsSync('/usr/bin/time');

async function timeCohort(
  bin: string,
  file: string,
  out: string,
  asOf: string,
  workers?: string,
): Promise<Timing> {
  const args = [
    bin,
    'cohort',
    'chronic-pain',
    '--patients',
    file,
    '--as-of',
    asOf,
    '--by',
    'healthCentre',
    '--out',
    out,
    '--no-progress',
    '--pathways',
    resolve('pathways'),
    ...(workers === undefined ? [] : ['--workers', workers]),
  ];
  const start = process.hrtime.bigint();
  const { stderr } = hasTime
    ? await run('/usr/bin/time', ['-f', 'maxrss %M cpu %U %S', process.execPath, ...args], {
        maxBuffer: 64 * 1024 * 1024,
      })
    : await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const kib = /maxrss (\d+)/.exec(stderr)?.[1];
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(stderr);
  return {
    seconds,
    cpu: cpu === null ? NaN : Number(cpu[1]) + Number(cpu[2]),
    rss: kib === undefined ? NaN : Number(kib) * 1024,
  };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
};

/** Makes (or reuses) the population file and prints the timings as a Markdown table. */
export async function cohortBench(options: CohortBenchOptions): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'bench-cohort-'));
  try {
    let source = options.data;
    if (source === undefined) {
      source = join(tmpdir(), `bench-cohort-${options.patients}-${AS_OF}.ndjson`);
      if (!existsSync(source)) {
        const { stdout } = await run(
          process.execPath,
          [
            resolve('bin/pathway.mjs'),
            'synth',
            '--patients',
            String(options.patients),
            '--as-of',
            AS_OF,
            '--pathway',
            'chronic-pain',
          ],
          { maxBuffer: 4 * 1024 ** 3 },
        );
        await writeFile(source, stdout);
      }
    }
    let file = source;
    if (options.repeat > 1) {
      file = join(work, 'repeated.ndjson');
      const text = await readFile(source);
      for (let k = 0; k < options.repeat; k++) await appendFile(file, text);
    }
    const lines = (await countLines(source)) * options.repeat;
    const bins = options.bins.length > 0 ? options.bins : [resolve('bin/pathway.mjs')];
    const asOf = options.asOf ?? AS_OF;
    const times = new Map<string, Timing[]>(bins.map((b) => [b, []]));
    // One untimed run of each checkout first: a CLI that compiles itself on first use
    // (bin/compiled.mjs) does so then, once, not in a timed round.
    for (const bin of bins) await timeCohort(bin, file, join(work, 'out'), asOf, options.workers);
    for (let r = 0; r < options.rounds; r++)
      for (const bin of bins)
        times.get(bin)?.push(await timeCohort(bin, file, join(work, 'out'), asOf, options.workers));
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `pathway cohort chronic-pain --as-of ${asOf} --by healthCentre, ${lines.toLocaleString('en')} lines, to cohort.json + cohort.html; ${options.rounds} interleaved rounds, workers ${options.workers ?? 'the default (one per core but one, and the main thread)'}; Node ${process.version}, ${cpu}, ${cpus().length} cores, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      '| pathway | seconds (median) | seconds (all) | CPU s (median) | patients/s | peak RSS |',
    );
    console.log('|---|---:|---:|---:|---:|---:|');
    const first = median((times.get(bins[0] as string) ?? []).map((t) => t.seconds));
    for (const [bin, ts] of times) {
      const s = median(ts.map((t) => t.seconds));
      const rss = Math.max(...ts.map((t) => t.rss));
      const cpu = median(ts.map((t) => t.cpu));
      console.log(
        `| ${bin}${bin === bins[0] ? '' : ` (${(s / first).toFixed(2)}× the first)`} | ${s.toFixed(2)} | ${ts.map((t) => t.seconds.toFixed(2)).join(' ')} | ${cpu.toFixed(2)} | ${Math.round(lines / s).toLocaleString('en')} | ${Number.isNaN(rss) ? 'n/a' : `${(rss / 2 ** 20).toFixed(0)} MiB`} |`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Lines of a file, read in pieces (the file may be larger than a string can be). */
async function countLines(file: string): Promise<number> {
  const { createReadStream } = await import('node:fs');
  let n = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>)
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}
