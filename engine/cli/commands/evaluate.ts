/** `pathway evaluate <pathway> --input <patient.json>`: where does this patient belong, and why. */
import { resolve } from 'node:path';
import { Command } from 'commander';
import type { EvaluationResult } from '../../evaluate/result';
import type { Language, Pathway } from '../../model/types';
import { loadRepository, loadVersionFile, versionsOf } from '../../node/repository';
import { repositoryService } from '../../node/service';
import { checkRequest } from '../../service/request';
import { createEvaluationService } from '../../service/service';
import { choosePinned, outOfEffect, withCommandLine, type Chosen } from '../../service/versions';
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
      ...result.undecidedAlerts.flatMap((u) => [
        `  ${u.id} (needs ${u.missingFacts.join(', ')})`,
        ...(u.reasons ?? []).map((r) => `    because ${r}`),
      ]),
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
  // The input file is a request; --as-of and --version are the same fields, given here.
  const request = withCommandLine(
    checkRequest(await readJsonFile(io, flags.input), flags.input),
    { asOf: flags.asOf, version: flags.version },
    flags.input,
  );
  const path = resolve(io.cwd, target);
  let served;
  if (await isFile(path)) {
    // A file named on the command line is an explicit version (docs/versions.md).
    const file = await loadVersionFile(path);
    const service = createEvaluationService({ versionsOf: () => [file], today: io.today });
    const chosen = choosePinned(file, request, io.today);
    noteOutOfEffect(io, chosen);
    served = await service.evaluate(chosen, request, { language: flags.lang, trace: flags.trace });
  } else {
    const repo = await loadRepository(pathwaysRoot(io, flags.pathways));
    const service = repositoryService(repo, { today: io.today });
    const chosen = await service.choose(target, request);
    if (request.version !== undefined)
      noteOutOfEffect(
        io,
        chosen,
        versionsOf(repo, chosen.version.pathway.id).map((v) => v.pathway),
      );
    served = await service.evaluate(chosen, request, { language: flags.lang, trace: flags.trace });
  }
  const { result } = served;
  io.out(flags.json === true ? JSON.stringify(result, null, 2) : renderResult(result));
  return EXIT_OK;
}

/** Says on stderr when a named version answers outside its effective dates. */
function noteOutOfEffect(io: Io, chosen: Chosen, siblings: readonly Pathway[] = []): void {
  const note = outOfEffect(chosen, siblings);
  if (note !== undefined) io.err(`note: ${note}`);
}

export const evaluateCommand: CommandFactory = (io, done) =>
  new Command('evaluate')
    .description('Evaluate one patient: step, status, alerts, follow-ups and the explanation.')
    .argument('<pathway>', 'pathway id (looked up in --pathways) or a pathway YAML file')
    .requiredOption(
      '-i, --input <file>',
      'patient JSON { "currentStep"?: { "id", "enteredAt"? }, "facts": {…}, "asOf"?, "version"? } (- for stdin)',
    )
    .option(
      '--as-of <date>',
      "evaluation date YYYY-MM-DD (default: the input's asOf, else today); picks the version in effect",
      parseDateOption,
    )
    .option(
      '--version <version>',
      "evaluate this version instead of the one in effect (must agree with the input's version)",
    )
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
