/**
 * `pathway synth --patients N --seed S [--as-of DATE]`: a realistic synthetic chronic-pain
 * population as NDJSON on standard output, one `{ id, healthCentre, currentStep?, facts }`
 * per line (distributions: engine/synth/population.ts). The same arguments give the same bytes.
 *
 * `--months M --out DIR` writes M monthly populations ending on the as-of date, one file per
 * month named by its as-of date (`DIR/2026-11-23.ndjson`), for a series of cohort runs;
 * `--months M --month K` writes month K only, to standard output. `--drift
 * <centre>.<parameter>=<first>:<last>` (repeatable) moves a centre parameter linearly over the
 * months (engine/synth/drift.ts, engine/synth/months.ts). `--pathway ID` fits each line to
 * the version in effect on its date (engine/synth/fit.ts), so a series may cross a new version.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { PathwayError } from '../../errors';
import { findVersion, loadRepository, type PathwayRepository } from '../../node/repository';
import type { Centre } from '../../synth/centres';
import { parseDrift } from '../../synth/drift';
import { lineFitOf, type LineFit } from '../../synth/fit';
import { synthMonths } from '../../synth/months';
import { synthPatients } from '../../synth/population';
import { tempName } from '../../node/write';
import type { CommandFactory } from '../main';
import { EXIT_OK, type Io } from '../io';
import { parseDateOption, pathwaysRoot } from './shared';

interface SynthFlags {
  patients: number;
  seed: number;
  asOf?: string;
  months?: number;
  month?: number;
  out?: string;
  drift: string[];
  pathway?: string;
  pathways?: string;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

function parseMonths(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || n > 120)
    throw new InvalidArgumentError('expected a whole number of months from 1 to 120');
  return n;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Lines written per call to the output, so that a million patients are not a million writes. */
const BATCH = 2000;

/** The population as batches of NDJSON text. */
function* batches(
  count: number,
  seed: number,
  asOf: string,
  centres?: readonly Centre[],
  fit?: LineFit,
): Generator<string> {
  let batch: string[] = [];
  for (const line of synthPatients(count, seed, asOf, centres, fit)) {
    batch.push(JSON.stringify(line));
    if (batch.length === BATCH) {
      yield `${batch.join('\n')}\n`;
      batch = [];
    }
  }
  if (batch.length > 0) yield `${batch.join('\n')}\n`;
}

/** Streams batches into `file` through a temporary file, so a reader never sees half of it. */
async function writeBatches(file: string, texts: Iterable<string>): Promise<void> {
  const temp = tempName(file);
  const stream = createWriteStream(temp, { flags: 'wx' });
  try {
    for (const text of texts) if (!stream.write(text)) await once(stream, 'drain');
    stream.end();
    await once(stream, 'finish');
    await rename(temp, file);
  } catch (error) {
    stream.destroy();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

function usage(message: string): never {
  throw new PathwayError('INVALID_INPUT', message);
}

/** The version of `--pathway` in effect on `asOf`, as what a line may give; none without it. */
function fitFor(
  repo: PathwayRepository | undefined,
  id: string | undefined,
  asOf: string,
): LineFit | undefined {
  return repo === undefined || id === undefined
    ? undefined
    : lineFitOf(findVersion(repo, id, { asOf }).pathway);
}

async function run(io: Io, flags: SynthFlags): Promise<number> {
  const asOf = flags.asOf ?? io.today();
  const repo =
    flags.pathway === undefined
      ? undefined
      : await loadRepository(pathwaysRoot(io, flags.pathways));
  if (flags.months === undefined) {
    if (flags.drift.length > 0 || flags.out !== undefined || flags.month !== undefined)
      usage('--drift, --out and --month need --months');
    const fit = fitFor(repo, flags.pathway, asOf);
    for (const text of batches(flags.patients, flags.seed, asOf, undefined, fit)) io.out(text);
    return EXIT_OK;
  }
  const drifts = flags.drift.map((spec) => parseDrift(spec));
  const months = synthMonths(flags.months, asOf, flags.seed, drifts);
  if (flags.month !== undefined) {
    if (flags.out !== undefined) usage('give --out DIR for every month or --month K for one');
    const m = months[flags.month - 1];
    if (m === undefined || flags.month < 1)
      return usage(`--month ${flags.month}: expected 1 to ${flags.months}`);
    const fit = fitFor(repo, flags.pathway, m.asOf);
    for (const text of batches(flags.patients, m.seed, m.asOf, m.centres, fit)) io.out(text);
    return EXIT_OK;
  }
  if (flags.out === undefined) return usage('--months needs --out DIR (or --month K)');
  const dir = resolve(io.cwd, flags.out);
  await mkdir(dir, { recursive: true });
  for (const m of months) {
    const file = join(dir, `${m.asOf}.ndjson`);
    const fit = fitFor(repo, flags.pathway, m.asOf);
    await writeBatches(file, batches(flags.patients, m.seed, m.asOf, m.centres, fit));
    io.err(`month ${m.month}/${months.length}: ${file}`);
  }
  io.out(`${months.length} months of ${flags.patients} patients in ${dir}`);
  return EXIT_OK;
}

export const synthCommand: CommandFactory = (io, done) =>
  new Command('synth')
    .description(
      'Write a synthetic chronic-pain population as NDJSON to stdout (health centres with different case mixes and prescribing), or a series of months with a drift.',
    )
    .requiredOption('--patients <n>', 'number of patients (per month with --months)', parseCount)
    .option('--seed <n>', 'random seed (same seed, same population)', parseCount, 1)
    .option(
      '--as-of <date>',
      'the date the population is drawn for; with --months the last month (default: today)',
      parseDateOption,
    )
    .option('--months <n>', 'a series of monthly populations ending on --as-of', parseMonths)
    .option('--out <dir>', 'with --months: write one <as-of>.ndjson per month into this folder')
    .option('--month <k>', 'with --months: write month k (1 = the first) to stdout', parseMonths)
    .option(
      '--drift <spec>',
      'with --months: <centre>.<parameter>=<first>:<last>, moved linearly over the months (repeatable)',
      collect,
      [],
    )
    .option(
      '--pathway <id>',
      'fit every line to the version of this pathway in effect on its date (facts it lacks left out; sex drawn when it has a sex fact)',
    )
    .option('--pathways <dir>', 'pathways folder for --pathway (default: ./pathways)')
    .action(async (flags: SynthFlags) => done(await run(io, flags)));
