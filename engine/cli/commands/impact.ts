/**
 * `pathway impact <old> <new> [--patients file.ndjson]`: runs every scenario of the pathway
 * (whatever versions each names) and, optionally, a file of patients through both versions,
 * and lists who lands on a different step or gets different alerts. Exit 0 when nobody's
 * outcome changes, 1 when some do, 2 on bad usage — and 2 when nobody's outcome changes but
 * some patient lines could not be read (never a silent 0). Patient lines have the one line
 * format (`{ id?, healthCentre?, currentStep?, facts, asOf?, version? }`, what `pathway synth`
 * writes); bad lines are counted and reported with their line numbers and do not stop the run.
 */
import { join, resolve } from 'node:path';
import { timeZoneOf } from '../../service/today';
import { Command } from 'commander';
import { compareOne, type ImpactGroup, type ImpactVersions } from '../../diff/impact';
import { renderImpact } from '../../diff/impact-render';
import type { DiffFormat } from '../../diff/render';
import { formatIssue, isPathwayError } from '../../errors';
import type { Language } from '../../model/types';
import { readFileLines } from '../../node/lines';
import { readPathwaySide } from '../../node/pathway-source';
import { loadScenarios } from '../../node/repository';
import { readLineText } from '../../service/lines';
import { createEvaluationService } from '../../service/service';
import type { CommandFactory } from '../main';
import { EXIT_FAILURES, EXIT_OK, EXIT_USAGE, type Io } from '../io';
import { parseFormatOption } from './diff';
import { parseDateOption, parseLanguageOption, pathwaysRoot } from './shared';

interface ImpactFlags {
  patients?: string;
  format: DiffFormat;
  lang: Language;
  pathways?: string;
  asOf?: string;
}

async function scenarioGroup(
  root: string,
  id: string,
  versions: ImpactVersions,
): Promise<ImpactGroup> {
  const group: ImpactGroup = { name: 'scenarios', evaluated: 0, rows: [], badLines: [] };
  for (const { scenario } of await loadScenarios(join(root, id, 'scenarios'))) {
    const { row } = await compareOne(
      versions,
      { name: scenario.name },
      scenario.input,
      scenario.asOf,
    );
    group.evaluated += 1;
    if (row !== undefined) group.rows.push(row);
  }
  return group;
}

function problemOf(error: unknown): string {
  if (!isPathwayError(error)) throw error;
  const first = error.issues[0];
  return first === undefined || error.issues.length > 1 ? error.message : formatIssue(first);
}

/** The patients file, read with the one line format (what `pathway synth` writes). */
async function patientGroup(
  io: Io,
  file: string,
  versions: ImpactVersions,
  asOf: string,
): Promise<ImpactGroup> {
  const group: ImpactGroup = { name: file, evaluated: 0, rows: [], badLines: [] };
  for await (const { line, text } of readFileLines(resolve(io.cwd, file))) {
    let read;
    try {
      read = readLineText(text, line);
    } catch (error) {
      group.badLines.push({ line, message: problemOf(error) });
      continue;
    }
    // Both versions are named, so a line's own `version` chooses nothing here.
    const date = read.request.asOf ?? asOf;
    const who = { name: `line ${line}`, line };
    const result = await compareOne(versions, who, read.request, date);
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
  const old = { ...before, key: before.label };
  const now = { ...after, key: after.label };
  const service = createEvaluationService({ versionsOf: () => [old, now], today: io.today });
  // A side that does not compile is bad input (exit 2), not a difference.
  service.compiled(old);
  service.compiled(now);
  const versions: ImpactVersions = { service, before: old, after: now };
  const groups = [await scenarioGroup(root, after.pathway.id, versions)];
  if (flags.patients !== undefined)
    groups.push(
      await patientGroup(
        io,
        flags.patients,
        versions,
        flags.asOf ?? io.today(timeZoneOf(after.pathway)),
      ),
    );
  const report = {
    id: after.pathway.id,
    oldVersion: before.pathway.version,
    newVersion: after.pathway.version,
    groups,
  };
  io.out(renderImpact(report, { format: flags.format, lang: flags.lang }));
  const bad = groups.reduce((n, g) => n + g.badLines.length, 0);
  if (bad > 0)
    io.err(`${bad} bad line(s) in ${flags.patients ?? 'the patients file'}: see the report`);
  if (groups.some((g) => g.rows.length > 0)) return EXIT_FAILURES;
  // Unreadable lines are bad input: never a silent "nobody changes".
  return bad > 0 ? EXIT_USAGE : EXIT_OK;
}

export const impactCommand: CommandFactory = (io, done) =>
  new Command('impact')
    .description(
      "Run the pathway's scenarios (and --patients) through two versions; list who lands on a different step or gets different alerts. Exit 1 when someone does, 2 when only bad lines stand out.",
    )
    .argument('<old>', 'a file, <id>@<version> or <git-ref>:<path>')
    .argument('<new>', 'a file, <id>@<version> or <git-ref>:<path>')
    .option(
      '--patients <file>',
      'NDJSON file, one line { id?, healthCentre?, currentStep?, facts, asOf?, version? } each (pathway synth writes it)',
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
