/** `pathway evaluate <pathway> --input <patient.json>`: where does this patient belong, and why. */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { PathwayError } from '../../errors';
import { compilePathway } from '../../evaluate/compile';
import { evaluate } from '../../evaluate/evaluate';
import type { EvaluationResult } from '../../evaluate/result';
import type { Language } from '../../model/types';
import { findVersion, loadRepository, loadVersionFile } from '../../node/repository';
import type { CommandFactory } from '../main';
import { EXIT_OK, type Io } from '../io';
import { isFile, parseDateOption, parseLanguageOption, pathwaysRoot, readJsonFile } from './shared';

interface EvaluateFlags {
  input: string;
  asOf?: string;
  version?: string;
  json?: boolean;
  lang: Language;
  pathways?: string;
  trace: boolean;
}

/** Human-readable rendering of a result. */
export function renderResult(result: EvaluationResult): string {
  const lines = [
    `${result.pathway.id} ${result.pathway.version} — ${result.asOf}`,
    `step:    ${result.step.id} (${result.step.title}, ${result.step.level})`,
    `status:  ${result.status}${result.missingFacts.length > 0 ? ` — missing: ${result.missingFacts.join(', ')}` : ''}`,
    `path:    ${result.path.join(' → ')}`,
  ];
  if (result.alerts.length > 0)
    lines.push('alerts:', ...result.alerts.map((a) => `  [${a.severity}] ${a.id}: ${a.message}`));
  if (result.undecidedAlerts.length > 0)
    lines.push(
      'undecided alerts:',
      ...result.undecidedAlerts.map((u) => `  ${u.id} (needs ${u.missingFacts.join(', ')})`),
    );
  if (result.actions.length > 0) lines.push('actions:', ...result.actions.map((a) => `  - ${a}`));
  if (result.followUps.length > 0)
    lines.push(
      'follow-ups:',
      ...result.followUps.map(
        (f) =>
          `  ${f.status.padEnd(8)} ${f.title}${f.dueDate === undefined ? '' : ` (${f.dueDate})`}: ${f.measures.join(', ')}`,
      ),
    );
  if (result.notes.length > 0) lines.push('notes:', ...result.notes.map((n) => `  ${n}`));
  lines.push('', result.explanation);
  return lines.join('\n');
}

async function run(io: Io, target: string, flags: EvaluateFlags): Promise<number> {
  const input = await readJsonFile(io, flags.input);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new PathwayError(
      'INVALID_INPUT',
      `${flags.input} must hold a JSON object { "currentStep"?, "facts": {…} }`,
      [{ code: 'INVALID_INPUT', message: 'expected a JSON object', file: flags.input }],
    );
  }
  const record = input as Record<string, unknown>;
  const asOf = flags.asOf ?? (typeof record.asOf === 'string' ? record.asOf : io.today());
  const version =
    flags.version ?? (typeof record.version === 'string' ? record.version : undefined);
  const path = resolve(io.cwd, target);
  const loaded = (await isFile(path))
    ? await loadVersionFile(path)
    : findVersion(await loadRepository(pathwaysRoot(io, flags.pathways)), target, {
        version,
        asOf,
      });
  if (version !== undefined && loaded.pathway.version !== version) {
    throw new PathwayError(
      'UNKNOWN_VERSION',
      `${target} is version ${loaded.pathway.version}, not ${version}`,
      [
        {
          code: 'UNKNOWN_VERSION',
          message: `file holds version ${loaded.pathway.version}`,
          path: 'version',
          value: version,
        },
      ],
      loaded.pathway.id,
    );
  }
  const { version: _ignored, ...rest } = record;
  const result = await evaluate(
    compilePathway(loaded.pathway),
    { ...rest, asOf },
    { language: flags.lang, trace: flags.trace },
  );
  io.out(flags.json === true ? JSON.stringify(result, null, 2) : renderResult(result));
  return EXIT_OK;
}

export const evaluateCommand: CommandFactory = (io, done) =>
  new Command('evaluate')
    .description('Evaluate one patient: step, status, alerts, follow-ups and the explanation.')
    .argument('<pathway>', 'pathway id (looked up in --pathways) or a pathway YAML file')
    .requiredOption(
      '-i, --input <file>',
      'patient JSON { "currentStep"?: { "id", "enteredAt"? }, "facts": {…} } (- for stdin)',
    )
    .option(
      '--as-of <date>',
      'evaluation date YYYY-MM-DD (default: today); picks the version in effect',
      parseDateOption,
    )
    .option('--version <version>', 'evaluate this version instead of the one in effect')
    .option('--json', 'print the result object as JSON')
    .option(
      '--lang <language>',
      'language of texts: sv, da or en',
      parseLanguageOption,
      'en' as Language,
    )
    .option('--pathways <dir>', 'pathways folder', undefined)
    .option('--no-trace', 'leave the per-condition trace out of --json output')
    .action(async (target: string, flags: EvaluateFlags) => done(await run(io, target, flags)));
