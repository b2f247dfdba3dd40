/**
 * `pathway report <store>`: the series of cohort runs kept in a results store (a SQLite file
 * or a `postgres://` URL, written by `pathway cohort --store`) as `report.html` and
 * `report.json` — each indicator over time per centre, small cells suppressed — and, for
 * each version break in the series, the semantic diff of the two versions as a "what
 * changed" page beside the report, linked from the break's marker.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { PathwayError, isPathwayError } from '../../errors';
import type { IndicatorRun } from '../../indicators/types';
import type { Language } from '../../model/types';
import { loadRepository } from '../../node/repository';
import {
  whatChangedFile,
  whatChangedHtml,
  whatChangedMissingHtml,
  type VersionBreak,
} from '../../node/what-changed';
import { writeFileAtomic } from '../../node/write';
import { DEFAULT_MIN_CELL, resultsHtml, resultsReport } from '../../results/index';
import { describeTarget, isDatabaseUrl, openResultsStore } from '../../results/store';
import type { CommandFactory } from '../main';
import { EXIT_OK, type Io } from '../io';
import { parseDateOption, parseLanguageOption, pathwaysRoot } from './shared';

interface ReportFlags {
  pathway?: string;
  out?: string;
  lang: Language;
  minCell: number;
  from?: string;
  to?: string;
  pathways?: string;
}

function parseMinCell(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

function noRuns(
  message: string,
  code: 'NOT_FOUND' | 'UNKNOWN_PATHWAY',
  value: string,
): PathwayError {
  return new PathwayError(code, message, [{ code, message, value }]);
}

/** The runs to report: one pathway's, in the date range; a clear error when there are none. */
async function readRuns(target: string, flags: ReportFlags): Promise<IndicatorRun[]> {
  const store = await openResultsStore(target, { create: false });
  try {
    const range = {
      ...(flags.from === undefined ? {} : { from: flags.from }),
      ...(flags.to === undefined ? {} : { to: flags.to }),
    };
    const where = describeTarget(target);
    const all = await store.runs(range);
    const ids = [...new Set(all.map((run) => run.pathwayId))].sort();
    const range_ = flags.from === undefined && flags.to === undefined ? '' : ' in that date range';
    if (all.length === 0)
      throw noRuns(`results store ${where} has no runs${range_}`, 'NOT_FOUND', where);
    const id = flags.pathway ?? (ids.length === 1 ? ids[0] : undefined);
    if (id === undefined) {
      const message = `results store ${where} holds runs of ${ids.join(', ')}: choose one with --pathway`;
      throw new PathwayError('BAD_REQUEST', message, [
        { code: 'BAD_REQUEST', message, path: '--pathway' },
      ]);
    }
    const runs = all.filter((run) => run.pathwayId === id);
    if (runs.length === 0)
      throw noRuns(
        `results store ${where} has no runs of pathway '${id}'${range_} (it has: ${ids.join(', ')})`,
        'UNKNOWN_PATHWAY',
        id,
      );
    return runs;
  } finally {
    await store.close();
  }
}

/** Version changes between consecutive runs (the runs are oldest first). */
export function versionBreaks(runs: readonly IndicatorRun[]): VersionBreak[] {
  const out: VersionBreak[] = [];
  for (let i = 1; i < runs.length; i++) {
    const before = runs[i - 1];
    const after = runs[i];
    if (before === undefined || after === undefined || before.version === after.version) continue;
    if (!out.some((b) => b.from === before.version && b.to === after.version))
      out.push({ pathwayId: after.pathwayId, from: before.version, to: after.version });
  }
  return out;
}

/**
 * Writes the "what changed" page of each break and returns the pages written, by break. A
 * break whose versions are not in the pathways folder gets a page saying so (the marker's
 * link never leads nowhere), and a warning on stderr; the report goes on.
 */
async function writeDiffs(
  io: Io,
  out: string,
  breaks: VersionBreak[],
  flags: ReportFlags,
): Promise<{ links: Map<string, string>; missing: number }> {
  const links = new Map<string, string>();
  let missing = 0;
  if (breaks.length === 0) return { links, missing };
  const repo = await loadRepository(pathwaysRoot(io, flags.pathways));
  for (const change of breaks) {
    let page: string;
    try {
      page = whatChangedHtml(repo, change, flags.lang);
    } catch (error) {
      if (!isPathwayError(error)) throw error;
      io.err(`warning: no diff for ${change.from} → ${change.to}: ${error.message}`);
      page = whatChangedMissingHtml(change, error.message, flags.lang);
      missing += 1;
    }
    const file = whatChangedFile(change);
    await writeFileAtomic(join(out, file), page);
    links.set(`${change.from}→${change.to}`, file);
  }
  return { links, missing };
}

async function run(io: Io, storeArg: string, flags: ReportFlags): Promise<number> {
  const target = isDatabaseUrl(storeArg) ? storeArg : resolve(io.cwd, storeArg);
  const runs = await readRuns(target, flags);
  const out = resolve(io.cwd, flags.out ?? '.');
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new PathwayError('FILE_READ', `--out ${out} cannot be written (${reason})`, [
      { code: 'FILE_READ', message: `cannot be written (${reason})`, path: '--out', value: out },
    ]);
  }
  const { links, missing } = await writeDiffs(io, out, versionBreaks(runs), flags);
  const report = resultsReport(runs, { minCell: flags.minCell, lang: flags.lang });
  const html = resultsHtml(report, {
    lang: flags.lang,
    // Every break of the report has its page: resultsReport and versionBreaks read the same runs.
    diffHref: (from, to) =>
      links.get(`${from}→${to}`) ?? whatChangedFile({ pathwayId: report.pathwayId, from, to }),
  });
  await writeFileAtomic(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFileAtomic(join(out, 'report.html'), html);
  const first = runs[0];
  const last = runs[runs.length - 1];
  io.out(
    `${first?.pathwayId ?? ''}: ${runs.length} runs from ${first?.asOf ?? ''} to ${last?.asOf ?? ''}, ${links.size} version breaks${missing > 0 ? ` (${missing} without a diff: versions not in the pathways folder)` : ''}; wrote ${join(out, 'report.html')} and ${join(out, 'report.json')}`,
  );
  return EXIT_OK;
}

export const reportCommand: CommandFactory = (io, done) =>
  new Command('report')
    .description(
      'Report the runs kept in a results store (pathway cohort --store): each indicator over time per centre, version breaks with what changed; writes report.html and report.json.',
    )
    .argument('<store>', 'results store: a SQLite file or a postgres:// URL')
    .option(
      '--pathway <id>',
      'the pathway whose runs to report (needed when the store holds several)',
    )
    .option(
      '--out <dir>',
      'folder for report.html, report.json and the what-changed pages (default: .)',
    )
    .option('--lang <lang>', 'sv, da or en', parseLanguageOption, 'en' as Language)
    .option('--min-cell <n>', 'counts from 1 to n−1 are suppressed', parseMinCell, DEFAULT_MIN_CELL)
    .option('--from <date>', 'first as-of date to include (YYYY-MM-DD)', parseDateOption)
    .option('--to <date>', 'last as-of date to include (YYYY-MM-DD)', parseDateOption)
    .option('--pathways <dir>', 'pathways folder, for the what-changed diffs (default: ./pathways)')
    .action(async (store: string, flags: ReportFlags) => done(await run(io, store, flags)));
