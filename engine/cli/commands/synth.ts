/**
 * `pathway synth --patients N --seed S [--as-of DATE]`: a realistic synthetic chronic-pain
 * population as NDJSON on standard output, one `{ id, healthCentre, currentStep?, facts }`
 * per line (distributions: engine/synth/population.ts). The same arguments give the same bytes.
 */
import { Command, InvalidArgumentError } from 'commander';
import { synthPatients } from '../../synth/population';
import type { CommandFactory } from '../main';
import { EXIT_OK, type Io } from '../io';
import { parseDateOption } from './shared';

interface SynthFlags {
  patients: number;
  seed: number;
  asOf?: string;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

/** Lines written per call to the output, so that a million patients are not a million writes. */
const BATCH = 2000;

function run(io: Io, flags: SynthFlags): number {
  let batch: string[] = [];
  for (const line of synthPatients(flags.patients, flags.seed, flags.asOf ?? io.today())) {
    batch.push(JSON.stringify(line));
    if (batch.length === BATCH) {
      io.out(`${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length > 0) io.out(`${batch.join('\n')}\n`);
  return EXIT_OK;
}

export const synthCommand: CommandFactory = (io, done) =>
  new Command('synth')
    .description(
      'Write a synthetic chronic-pain population as NDJSON to stdout (health centres with different case mixes and prescribing).',
    )
    .requiredOption('--patients <n>', 'number of patients', parseCount)
    .option('--seed <n>', 'random seed (same seed, same population)', parseCount, 1)
    .option(
      '--as-of <date>',
      'the date the population is drawn for (default: today)',
      parseDateOption,
    )
    .action((flags: SynthFlags) => done(run(io, flags)));
