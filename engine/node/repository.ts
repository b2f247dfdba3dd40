/**
 * A folder of pathways on disk: `<root>/<id>/<version>.yaml`, each with an optional
 * `<version>.layout.json`, and `<root>/<id>/scenarios/*.yaml`. Loads every version of
 * every pathway, or of one pathway only, and picks one by id, version or date.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readTextFile } from './text-file';
import { PathwayError, type ErrorIssue } from '../errors';
import type { Pathway, Scenario } from '../model/types';
import { selectVersion } from '../versions/select';
import { parseScenario } from '../yaml/parse';
import { parseVersionText } from './parsed-versions';

/** One version file as loaded. */
export interface LoadedVersion {
  pathway: Pathway;
  /** Absolute path of the YAML file. */
  file: string;
  /** Path relative to the repository root with forward slashes, e.g. `chronic-pain/1.1.0.yaml`. */
  key: string;
  text: string;
  hash: string;
}

export interface LoadedScenario {
  scenario: Scenario;
  file: string;
}

/** Every pathway under a root, versions sorted by effective date then file name. */
export interface PathwayRepository {
  root: string;
  pathways: ReadonlyMap<string, LoadedVersion[]>;
}

const VERSION_FILE = /^(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.yaml$/;

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readTextFile(file);
  } catch (error) {
    if (error instanceof PathwayError) throw error;
    throw new PathwayError('FILE_READ', `cannot read ${file}: ${(error as Error).message}`, [
      { code: 'FILE_READ', message: (error as Error).message, file },
    ]);
  }
}

/** Loads and validates one version file; checks that its name matches its id and version. */
export async function loadVersionFile(file: string, root?: string): Promise<LoadedVersion> {
  const text = await readText(file);
  // Parsed once per content by the compiled copy (engine/node/parsed-versions.ts).
  const { pathway, hash } = parseVersionText(text, file);
  const key = root === undefined ? file : relative(root, file).split('\\').join('/');
  const expected = `${pathway.id}/${pathway.version}.yaml`;
  if (root !== undefined && key !== expected) {
    throw new PathwayError(
      'SCHEMA',
      `${file}: the file must be named ${expected} (id ${pathway.id}, version ${pathway.version})`,
      [
        {
          code: 'SCHEMA',
          message: `file name does not match id and version (expected ${expected})`,
          file,
          path: 'version',
          value: pathway.version,
        },
      ],
      pathway.id,
    );
  }
  return { pathway, file, key, text, hash };
}

/**
 * Loads the version files of the folder `<root>/<dir>` into `pathways` (by id), adding the
 * problems of broken files to `issues`.
 */
async function loadFolder(
  root: string,
  dir: string,
  pathways: Map<string, LoadedVersion[]>,
  issues: ErrorIssue[],
): Promise<void> {
  for (const file of await entries(join(root, dir))) {
    if (!file.isFile() || !VERSION_FILE.test(file.name)) continue;
    try {
      const loaded = await loadVersionFile(join(root, dir, file.name), root);
      const list = pathways.get(loaded.pathway.id) ?? [];
      list.push(loaded);
      pathways.set(loaded.pathway.id, list);
    } catch (error) {
      if (error instanceof PathwayError)
        issues.push(
          ...error.issues.map((i) => ({ ...i, file: i.file ?? join(root, dir, file.name) })),
        );
      else throw error;
    }
  }
}

/** Throws every problem found loading `root` in one PathwayError, if there is any. */
function refuseBroken(root: string, issues: readonly ErrorIssue[]): void {
  if (issues.length > 0) {
    throw new PathwayError(
      issues[0]?.code ?? 'SCHEMA',
      `${issues.length} problem(s) loading pathways from ${root}`,
      [...issues],
    );
  }
}

/** Sorts versions by effective date, then file name. */
function sortVersions(list: LoadedVersion[]): void {
  list.sort(
    (a, b) =>
      a.pathway.effective.from.localeCompare(b.pathway.effective.from) ||
      a.key.localeCompare(b.key),
  );
}

/**
 * Loads every version under `root`. All broken files are reported together in one
 * PathwayError, so a reviewer sees every problem at once.
 */
export async function loadRepository(rootDir: string): Promise<PathwayRepository> {
  const root = resolve(rootDir);
  const pathways = new Map<string, LoadedVersion[]>();
  const issues: ErrorIssue[] = [];
  for (const dir of await entries(root))
    if (dir.isDirectory()) await loadFolder(root, dir.name, pathways, issues);
  refuseBroken(root, issues);
  for (const list of pathways.values()) sortVersions(list);
  return {
    root,
    pathways: new Map([...pathways.entries()].sort(([a], [b]) => a.localeCompare(b))),
  };
}

/**
 * The versions of pathway `id` under `root`, as {@link versionsOf} answers them from
 * {@link loadRepository}, reading only the folder `<root>/<id>/`: a version file is refused
 * unless it is named `<id>/<version>.yaml` ({@link loadVersionFile}), so no other folder can
 * hold one of its versions. For a command that names one pathway: the other pathways' files
 * are not parsed (most of a cohort run's start-up), and a broken one no longer stops it.
 * UNKNOWN_PATHWAY names the pathways the root has, as {@link versionsOf} does.
 */
export async function loadPathwayVersions(rootDir: string, id: string): Promise<LoadedVersion[]> {
  const root = resolve(rootDir);
  const dirs = (await entries(root)).filter((d) => d.isDirectory());
  const pathways = new Map<string, LoadedVersion[]>();
  // Only a folder listed under the root: an id is never joined into a path unchecked.
  if (dirs.some((d) => d.name === id)) {
    const issues: ErrorIssue[] = [];
    await loadFolder(root, id, pathways, issues);
    refuseBroken(root, issues);
  }
  const versions = pathways.get(id);
  if (versions === undefined || versions.length === 0) {
    const known: string[] = [];
    for (const d of dirs)
      if ((await entries(join(root, d.name))).some((f) => f.isFile() && VERSION_FILE.test(f.name)))
        known.push(d.name);
    throw unknownPathway(
      root,
      id,
      known.sort((a, b) => a.localeCompare(b)),
    );
  }
  sortVersions(versions);
  return versions;
}

function unknownPathway(root: string, id: string, known: readonly string[]): PathwayError {
  return new PathwayError(
    'UNKNOWN_PATHWAY',
    `no pathway '${id}' in ${root} (known: ${known.join(', ') || 'none'})`,
    [{ code: 'UNKNOWN_PATHWAY', message: `unknown pathway '${id}'`, path: 'pathway', value: id }],
    id,
  );
}

/** The versions of one pathway id, or UNKNOWN_PATHWAY. */
export function versionsOf(repo: PathwayRepository, id: string): LoadedVersion[] {
  const versions = repo.pathways.get(id);
  if (versions === undefined || versions.length === 0)
    throw unknownPathway(repo.root, id, [...repo.pathways.keys()]);
  return versions;
}

/** The version to use: the explicit one, else the one in effect on `asOf`. */
export function findVersion(
  repo: PathwayRepository,
  id: string,
  choice: { version?: string | undefined; asOf: string },
): LoadedVersion {
  return selectVersion(versionsOf(repo, id), choice);
}

/** Loads the scenarios of one pathway (`<root>/<id>/scenarios/*.yaml`), sorted by file name. */
export async function loadScenarios(dir: string): Promise<LoadedScenario[]> {
  const out: LoadedScenario[] = [];
  const files = (await entries(dir))
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => e.name);
  for (const name of files.sort()) {
    const file = join(dir, name);
    out.push({ scenario: parseScenario(await readText(file), file), file });
  }
  return out;
}
