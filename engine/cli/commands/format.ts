/**
 * `pathway format [paths...] [--check]`: rewrites pathway and scenario files in canonical
 * form, so that a diff only ever shows real changes. Active and retired versions are
 * frozen and never rewritten; `--check` (for CI) writes nothing and fails when a file
 * is not canonical.
 */
import { relative, resolve } from 'node:path';
import { Command } from 'commander';
import { formatIssue, isPathwayError, type ErrorIssue } from '../../errors';
import { listPathwayFiles, type PathwayFile } from '../../node/files';
import { writeFileAtomic } from '../../node/write';
import { parsePathway, parseScenario } from '../../yaml/parse';
import { printPathway, printScenario } from '../../yaml/print';
import { EXIT_FAILURES, EXIT_OK, EXIT_USAGE, type Io } from '../io';
import type { CommandFactory } from '../main';
import { readTextFile } from '../../node/text-file';

type Outcome = 'canonical' | 'rewritten' | 'not-canonical' | 'frozen' | 'bad';

/** The `format` subcommand. */
export const formatCommand: CommandFactory = (io, done) =>
  new Command('format')
    .description('rewrite pathway and scenario files in canonical form (keys in schema order)')
    .argument('[paths...]', 'files or folders to format (default: ./pathways)')
    .option('--check', 'write nothing; list files that are not canonical and exit 1 if any')
    .action(async (paths: string[], options: { check?: boolean }) => {
      done(await runFormat(io, paths.length > 0 ? paths : ['pathways'], options.check === true));
    });

async function runFormat(io: Io, paths: string[], check: boolean): Promise<number> {
  const files: PathwayFile[] = [];
  for (const path of paths) {
    const absolute = resolve(io.cwd, path);
    try {
      files.push(...(await listPathwayFiles(absolute)));
    } catch {
      io.err(`error FILE_READ: ${path}: no such file or folder`);
      return EXIT_USAGE;
    }
  }
  const counts = new Map<Outcome, number>();
  for (const file of files) {
    const outcome = await formatOne(io, file, check);
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  return summarize(io, counts, files.length, check);
}

async function formatOne(io: Io, file: PathwayFile, check: boolean): Promise<Outcome> {
  const shown = relative(io.cwd, file.path) || file.path;
  let text: string;
  let canonical: string;
  let frozenAs: string | undefined;
  try {
    text = await readTextFile(file.path);
    if (file.kind === 'scenario') canonical = printScenario(parseScenario(text, shown));
    else {
      const pathway = parsePathway(text, shown);
      canonical = printPathway(pathway);
      if (pathway.status !== 'draft') frozenAs = `${pathway.version} is ${pathway.status}`;
    }
  } catch (error) {
    reportBadFile(io, shown, error);
    return 'bad';
  }
  if (canonical === text) return 'canonical';
  if (check) {
    io.out(
      `not canonical: ${shown}${frozenAs === undefined ? '' : ` (frozen: version ${frozenAs})`}`,
    );
    return 'not-canonical';
  }
  if (frozenAs !== undefined) {
    io.err(
      `refusing to rewrite ${shown}: version ${frozenAs}, so the file is frozen; put changes in a new version`,
    );
    return 'frozen';
  }
  await writeFileAtomic(file.path, canonical);
  io.out(`formatted ${shown}`);
  return 'rewritten';
}

function reportBadFile(io: Io, shown: string, error: unknown): void {
  const issues: readonly ErrorIssue[] = isPathwayError(error)
    ? error.issues
    : [
        {
          code: 'FILE_READ',
          message: error instanceof Error ? error.message : String(error),
          file: shown,
        },
      ];
  for (const issue of issues)
    io.err(`error ${issue.code}: ${formatIssue({ file: shown, ...issue })}`);
}

function summarize(
  io: Io,
  counts: ReadonlyMap<Outcome, number>,
  total: number,
  check: boolean,
): number {
  const n = (outcome: Outcome): number => counts.get(outcome) ?? 0;
  const files = (count: number): string => `${count} ${count === 1 ? 'file' : 'files'}`;
  if (check) {
    io.out(
      n('not-canonical') === 0
        ? `${files(n('canonical'))} canonical`
        : `${n('not-canonical')} of ${files(total)} not canonical; run 'pathway format' to fix`,
    );
  } else {
    io.out(`formatted ${files(n('rewritten'))}, ${n('canonical')} already canonical`);
  }
  if (n('bad') > 0) {
    io.err(`${files(n('bad'))} could not be read`);
    return EXIT_USAGE;
  }
  return n('frozen') > 0 || n('not-canonical') > 0 ? EXIT_FAILURES : EXIT_OK;
}
