/**
 * Results series benchmark (not a test): 12 monthly cohort runs over a synthetic region, each
 * stored in a results store (`pathway cohort … --store`), then `pathway report` over the
 * series. Prints the time of each stage; the target is under 2 minutes for storing
 * and reporting the 12 runs of 1 000 000 patients (the populations are made beforehand and
 * timed apart: they stand in for the region's data extracts).
 *
 *   npm run bench:results
 *   npm run bench:results -- --patients 100000 --months 12
 *   npm run bench:results -- --data /var/tmp/months      # keep the populations for the next run
 *   npm run bench:results -- --store postgres://…         # the store in PostgreSQL
 *
 * The months come from `pathway synth --months --pathway chronic-pain` with a drift (one
 * centre's opioid reviews improving), ending on 2027-06-23 so that the series crosses two
 * version breaks (1.1.0 → 1.2.0 → 1.3.0, the first version with indicators); the version
 * is the one in effect on each month's date unless `--switch K:V` makes months K… use V.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { memoryIo } from '../engine/cli/io';
import { main } from '../engine/cli/main';
import { openResultsStore } from '../engine/results/store';

const run = promisify(execFile);

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '1000000' },
    months: { type: 'string', default: '12' },
    // The series crosses the dates chronic-pain 1.2.0 and 1.3.0 (the first with indicators) take over.
    'as-of': { type: 'string', default: '2027-06-23' },
    seed: { type: 'string', default: '1' },
    drift: { type: 'string', default: 'vc-bruksorten.opioidReviewDays=140:45' },
    data: { type: 'string' },
    store: { type: 'string' },
    switch: { type: 'string' },
    lang: { type: 'string', default: 'sv' },
  },
});
const patients = Number(values.patients);
const months = Number(values.months);
const root = resolve('.');
const work = await mkdtemp(join(tmpdir(), 'bench-results-'));
const dataDir = resolve(
  values.data ?? join(tmpdir(), `bench-results-months-${patients}-${months}-${values.seed}`),
);
const store = values.store ?? join(work, 'results.sqlite');
const [switchMonth, switchVersion] = (values.switch ?? '').split(':');

/** Runs `pathway …` in a child process (the populations); resolves to its standard output. */
async function pathwayChild(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [join(root, 'bin/pathway.mjs'), ...args], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/**
 * Runs `pathway …` in this process, through the command line's own `main` (the same code as
 * the `pathway` binary, without paying Node's and tsx's start-up once per month).
 */
async function pathway(...args: string[]): Promise<string> {
  const io = memoryIo(root, String(values['as-of']));
  const code = await main(args, io);
  if (code !== 0) throw new Error(`pathway ${args[0] ?? ''} exited ${code}: ${io.stderr.join('')}`);
  return io.stdout.join('\n');
}

async function timed<T>(work_: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work_();
  return [value, (performance.now() - start) / 1000];
}

const rows: [string, number][] = [];
const seconds = (s: number): string => `${s.toFixed(1)} s`;

// 1. The populations (kept in --data between runs; made only when missing).
await mkdir(dataDir, { recursive: true });
let files = (await readdir(dataDir)).filter((f) => f.endsWith('.ndjson')).sort();
if (files.length !== months) {
  const [, made] = await timed(() =>
    pathwayChild(
      'synth',
      '--patients',
      String(patients),
      '--seed',
      String(values.seed),
      '--as-of',
      String(values['as-of']),
      '--months',
      String(months),
      '--out',
      dataDir,
      '--drift',
      String(values.drift),
      // Each month's lines fitted to the version in effect on its date (1.3.0 has `sex`).
      '--pathway',
      'chronic-pain',
    ),
  );
  console.log(
    `made ${months} months of ${patients.toLocaleString('en')} patients in ${seconds(made)} (not counted)`,
  );
  files = (await readdir(dataDir)).filter((f) => f.endsWith('.ndjson')).sort();
} else console.log(`using the ${months} months in ${dataDir}`);

// 2. One cohort run per month, stored.
let stored = 0;
for (const [i, file] of files.entries()) {
  const asOf = file.replace(/\.ndjson$/, '');
  const version =
    switchMonth !== undefined && switchVersion !== undefined && i + 1 >= Number(switchMonth)
      ? ['--version', switchVersion]
      : [];
  const [, took] = await timed(() =>
    pathway(
      'cohort',
      'chronic-pain',
      '--patients',
      join(dataDir, file),
      '--as-of',
      asOf,
      '--by',
      'healthCentre',
      '--out',
      join(work, 'cohort', asOf),
      '--store',
      store,
      '--no-progress',
      ...version,
    ),
  );
  rows.push([`cohort --store ${asOf}`, took]);
  stored += took;
  console.log(`month ${i + 1}/${files.length} ${asOf}: ${seconds(took)}`);
}

// The store alone: the same runs appended again to a fresh SQLite store (the cohort runs
// above include it, but their time is the evaluation's).
const series = await (async () => {
  const source = await openResultsStore(store, { create: false });
  try {
    return await source.runs();
  } finally {
    await source.close();
  }
})();
const [, appended] = await timed(async () => {
  const fresh = await openResultsStore(join(work, 'again.sqlite'));
  try {
    for (const one of series) await fresh.append(one);
  } finally {
    await fresh.close();
  }
});

// 3. The report over the series.
const out = join(work, 'report');
const [said, reported] = await timed(() =>
  pathway('report', store, '--out', out, '--lang', String(values.lang)),
);
rows.push(['report', reported]);
console.log(said.trim());

const total = stored + reported;
console.log(
  `\n${files.length} runs of ${patients.toLocaleString('en')} patients, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, store ${store.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`,
);
console.log('| stage | time |\n|---|---:|');
for (const [stage, took] of rows) console.log(`| ${stage} | ${seconds(took)} |`);
console.log(`| cohort runs stored (all ${files.length}) | ${seconds(stored)} |`);
console.log(
  `| of which the store alone: ${series.length} appends | ${(appended * 1000).toFixed(0)} ms |`,
);
console.log(`| **total: stored and reported** | **${seconds(total)}** |`);
console.log(total < 120 ? 'under the 2-minute target' : 'OVER the 2-minute target');
console.log(`report: ${join(out, 'report.html')}`);
if (!existsSync(join(out, 'report.html'))) process.exitCode = 1;
// The report stays for a look; the populations stay in the data folder for the next run.
await rm(join(work, 'cohort'), { recursive: true, force: true });
