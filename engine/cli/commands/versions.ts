/** `pathway versions [id]`: every version with its status, effective period and whether it is in effect. */
import { Command } from 'commander';
import { loadRepository } from '../../node/repository';
import { pathwayToday } from '../../service/today';
import { effectiveEnd, inEffectOn, supersederOf } from '../../versions/select';
import type { CommandFactory } from '../main';
import { EXIT_OK, type Io } from '../io';
import { parseDateOption, pathwaysRoot } from './shared';

interface VersionsFlags {
  pathways?: string;
  asOf?: string;
  json?: boolean;
}

async function run(io: Io, id: string | undefined, flags: VersionsFlags): Promise<number> {
  const repo = await loadRepository(pathwaysRoot(io, flags.pathways));
  const rows = [...repo.pathways.entries()]
    .filter(([key]) => id === undefined || key === id)
    .flatMap(([, versions]) => {
      // Without --as-of, each pathway is asked on its own time zone's date (docs/versions.md).
      const asOf = flags.asOf ?? pathwayToday(versions, io.today);
      const all = versions.map((v) => v.pathway);
      return versions.map((v) => ({
        id: v.pathway.id,
        version: v.pathway.version,
        status: v.pathway.status,
        from: v.pathway.effective.from,
        // A successor's `supersedes` ends the period at its start (docs/versions.md).
        to: effectiveEnd(v.pathway, all) ?? null,
        supersededBy: supersederOf(v.pathway, all)?.version ?? null,
        asOf,
        inEffect: inEffectOn(v.pathway, asOf, all),
        file: v.key,
        hash: v.hash,
      }));
    });
  if (flags.json === true) io.out(JSON.stringify({ versions: rows }, null, 2));
  else
    for (const r of rows)
      io.out(
        `${r.id} ${r.version.padEnd(8)} ${r.status.padEnd(8)} ${r.from} → ${r.to ?? '…'}${r.supersededBy === null ? '' : `  (superseded by ${r.supersededBy})`}${r.inEffect ? `  (in effect on ${r.asOf})` : ''}`,
      );
  return EXIT_OK;
}

export const versionsCommand: CommandFactory = (io, done) =>
  new Command('versions')
    .description('List pathway versions with status, effective dates and which one is in effect.')
    .argument('[id]', 'only this pathway')
    .option('--as-of <date>', 'date for "in effect" (default: today)', parseDateOption)
    .option('--pathways <dir>', 'pathways folder')
    .option('--json', 'print as JSON')
    .action(async (id: string | undefined, flags: VersionsFlags) => done(await run(io, id, flags)));
