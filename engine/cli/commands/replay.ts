/**
 * `pathway replay <audit id>`: re-evaluates an evaluation recorded in the audit log and
 * confirms the same step, status and alerts (exit 0) or prints the differences (exit 1).
 * Says so when the pathway file changed since (its content hash differs).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { PathwayError } from '../../errors';
import { loadRepository } from '../../node/repository';
import type { ReplayDifference } from '../../audit/replay';
import { repositoryService } from '../../node/service';
import type { CommandFactory } from '../main';
import { EXIT_FAILURES, EXIT_OK, type Io } from '../io';
import { pathwaysRoot } from './shared';

interface ReplayFlags {
  dataDir?: string;
  auditFile?: string;
  pathways?: string;
  json?: boolean;
  record: boolean;
}

function parseId(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError('expected an audit record id (a positive integer)');
  return Number(value);
}

function show(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function describe(d: ReplayDifference): string {
  return `  ${d.field}: recorded ${show(d.recorded)}, now ${show(d.now)}`;
}

async function run(io: Io, id: number, flags: ReplayFlags): Promise<number> {
  const file = resolve(
    io.cwd,
    flags.auditFile ?? join(flags.dataDir ?? process.env.DATA_DIR ?? 'data', 'audit.sqlite'),
  );
  // DATABASE_URL (as for `serve`) points at the shared PostgreSQL log, unless a file is named.
  const databaseUrl =
    flags.auditFile === undefined && flags.dataDir === undefined
      ? process.env.DATABASE_URL
      : undefined;
  const inPostgres = databaseUrl !== undefined && databaseUrl !== '';
  if (!inPostgres && !existsSync(file))
    throw new PathwayError(
      'FILE_READ',
      `no audit log at ${file} (use --data-dir or --audit-file)`,
      [{ code: 'FILE_READ', message: 'no audit log here (use --data-dir or --audit-file)', file }],
    );
  // Loaded on demand, so other commands do not load SQLite at start-up.
  const { openAuditStore } = await import('../../audit/open');
  const { replayRecord } = await import('../../audit/replay');
  let audit: Awaited<ReturnType<typeof openAuditStore>>;
  try {
    audit = await openAuditStore({ databaseUrl, file });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const where = inPostgres ? 'the DATABASE_URL database' : file;
    throw new PathwayError('FILE_READ', `${where} is not an audit database: ${reason}`, [
      { code: 'FILE_READ', message: `not an audit database (${reason})`, file: where },
    ]);
  }
  try {
    const record = await audit.get(id);
    if (record === undefined)
      throw new PathwayError(
        'INVALID_INPUT',
        `no audit record ${id} in ${inPostgres ? 'the DATABASE_URL database' : file}`,
        [{ code: 'INVALID_INPUT', message: `no audit record ${id}`, path: 'id', value: id }],
      );
    const repo = await loadRepository(pathwaysRoot(io, flags.pathways ?? process.env.PATHWAYS_DIR));
    // The replay is recorded (unless --no-record) by the service's one audit call.
    const service = repositoryService(repo, { today: io.today, audit });
    const outcome = await replayRecord(record, service, flags.record ? 'replay' : undefined);
    const same = outcome.differences.length === 0;
    if (flags.json === true) {
      io.out(JSON.stringify({ same, ...outcome }, null, 2));
      return same ? EXIT_OK : EXIT_FAILURES;
    }
    const lines = [
      `audit record ${id}: ${record.pathwayId} ${record.version}, as of ${record.asOf}, ${record.channel} at ${record.time}`,
    ];
    if (outcome.fileChanged)
      lines.push(
        `the pathway file changed since: ${outcome.key} was ${record.contentHash}, now ${outcome.currentHash}`,
      );
    if (same)
      lines.push(
        `same result: status ${outcome.now.status}, step ${outcome.now.step ?? '-'}, alerts ${show(outcome.now.alerts)}${outcome.now.errorCode === undefined ? '' : `, error ${outcome.now.errorCode}`}`,
      );
    else lines.push('different result:', ...outcome.differences.map(describe));
    io.out(lines.join('\n'));
    return same ? EXIT_OK : EXIT_FAILURES;
  } finally {
    await audit.close();
  }
}

export const replayCommand: CommandFactory = (io, done) =>
  new Command('replay')
    .description(
      'Re-evaluate an audited evaluation and confirm the same step, status and alerts (exit 0) or show the differences (exit 1).',
    )
    .argument('<id>', 'audit record id', parseId)
    .option('--data-dir <dir>', 'folder of audit.sqlite (default: $DATA_DIR or ./data)')
    .option('--audit-file <file>', 'the audit database file itself')
    .option('--pathways <dir>', 'pathways folder (default: $PATHWAYS_DIR or ./pathways)')
    .option('--json', 'print the outcome as JSON')
    .option('--no-record', 'do not record the replay in the audit log')
    .action(async (id: number, flags: ReplayFlags) => done(await run(io, id, flags)));
