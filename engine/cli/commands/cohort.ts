/**
 * `pathway cohort <pathway> --patients <file>`: evaluates a whole population (NDJSON or CSV,
 * read as a stream, on every core) and writes `cohort.json` and a self-contained `cohort.html`
 * (in `--lang`): patients per step, steps and alerts per health centre, overdue outcome
 * measures, data-quality gaps and the pathway's indicators (small cells suppressed under
 * `--min-cell`; the table also as `indicators.csv`). `--worklists DIR` writes the patients
 * each indicator counts against per centre; `--store` appends the run's counts to the results
 * store. Bad lines are counted and reported with their line numbers; the run goes on unless
 * `--fail-on-bad-lines` is given (exit 2 at the first one). See docs/cohort.md.
 */
import { mkdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { PathwayError } from '../../errors';
import { cohortHtml } from '../../cohort/html';
import { indicatorCsv } from '../../cohort/indicator-csv';
import { indicatorInfos } from '../../cohort/indicators';
import { cohortReport, type CohortReport } from '../../cohort/report';
import type { CohortCounts } from '../../cohort/counts';
import { indicatorRun } from '../../cohort/run';
import { worklistText } from '../../cohort/worklist-text';
import { pickText } from '../../model/texts';
import type { Language } from '../../model/types';
import { CohortWorkers, defaultWorkerCount, runCohort } from '../../node/cohort-run';
import { WorklistFiles } from '../../node/cohort-worklists';
import { DEFAULT_MIN_CELL } from '../../results/stats';
import type { ResultsStore } from '../../results/store';
import { loadPathwayVersions, loadVersionFile } from '../../node/repository';
import { PATIENT_FIELDS } from '../../service/lines';
import { choosePinned, chooseVersion } from '../../service/versions';
import { writeFileAtomic } from '../../node/write';
import type { CommandFactory } from '../main';
import { EXIT_OK, EXIT_USAGE, type Io } from '../io';
import { isFile, parseDateOption, parseLanguageOption, pathwaysRoot, requireFile } from './shared';

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
  lang: Language;
  minCell: number;
  worklists?: string;
  store?: string;
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

function parseMinCell(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('expected a whole number ≥ 1 (1 suppresses nothing)');
  return n;
}

function usage(flag: string, message: string): PathwayError {
  return new PathwayError('INVALID_INPUT', `${flag}: ${message}`, [
    { code: 'INVALID_INPUT', message, path: flag },
  ]);
}

function writeError(flag: string, dir: string, error: unknown): PathwayError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new PathwayError('FILE_READ', `${flag} ${dir} cannot be written (${reason})`, [
    { code: 'FILE_READ', message: `${dir} cannot be written (${reason})`, path: flag, value: dir },
  ]);
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

/** Writes cohort.json, cohort.html and (with indicators) indicators.csv; returns their paths. */
async function writeReport(out: string, report: CohortReport): Promise<string[]> {
  const files: [string, string][] = [
    ['cohort.json', `${JSON.stringify(report, null, 2)}\n`],
    ['cohort.html', cohortHtml(report)],
  ];
  const table = indicatorCsv(report);
  if (table !== undefined) files.push(['indicators.csv', table]);
  try {
    await mkdir(out, { recursive: true });
    for (const [name, text] of files) await writeFileAtomic(join(out, name), text);
  } catch (error) {
    throw writeError('--out', out, error);
  }
  return files.map(([name]) => join(out, name));
}

/** Checks the flags that must be refused before a long run. */
function checkFlags(flags: CohortFlags): void {
  // A worklist per patient would be a file per patient; the store is shared and keeps no patient.
  if (flags.worklists !== undefined && flags.by === 'id')
    throw usage(
      '--worklists',
      'one worklist per patient id is not a worklist: use --by healthCentre',
    );
  if (flags.store !== undefined && flags.by === 'id')
    throw usage('--store', 'the results store keeps no patient: it refuses runs grouped by id');
}

async function run(io: Io, target: string, flags: CohortFlags): Promise<number> {
  // The worker threads load their code while this thread loads the pathway (a second or so
  // saved); they are closed by the run, or below when the run never starts.
  const workers = new CohortWorkers(flags.workers ?? defaultWorkerCount());
  try {
    return await runWith(io, target, flags, workers);
  } finally {
    await workers.close();
  }
}

async function runWith(
  io: Io,
  target: string,
  flags: CohortFlags,
  workers: CohortWorkers,
): Promise<number> {
  // One version answers every line, chosen by the service's rule (docs/versions.md): a file
  // or --version names it, else the one in effect on --as-of (default today).
  const choice = { asOf: flags.asOf, version: flags.version };
  const path = resolve(io.cwd, target);
  const chosen = (await isFile(path))
    ? choosePinned(await loadVersionFile(path), choice, io.today)
    : // Only the named pathway's folder is read (docs/cli.md): its versions can be nowhere else.
      chooseVersion(
        await loadPathwayVersions(pathwaysRoot(io, flags.pathways), target),
        choice,
        io.today,
      );
  const { asOf } = chosen;
  const { pathway } = chosen.version;
  const file = resolve(io.cwd, flags.patients);
  await requireFile(file, '--patients');
  checkFlags(flags);
  const format = flags.format ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'ndjson');
  const settings = { format, asOf, by: flags.by, badLineLimit: flags.badLines };
  const progress = progressBar(flags.progress);
  const hasIndicators = indicatorInfos(pathway).length > 0;
  if (flags.worklists !== undefined && !hasIndicators)
    io.err(`${pathway.id} ${pathway.version} declares no indicators: no worklists are written`);
  const worklistDir =
    flags.worklists === undefined || !hasIndicators ? undefined : resolve(io.cwd, flags.worklists);
  // The store's code (and its database drivers) is loaded only for a run that stores.
  const stores = flags.store === undefined ? undefined : await import('../../results/store');
  const storeTarget =
    flags.store === undefined || stores === undefined || stores.isDatabaseUrl(flags.store)
      ? flags.store
      : resolve(io.cwd, flags.store);
  // Opened first, so that a store that cannot be reached fails before the run, not after it.
  const store: ResultsStore | undefined =
    storeTarget === undefined || stores === undefined
      ? undefined
      : await stores.openResultsStore(storeTarget);
  try {
    let worklists: WorklistFiles | undefined;
    if (worklistDir !== undefined)
      worklists = await WorklistFiles.create(
        worklistDir,
        worklistText(pathway, flags.lang, asOf),
      ).catch((error: unknown) => {
        throw writeError('--worklists', worklistDir, error);
      });
    let counts: CohortCounts;
    try {
      counts = await runCohort({
        pathway,
        file,
        settings,
        workers,
        ...(progress === undefined ? {} : { onProgress: progress }),
        ...(worklists === undefined ? {} : { onWorklist: (rows) => worklists.write(rows) }),
        stopOnBadLine: flags.failOnBadLines === true,
      });
    } catch (error) {
      await worklists?.abandon();
      if (error instanceof PathwayError || worklistDir === undefined) throw error;
      throw writeError('--worklists', worklistDir, error);
    }
    if (progress !== undefined) process.stderr.write('\n');
    // A run stopped at its first bad line covers part of the file: it is neither listed nor stored.
    const stopped = flags.failOnBadLines === true && counts.badLineCount > 0;
    if (stopped && (worklists !== undefined || store !== undefined))
      io.err('the run stopped part-way: no worklists are written and nothing is stored');
    if (worklists !== undefined && worklistDir !== undefined) {
      if (stopped) await worklists.abandon();
      else {
        const names = await worklists
          .finish(Object.keys(counts.groups))
          .catch(async (error: unknown) => {
            await worklists.abandon();
            throw writeError('--worklists', worklistDir, error);
          });
        io.out(`wrote ${names.length / 2} worklists (CSV and HTML) in ${worklistDir}`);
      }
    }
    const report = cohortReport(pathway, counts, {
      asOf,
      by: flags.by,
      title: pickText(pathway.title, flags.lang),
      language: flags.lang,
      minCell: flags.minCell,
    });
    const written = await writeReport(resolve(io.cwd, flags.out ?? '.'), report);
    if (store !== undefined && stores !== undefined && storeTarget !== undefined && !stopped) {
      const id = await store.append(
        indicatorRun(pathway, counts, {
          asOf,
          by: flags.by,
          contentHash: chosen.version.hash,
          createdAt: new Date().toISOString(),
        }),
      );
      io.out(`stored run ${id} in ${stores.describeTarget(storeTarget)}`);
    }
    return finish(io, report, written, pathway, asOf, flags);
  } finally {
    await store?.close();
  }
}

function finish(
  io: Io,
  report: CohortReport,
  written: readonly string[],
  pathway: { id: string; version: string },
  asOf: string,
  flags: CohortFlags,
): number {
  for (const bad of report.badLines) io.err(`line ${bad.line}: ${bad.message}`);
  if (report.totals.badLines > report.badLines.length)
    io.err(`… and ${report.totals.badLines - report.badLines.length} more bad lines`);
  io.out(
    `${pathway.id} ${pathway.version} on ${asOf}: ${report.totals.patients.toLocaleString('en')} patients evaluated, ${report.totals.badLines.toLocaleString('en')} bad lines; wrote ${written.join(', ')}`,
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
      'Evaluate a population (NDJSON or CSV) on every core; write cohort.json and cohort.html (steps, centres, alerts, overdue measures, data gaps, indicators); optionally worklists and a stored run.',
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
    .option(
      '--workers <n>',
      'worker threads besides the main one, which evaluates too (default: one per core but one; 0: none)',
      parseCount,
    )
    .option('--version <version>', 'use this version instead of the one in effect')
    .option('--pathways <dir>', 'pathways folder')
    .option('--bad-lines <n>', 'bad lines kept and printed with their messages', parseCount, 20)
    .option('--no-progress', 'no progress bar, even on a terminal')
    .option(
      '--lang <language>',
      'language of cohort.html and the worklists: sv, da or en',
      parseLanguageOption,
      'en' as Language,
    )
    .option(
      '--min-cell <n>',
      `indicator counts of 1 to n-1 patients are suppressed in every output (default ${DEFAULT_MIN_CELL})`,
      parseMinCell,
      DEFAULT_MIN_CELL,
    )
    .option(
      '--worklists <dir>',
      'write per health centre the patients each indicator counts against (<centre>.csv, <centre>.html); never stored',
    )
    .option(
      '--store <target>',
      'append the run (counts only) to the results store: a SQLite file or a postgres:// URL',
    )
    .action(async (target: string, flags: CohortFlags) => done(await run(io, target, flags)));
