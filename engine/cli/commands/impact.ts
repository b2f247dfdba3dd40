/**
 * `pathway impact <old> <new> [--patients file.ndjson]`: runs every scenario of the pathway
 * (whatever versions each names) and, optionally, a file of patients through both versions,
 * and lists who lands on a different step or gets different alerts. Exit 0 when nobody's
 * outcome changes, 1 when some do, 2 on bad usage. Bad patient lines are counted and
 * reported with their line numbers; they do not stop the run.
 */
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { compareOne, type ImpactGroup } from '../../diff/impact';
import { renderImpact } from '../../diff/impact-render';
import type { DiffFormat } from '../../diff/render';
import { compilePathway, type CompiledPathway } from '../../evaluate/compile';
import type { Language } from '../../model/types';
import { isRecord } from '../../model/schema-walk';
import { readNdjsonLines } from '../../node/ndjson';
import { readPathwaySide } from '../../node/pathway-source';
import { loadScenarios } from '../../node/repository';
import type { CommandFactory } from '../main';
import { EXIT_FAILURES, EXIT_OK, type Io } from '../io';
import { parseFormatOption } from './diff';
import { parseDateOption, parseLanguageOption, pathwaysRoot } from './shared';

interface ImpactFlags {
  patients?: string;
  format: DiffFormat;
  lang: Language;
  pathways?: string;
  asOf?: string;
}

type Versions = [CompiledPathway, CompiledPathway];

async function scenarioGroup(
  root: string,
  id: string,
  [before, after]: Versions,
): Promise<ImpactGroup> {
  const group: ImpactGroup = { name: 'scenarios', evaluated: 0, rows: [], badLines: [] };
  for (const { scenario } of await loadScenarios(join(root, id, 'scenarios'))) {
    const { row } = await compareOne(
      before,
      after,
      { name: scenario.name },
      scenario.input,
      scenario.asOf,
    );
    group.evaluated += 1;
    if (row !== undefined) group.rows.push(row);
  }
  return group;
}

function parseLine(text: string): { input?: Record<string, unknown>; problem?: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `not valid JSON: ${(error as Error).message}` };
  }
  if (!isRecord(value)) return { problem: 'expected a JSON object { currentStep?, facts, asOf? }' };
  return { input: value };
}

async function patientGroup(
  io: Io,
  file: string,
  [before, after]: Versions,
  asOf: string,
): Promise<ImpactGroup> {
  const group: ImpactGroup = { name: file, evaluated: 0, rows: [], badLines: [] };
  for await (const { line, text } of readNdjsonLines(resolve(io.cwd, file))) {
    const { input, problem } = parseLine(text);
    if (input === undefined) {
      group.badLines.push({ line, message: problem ?? 'unreadable' });
      continue;
    }
    const date = typeof input['asOf'] === 'string' ? input['asOf'] : asOf;
    const who = { name: `line ${line}`, line };
    const result = await compareOne(before, after, who, input, date);
    if (result.row === undefined && result.old.error !== undefined) {
      group.badLines.push({
        line,
        message: `${result.old.error}: ${result.old.errorMessage ?? ''}`,
      });
      continue;
    }
    group.evaluated += 1;
    if (result.row !== undefined) group.rows.push(result.row);
  }
  return group;
}

async function run(io: Io, oldSpec: string, newSpec: string, flags: ImpactFlags): Promise<number> {
  const root = pathwaysRoot(io, flags.pathways);
  const before = await readPathwaySide(oldSpec, io.cwd, root);
  const after = await readPathwaySide(newSpec, io.cwd, root);
  const versions: Versions = [compilePathway(before.pathway), compilePathway(after.pathway)];
  const groups = [await scenarioGroup(root, after.pathway.id, versions)];
  if (flags.patients !== undefined)
    groups.push(await patientGroup(io, flags.patients, versions, flags.asOf ?? io.today()));
  const report = {
    id: after.pathway.id,
    oldVersion: before.pathway.version,
    newVersion: after.pathway.version,
    groups,
  };
  io.out(renderImpact(report, { format: flags.format, lang: flags.lang }));
  return groups.some((g) => g.rows.length > 0) ? EXIT_FAILURES : EXIT_OK;
}

export const impactCommand: CommandFactory = (io, done) =>
  new Command('impact')
    .description(
      "Run the pathway's scenarios (and --patients) through two versions; list who lands on a different step or gets different alerts. Exit 1 when someone does.",
    )
    .argument('<old>', 'a file, <id>@<version> or <git-ref>:<path>')
    .argument('<new>', 'a file, <id>@<version> or <git-ref>:<path>')
    .option(
      '--patients <file>',
      'NDJSON file, one evaluation input { currentStep?, facts, asOf? } per line',
    )
    .option(
      '--as-of <date>',
      'evaluation date for patients without asOf (default: today)',
      parseDateOption,
    )
    .option(
      '--format <format>',
      'text, md (for a pull request) or json',
      parseFormatOption,
      'text' as DiffFormat,
    )
    .option(
      '--lang <language>',
      'language of the report: sv, da or en',
      parseLanguageOption,
      'en' as Language,
    )
    .option(
      '--pathways <dir>',
      'pathways folder (scenarios and <id>@<version>; default: ./pathways)',
    )
    .action(async (oldSpec: string, newSpec: string, flags: ImpactFlags) =>
      done(await run(io, oldSpec, newSpec, flags)),
    );
