/**
 * Reading the pathways folder on behalf of a request: the loaded repository, one version
 * straight from disk (so the editor always gets the bytes a save will compare against),
 * and safe file paths inside the folder. Files are read under the one input rule
 * (engine/model/input-text), as the repository loader and the CLI read them: UTF-8 only,
 * never repaired, a leading BOM dropped, `__proto__` / `constructor` / `prototype` refused.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { isPathwayError, PathwayError, type ErrorCode } from '../errors';
import { contentHash } from '../model/hash';
import { layoutSchema, type Layout } from '../model/layout';
import type { Pathway } from '../model/types';
import { readLock } from '../node/lock';
import { versionsOf, type PathwayRepository } from '../node/repository';
import { parsePathway } from '../yaml/parse';
import type { ServiceContext } from './context';
import { HttpError } from './errors';
import { decodeUtf8, parseJsonText } from '../model/input-text';

/** The repository, or a 500 naming the broken files (a broken folder is not the caller's fault). */
export async function repositoryOf(ctx: ServiceContext): Promise<PathwayRepository> {
  try {
    return await ctx.repository();
  } catch (error) {
    if (error instanceof PathwayError)
      throw new HttpError(
        error.code,
        `the pathways folder has problems: ${error.message}`,
        error.issues.map((i) => ({
          code: i.code,
          message: i.message,
          ...(i.path === undefined ? {} : { path: i.path }),
        })),
        {},
        500,
      );
    throw error;
  }
}

/**
 * The absolute path of `<id>/<name>` under the pathways folder. `id` and `name` are already
 * validated by strict patterns; this checks once more that the result stays inside.
 */
export function pathInside(root: string, ...parts: string[]): string {
  const full = resolve(root, ...parts);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || rel.includes(`..${sep}`) || resolve(root, rel) !== full)
    throw new HttpError('INVALID_PARAM', `path ${parts.join('/')} is outside the pathways folder`);
  return full;
}

/**
 * Reads a file as UTF-8 text; `null` when it does not exist. Bytes that are not UTF-8 throw
 * PathwayError `code` (default FILE_READ, 500: a broken folder is not the caller's fault)
 * naming the file, line and column; a leading BOM is dropped, so the hash the editor gets
 * is the hash a save compares against.
 */
export async function readIfExists(
  file: string,
  code: ErrorCode = 'FILE_READ',
): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return decodeUtf8(bytes, { file, code });
}

/**
 * The layout in `text`, or null when it is not JSON or not a layout (the editor then lays the
 * map out itself). A forbidden key is not a broken layout but a hostile one: it throws
 * FILE_READ naming the file and the key's path.
 */
function layoutOf(text: string, file: string): Layout | null {
  let value: unknown;
  try {
    value = parseJsonText(text, { file, code: 'FILE_READ' });
  } catch (error) {
    if (isPathwayError(error))
      throw new PathwayError(error.code, `${file}: ${error.message}`, [...error.issues]);
    return null;
  }
  const parsed = layoutSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** One version as read from disk now. */
export interface VersionOnDisk {
  key: string;
  file: string;
  text: string;
  hash: string;
  pathway: Pathway;
  layout: Layout | null;
  layoutHash: string | null;
  frozen: boolean;
}

/** Whether a version is frozen: not a draft, or recorded in the lock. */
export async function isFrozen(
  root: string,
  key: string,
  pathway: Pathway | undefined,
): Promise<boolean> {
  if (pathway !== undefined && pathway.status !== 'draft') return true;
  const lock = await readLock(root);
  return lock[key] !== undefined;
}

/**
 * The repository's document for `key` when it was read from exactly `text`: the folder is
 * loaded once and kept, so opening a version does not parse its YAML a second time (for a
 * 200-step pathway the parse is most of the answer's time). Undefined when the repository
 * holds other bytes or cannot be loaded (a broken file elsewhere): the caller parses.
 */
async function parsedBefore(
  ctx: ServiceContext,
  id: string,
  key: string,
  text: string,
): Promise<Pathway | undefined> {
  try {
    const loaded = (await ctx.repository()).pathways.get(id)?.find((v) => v.key === key);
    return loaded?.text === text ? loaded.pathway : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `<id>/<version>.yaml` and its layout; 404 UNKNOWN_PATHWAY / UNKNOWN_VERSION when absent. */
export async function readVersion(
  ctx: ServiceContext,
  id: string,
  version: string,
): Promise<VersionOnDisk> {
  const root = ctx.pathwaysDir;
  const key = `${id}/${version}.yaml`;
  const file = pathInside(root, id, `${version}.yaml`);
  const text = await readIfExists(file);
  if (text === null) {
    const versions = versionsOf(await repositoryOf(ctx), id);
    throw new PathwayError(
      'UNKNOWN_VERSION',
      `pathway ${id} has no version ${version} (it has ${versions.map((v) => v.pathway.version).join(', ')})`,
      [
        {
          code: 'UNKNOWN_VERSION',
          message: `no version ${version}`,
          path: 'version',
          value: version,
        },
      ],
      id,
    );
  }
  const pathway = (await parsedBefore(ctx, id, key, text)) ?? parsePathway(text, key);
  const layoutFile = pathInside(root, id, `${version}.layout.json`);
  const layoutText = await readIfExists(layoutFile);
  const layout = layoutText === null ? null : layoutOf(layoutText, layoutFile);
  return {
    key,
    file,
    text,
    hash: contentHash(text),
    pathway,
    layout,
    layoutHash: layoutText === null ? null : contentHash(layoutText),
    frozen: await isFrozen(root, key, pathway),
  };
}

/** `<root>/<id>` must hold a known pathway (404 UNKNOWN_PATHWAY otherwise). */
export async function requirePathway(ctx: ServiceContext, id: string): Promise<void> {
  versionsOf(await repositoryOf(ctx), id);
}

/** The scenarios folder of a pathway. */
export function scenariosDir(root: string, id: string): string {
  return pathInside(root, id, 'scenarios');
}
