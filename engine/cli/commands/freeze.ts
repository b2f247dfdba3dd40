/** `pathway freeze`: record the content hashes of newly active or retired versions in the lock. */
import { Command } from 'commander';
import { checkLock, freeze, readLock } from '../../node/lock';
import { loadRepository } from '../../node/repository';
import type { CommandFactory } from '../main';
import { EXIT_FAILURES, EXIT_OK, type Io } from '../io';
import { pathwaysRoot } from './shared';

async function run(io: Io, flags: { pathways?: string }): Promise<number> {
  const repo = await loadRepository(pathwaysRoot(io, flags.pathways));
  const added = await freeze(repo);
  for (const key of added) io.out(`frozen: ${key}`);
  // Entries are never rewritten, so a changed frozen file is still reported here.
  const problems = checkLock(repo, await readLock(repo.root));
  for (const p of problems) io.err(`error: ${p.message}`);
  if (added.length === 0 && problems.length === 0)
    io.out('nothing to freeze: every active and retired version is recorded');
  return problems.length > 0 ? EXIT_FAILURES : EXIT_OK;
}

export const freezeCommand: CommandFactory = (io, done) =>
  new Command('freeze')
    .description(
      'Record the content hash of every active or retired version not yet in frozen.lock.json (existing entries never change).',
    )
    .option('--pathways <dir>', 'pathways folder')
    .action(async (flags: { pathways?: string }) => done(await run(io, flags)));
