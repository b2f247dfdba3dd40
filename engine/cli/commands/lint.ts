/** `pathway lint [paths…]`: every problem in pathway files, each with its file, line and schema path. */
import { dirname, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { isPathwayError } from '../../errors';
import { lintPathway, lintVersions, type LintIssue } from '../../lint/index';
import type { PathSegment } from '../../model/path';
import type { Pathway } from '../../model/types';
import { listPathwayFiles } from '../../node/files';
import { checkLock, readLock } from '../../node/lock';
import { loadRepository } from '../../node/repository';
import { parsePathway } from '../../yaml/parse';
import { readYamlSource } from '../../yaml/source';
import type { CommandFactory } from '../main';
import { EXIT_FAILURES, EXIT_OK, type Io } from '../io';
import { isDirectory } from './shared';
import { readTextFile } from '../../node/text-file';

/** One finding as printed: lint issues, schema errors and lock problems alike. */
interface Finding {
  file: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
  rule: string;
  path?: string;
  message: string;
}

/** `steps[3].transitions[0].when` → ['steps', 3, 'transitions', 0, 'when']. */
export function parseSchemaPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

function located(file: string, text: string, issue: LintIssue): Finding {
  let position: { line?: number; column?: number } = {};
  try {
    position = readYamlSource(text, file).locate(parseSchemaPath(issue.path));
  } catch {
    // The file parsed a moment ago; without a position the finding is still useful.
  }
  return {
    file,
    ...position,
    severity: issue.severity,
    rule: issue.rule,
    path: issue.path,
    message: issue.message,
  };
}

async function lintFiles(
  files: string[],
): Promise<{ findings: Finding[]; docs: { file: string; text: string; doc: Pathway }[] }> {
  const findings: Finding[] = [];
  const docs: { file: string; text: string; doc: Pathway }[] = [];
  for (const file of files) {
    let text = '';
    try {
      text = await readTextFile(file);
      const doc = parsePathway(text, file);
      docs.push({ file, text, doc });
      for (const issue of lintPathway(doc)) findings.push(located(file, text, issue));
    } catch (error) {
      if (!isPathwayError(error)) throw error;
      for (const i of error.issues) {
        findings.push({
          file,
          ...(i.line === undefined ? {} : { line: i.line, column: i.column ?? 1 }),
          severity: 'error',
          rule: i.code === 'YAML_SYNTAX' ? 'yaml-syntax' : 'schema',
          ...(i.path === undefined ? {} : { path: i.path }),
          message: i.message,
        });
      }
    }
  }
  return { findings, docs };
}

function versionFindings(docs: { file: string; text: string; doc: Pathway }[]): Finding[] {
  const byId = new Map<string, typeof docs>();
  for (const d of docs) byId.set(d.doc.id, [...(byId.get(d.doc.id) ?? []), d]);
  const findings: Finding[] = [];
  for (const group of byId.values()) {
    for (const issue of lintVersions(group.map((g) => g.doc))) {
      const owner = group.find((g) => g.doc.version === issue.version) ?? group[0];
      if (owner !== undefined) findings.push(located(owner.file, owner.text, issue));
    }
  }
  return findings;
}

/** Lock problems for every pathways root among the paths (a root is a folder holding `<id>/<version>.yaml`). */
async function lockFindings(roots: string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const root of roots) {
    try {
      const repo = await loadRepository(root);
      for (const p of checkLock(repo, await readLock(root)))
        findings.push({
          file: resolve(root, p.key),
          severity: 'error',
          rule: 'frozen-changed',
          message: p.message,
        });
    } catch (error) {
      // Unloadable files were already reported as schema findings.
      if (!isPathwayError(error)) throw error;
    }
  }
  return findings;
}

async function run(io: Io, paths: string[], flags: { json?: boolean }): Promise<number> {
  const targets = (paths.length > 0 ? paths : ['pathways']).map((p) => resolve(io.cwd, p));
  const files = (await Promise.all(targets.map((t) => listPathwayFiles(t))))
    .flat()
    .filter((f) => f.kind === 'pathway')
    .map((f) => f.path);
  const { findings, docs } = await lintFiles([...new Set(files)]);
  findings.push(...versionFindings(docs));
  // The lock lives at a pathways root: a folder given directly, or the parent of a pathway folder.
  const roots = new Set<string>();
  for (const t of targets)
    if (await isDirectory(t)) roots.add(docs.some((d) => dirname(d.file) === t) ? dirname(t) : t);
  findings.push(...(await lockFindings([...roots])));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (flags.json === true) {
    io.out(JSON.stringify({ files: docs.length, errors, warnings, findings }, null, 2));
  } else {
    for (const f of findings) {
      const where = `${relative(io.cwd, f.file) || f.file}${f.line === undefined ? '' : `:${f.line}:${f.column ?? 1}`}`;
      io.out(
        `${where}: ${f.severity} ${f.rule}: ${f.path === undefined || f.path === '' ? '' : `${f.path}: `}${f.message}`,
      );
    }
    io.out(`${files.length} file(s) linted: ${errors} error(s), ${warnings} warning(s)`);
  }
  return errors > 0 ? EXIT_FAILURES : EXIT_OK;
}

export const lintCommand: CommandFactory = (io, done) =>
  new Command('lint')
    .description(
      'Find schema errors, unknown facts and steps, unreachable steps, dead ends, out-of-range thresholds, missing texts, version overlaps and changed frozen files.',
    )
    .argument('[paths...]', 'pathways folder, pathway folders or files (default: ./pathways)')
    .option('--json', 'print findings as JSON')
    .action(async (paths: string[], flags: { json?: boolean }) =>
      done(await run(io, paths, flags)),
    );
