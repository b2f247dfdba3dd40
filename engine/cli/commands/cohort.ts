/**
 * `pathway cohort <pathway> --patients <file>`: evaluates a whole population (NDJSON or CSV,
 * read as a stream, on every core) and writes `cohort.json` and a self-contained `cohort.html`:
 * patients per step, steps and alerts per health centre, overdue outcome measures and
 * data-quality gaps. Bad lines are counted and reported with their line numbers; the run goes
 * on unless `--fail-on-bad-lines` is given (exit 2 at the first one).
 */
import { mkdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { PathwayError } from '../../errors';
import { cohortHtml } from '../../cohort/html';
import { cohortReport } from '../../cohort/report';
import { pickText } from '../../model/texts';
import { runCohort } from '../../node/cohort-run';
import { loadRepository, loadVersionFile, versionsOf } from '../../node/repository';
import { PATIENT_FIELDS } from '../../service/lines';
import { choosePinned, chooseVersion } from '../../service/versions';
import { writeFileAtomic } from '../../node/write';
import type { CommandFactory } from '../main';
import { EXIT_OK, EXIT_USAGE, type Io } from '../io';
import { isFile, parseDateOption, pathwaysRoot, requireFile } from './shared';

interface CohortFlags {
  patients: string;
  asOf?: string;
  by?: string;
  out?: string;
  format?: 'csv' | 'ndjson';
  failOnBadLines?: boolean;
  workers?: number;
  version?: string;
  pathways?: string;
  badLines: number;
  progress: boolean;
}

function parseFormat(value: string): 'csv' | 'ndjson' {
  if (value !== 'csv' && value !== 'ndjson')
    throw new InvalidArgumentError('expected csv or ndjson');
  return value;
}

/** `--by` names a patient field of the line format (engine/service/lines.ts). */
function parseBy(value: string): string {
  if (!(PATIENT_FIELDS as readonly string[]).includes(value))
    throw new InvalidArgumentError(
      `expected ${PATIENT_FIELDS.join(' or ')} (a line is { ${PATIENT_FIELDS.join(', ')}, currentStep?, facts, asOf?, version? })`,
    );
  return value;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

/** A progress bar on standard error, only when it is a terminal. */
function progressBar(
  enabled: boolean,
): ((done: number, total: number, lines: number) => void) | undefined {
  if (!enabled || process.stderr.isTTY !== true) return undefined;
  const started = Date.now();
  return (done, total, lines) => {
    const share = total === 0 ? 1 : done / total;
    const width = 30;
    const filled = Math.round(share * width);
    const rate = Math.round(lines / Math.max(0.001, (Date.now() - started) / 1000));
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(100 * share).toFixed(0).padStart(3)} %  ${lines.toLocaleString('en')} lines  ${rate.toLocaleString('en')}/s `,
    );
  };
}

async function run(io: Io, target: string, flags: CohortFlags): Promise<number> {
  // One version answers every line, chosen by the service's rule (docs/versions.md): a file
  // or --version names it, else the one in effect on --as-of (default today).
  const choice = { asOf: flags.asOf, version: flags.version };
  const path = resolve(io.cwd, target);
  const chosen = (await isFile(path))
    ? choosePinned(await loadVersionFile(path), choice, io.today)
    : chooseVersion(
        versionsOf(await loadRepository(pathwaysRoot(io, flags.pathways)), target),
        choice,
        io.today,
      );
  const { asOf } = chosen;
  const { pathway } = chosen.version;
  const file = resolve(io.cwd, flags.patients);
  await requireFile(file, '--patients');
  const format = flags.format ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'ndjson');
  const settings = { format, asOf, by: flags.by, badLineLimit: flags.badLines };
  const progress = progressBar(flags.progress);
  const counts = await runCohort({
    pathway,
    file,
    settings,
    ...(flags.workers === undefined ? {} : { workers: flags.workers }),
    ...(progress === undefined ? {} : { onProgress: progress }),
    stopOnBadLine: flags.failOnBadLines === true,
  });
  if (progress !== undefined) process.stderr.write('\n');
  const report = cohortReport(pathway, counts, {
    asOf,
    by: flags.by,
    title: pickText(pathway.title, 'en'),
  });
  const out = resolve(io.cwd, flags.out ?? '.');
  try {
    await mkdir(out, { recursive: true });
    await writeFileAtomic(join(out, 'cohort.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFileAtomic(join(out, 'cohort.html'), cohortHtml(report));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new PathwayError('FILE_READ', `--out ${out} cannot be written (${reason})`, [
      {
        code: 'FILE_READ',
        message: `${out} cannot be written (${reason})`,
        path: '--out',
        value: out,
      },
    ]);
  }
  for (const bad of report.badLines) io.err(`line ${bad.line}: ${bad.message}`);
  if (report.totals.badLines > report.badLines.length)
    io.err(`… and ${report.totals.badLines - report.badLines.length} more bad lines`);
  io.out(
    `${pathway.id} ${pathway.version} on ${asOf}: ${report.totals.patients.toLocaleString('en')} patients evaluated, ${report.totals.badLines.toLocaleString('en')} bad lines; wrote ${join(out, 'cohort.json')} and ${join(out, 'cohort.html')}`,
  );
  if (flags.failOnBadLines === true && report.totals.badLines > 0) {
    io.err(`stopped at the first bad line (--fail-on-bad-lines)`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

export const cohortCommand: CommandFactory = (io, done) =>
  new Command('cohort')
    .description(
      'Evaluate a population (NDJSON or CSV) on every core; write cohort.json and cohort.html (steps, centres, alerts, overdue measures, data gaps).',
    )
    .argument('<pathway>', 'pathway id (looked up in --pathways) or a pathway YAML file')
    .requiredOption(
      '--patients <file>',
      'NDJSON ({ id?, healthCentre?, currentStep?, facts, asOf?, version? } per line, what pathway synth writes) or CSV (see README)',
    )
    .option(
      '--as-of <date>',
      'evaluation date for lines without asOf (default: today); picks the version',
      parseDateOption,
    )
    .option('--by <field>', 'group by this line field: healthCentre (or id)', parseBy)
    .option('--out <dir>', 'folder for cohort.json and cohort.html (default: .)')
    .option('--format <format>', 'csv or ndjson (default: from the file extension)', parseFormat)
    .option('--fail-on-bad-lines', 'stop at the first bad line, exit 2')
    .option('--workers <n>', 'worker threads (default: one per core; 0: none)', parseCount)
    .option('--version <version>', 'use this version instead of the one in effect')
    .option('--pathways <dir>', 'pathways folder')
    .option('--bad-lines <n>', 'bad lines kept and printed with their messages', parseCount, 20)
    .option('--no-progress', 'no progress bar, even on a terminal')
    .action(async (target: string, flags: CohortFlags) => done(await run(io, target, flags)));
