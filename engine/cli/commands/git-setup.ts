/**
 * `pathway git-setup`: makes `git diff`, `git log -p` and `git show` print pathway changes
 * in clinical words. It registers the `pathway` diff driver in the repository's own
 * `.git/config` (config is never shared through a clone, so every clone runs this once)
 * and makes sure `.gitattributes` routes pathway files to it:
 *
 * - `diff.pathway.command`: the external driver (`pathway diff --git-driver`), a true
 *   semantic diff, used by `git diff` (and by `git log -p` / `git show` with `--ext-diff`);
 * - `diff.pathway.textconv`: the clinical listing (`pathway diff --textconv`), which git
 *   diffs line by line where external drivers do not run: `git log -p`, `git show`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import type { Language } from '../../model/types';
import { gitConfigSet, gitTopLevel } from '../../node/git';
import type { CommandFactory } from '../main';
import { EXIT_OK, type Io } from '../io';
import { parseLanguageOption } from './shared';

/** The attribute lines `git-setup` ensures; scenario files keep git's own line diff. */
export const GIT_ATTRIBUTES = [
  'pathways/**/*.yaml diff=pathway',
  'pathways/**/scenarios/*.yaml diff',
];

interface SetupFlags {
  command?: string;
  lang: Language;
}

/** Quotes a word for the POSIX shell git runs drivers with. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** How git should start this CLI: this Node with this checkout's `bin/pathway.mjs`. */
function defaultCommand(): string {
  const bin = fileURLToPath(new URL('../../../bin/pathway.mjs', import.meta.url));
  return `${shellQuote(process.execPath)} ${shellQuote(bin)}`;
}

/** Adds the missing attribute lines to `.gitattributes`; returns the lines added. */
async function ensureAttributes(top: string): Promise<string[]> {
  const file = join(top, '.gitattributes');
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const present = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  const missing = GIT_ATTRIBUTES.filter((line) => !present.has(line));
  if (missing.length > 0) {
    const separator = text === '' || text.endsWith('\n') ? '' : '\n';
    await writeFile(file, `${text}${separator}${missing.join('\n')}\n`);
  }
  return missing;
}

async function run(io: Io, flags: SetupFlags): Promise<number> {
  const top = await gitTopLevel(io.cwd);
  const base = flags.command ?? defaultCommand();
  const lang = flags.lang === 'en' ? '' : ` --lang ${flags.lang}`;
  const settings: [string, string][] = [
    ['diff.pathway.command', `${base} diff --git-driver${lang}`],
    ['diff.pathway.textconv', `${base} diff --textconv${lang}`],
  ];
  for (const [key, value] of settings) {
    await gitConfigSet(top, key, value);
    io.out(`git config ${key} ${JSON.stringify(value)}`);
  }
  const added = await ensureAttributes(top);
  io.out(
    added.length === 0
      ? '.gitattributes already routes pathway files to the pathway diff driver'
      : `.gitattributes: added ${added.map((l) => `'${l}'`).join(', ')} (commit it)`,
  );
  io.out(
    'git diff now prints the semantic diff; git log -p and git show print the clinical listing diff (add --ext-diff for the semantic diff).',
  );
  return EXIT_OK;
}

export const gitSetupCommand: CommandFactory = (io, done) =>
  new Command('git-setup')
    .description(
      "Register the pathway diff driver in this repository's .git/config and .gitattributes.",
    )
    .option(
      '--command <command>',
      'how git starts this CLI (default: this node and bin/pathway.mjs)',
    )
    .option(
      '--lang <language>',
      'language of the diff: sv, da or en',
      parseLanguageOption,
      'en' as Language,
    )
    .action(async (flags: SetupFlags) => done(await run(io, flags)));
