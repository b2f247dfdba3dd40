/**
 * `pathway diff <old> <new>`: the semantic diff of two pathway documents. Each side is a
 * file, `<id>@<version>` from the pathways folder, or `<git-ref>:<path>`. Exit 0 when there
 * is no clinical change, 1 when there are changes (the diff convention), 2 on bad input.
 *
 * Two further forms serve git (`pathway git-setup` registers them):
 * - `--git-driver <path> <old-file> <old-hex> <old-mode> <new-file> <new-hex> <new-mode>`:
 *   git's external diff convention; `git diff` prints the semantic diff. Always exits 0,
 *   since git stops at a failing driver. Files that are not pathways get a plain line diff.
 * - `--textconv <file>`: the clinical listing of one file, which `git log -p` and `git show`
 *   (which skip external drivers unless given `--ext-diff`) diff line by line.
 */
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { isPathwayError } from '../../errors';
import { clinicalListing } from '../../diff/listing';
import { diffPathways } from '../../diff/diff';
import { renderDiff, type DiffFormat } from '../../diff/render';
import type { Language, Pathway } from '../../model/types';
import { gitDiffFiles } from '../../node/git';
import { readPathwaySide } from '../../node/pathway-source';
import { parsePathway } from '../../yaml/parse';
import type { CommandFactory } from '../main';
import { EXIT_FAILURES, EXIT_OK, EXIT_USAGE, type Io } from '../io';
import { parseLanguageOption, pathwaysRoot } from './shared';
import { readTextFile } from '../../node/text-file';

interface DiffFlags {
  format: DiffFormat;
  lang: Language;
  pathways?: string;
  gitDriver?: boolean;
  textconv?: boolean;
}

const FORMATS: readonly DiffFormat[] = ['text', 'md', 'json'];

/** commander parser for `--format`. */
export function parseFormatOption(value: string): DiffFormat {
  if (!(FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${FORMATS.join(', ')}`);
  return value as DiffFormat;
}

async function compare(
  io: Io,
  oldSpec: string,
  newSpec: string,
  flags: DiffFlags,
): Promise<number> {
  const root = pathwaysRoot(io, flags.pathways);
  const before = await readPathwaySide(oldSpec, io.cwd, root);
  const after = await readPathwaySide(newSpec, io.cwd, root);
  const diff = diffPathways(before.pathway, after.pathway);
  io.out(renderDiff(diff, { format: flags.format, lang: flags.lang }));
  return diff.entries.length === 0 ? EXIT_OK : EXIT_FAILURES;
}

/** Parses a file as a pathway; undefined for a missing side (/dev/null) or a file that is not one. */
async function pathwayOrNothing(io: Io, file: string): Promise<{ pathway?: Pathway; ok: boolean }> {
  if (file === '/dev/null') return { ok: true };
  try {
    return { pathway: parsePathway(await readTextFile(resolve(io.cwd, file)), file), ok: true };
  } catch (error) {
    if (isPathwayError(error)) return { ok: false };
    throw error;
  }
}

function prefixed(text: string, marker: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `${marker} ${line}`)
    .join('\n');
}

async function gitDriver(io: Io, args: string[], flags: DiffFlags): Promise<number> {
  if (args.length !== 7 && args.length !== 9) {
    io.err(
      `diff --git-driver: expected git's 7 (or 9, for a rename) arguments, got ${args.length}`,
    );
    return EXIT_USAGE;
  }
  const [path = '', oldFile = '', , , newFile = '', , , newPath = path] = args;
  io.out(`diff --pathway a/${path} b/${newPath}`);
  const before = await pathwayOrNothing(io, oldFile);
  const after = await pathwayOrNothing(io, newFile);
  if (!before.ok || !after.ok) {
    io.out((await gitDiffFiles(io.cwd, oldFile, newFile)).trimEnd());
    return EXIT_OK;
  }
  if (before.pathway !== undefined && after.pathway !== undefined)
    io.out(
      renderDiff(diffPathways(before.pathway, after.pathway), {
        format: flags.format,
        lang: flags.lang,
      }),
    );
  else if (after.pathway !== undefined)
    io.out(prefixed(clinicalListing(after.pathway, flags.lang), '+'));
  else if (before.pathway !== undefined)
    io.out(prefixed(clinicalListing(before.pathway, flags.lang), '-'));
  return EXIT_OK;
}

async function textconv(io: Io, file: string, flags: DiffFlags): Promise<number> {
  const text = await readTextFile(resolve(io.cwd, file));
  let listing: string;
  try {
    listing = clinicalListing(parsePathway(text, file), flags.lang);
  } catch (error) {
    if (!isPathwayError(error)) throw error;
    listing = text; // Not a pathway (a scenario, a broken file): shown as it is.
  }
  io.out(listing.endsWith('\n') ? listing.slice(0, -1) : listing);
  return EXIT_OK;
}

async function run(io: Io, args: string[], flags: DiffFlags): Promise<number> {
  if (flags.gitDriver === true) return gitDriver(io, args, flags);
  if (flags.textconv === true) {
    if (args.length !== 1 || args[0] === undefined) {
      io.err('diff --textconv: expected exactly one file');
      return EXIT_USAGE;
    }
    return textconv(io, args[0], flags);
  }
  const [oldSpec, newSpec] = args;
  if (args.length !== 2 || oldSpec === undefined || newSpec === undefined) {
    io.err('diff: expected <old> <new> (each a file, <id>@<version> or <git-ref>:<path>)');
    return EXIT_USAGE;
  }
  return compare(io, oldSpec, newSpec, flags);
}

export const diffCommand: CommandFactory = (io, done) =>
  new Command('diff')
    .description(
      'Semantic diff of two pathway versions: steps, transitions, conditions, alerts, facts and metadata in clinical words. Exit 1 when they differ.',
    )
    .usage('<old> <new> [options]')
    .argument('[sides...]', 'old and new: a file, <id>@<version> or <git-ref>:<path>')
    .option(
      '--format <format>',
      'text, md (for a pull request) or json',
      parseFormatOption,
      'text' as DiffFormat,
    )
    .option(
      '--lang <language>',
      'language of the words: sv, da or en',
      parseLanguageOption,
      'en' as Language,
    )
    .option('--pathways <dir>', 'pathways folder for <id>@<version> (default: ./pathways)')
    .option('--git-driver', "run as git's external diff driver (7 arguments from git)")
    .option('--textconv', "print one file's clinical listing (git textconv)")
    .action(async (args: string[], flags: DiffFlags) => done(await run(io, args, flags)));
