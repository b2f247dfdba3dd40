/**
 * Reading one side of a comparison (`pathway diff`, `pathway impact`), which may be
 * - a file path: `pathways/chronic-pain/1.1.0.yaml`,
 * - a version in the pathways folder: `chronic-pain@1.0.0`,
 * - a file at a git revision: `HEAD~1:pathways/chronic-pain/1.1.0.yaml` (read with `git show`).
 * Node-only.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PathwayError } from '../errors';
import { contentHash } from '../model/hash';
import type { Pathway } from '../model/types';
import { parsePathway } from '../yaml/parse';
import { gitShowFile } from './git';
import { loadPathwayVersions } from './repository';
import { readTextFile } from './text-file';

/** A side, read and parsed. */
export interface PathwaySide {
  pathway: Pathway;
  /** How the side was named, for messages. */
  label: string;
  /** Content hash of the text read (the compile cache keys on it). */
  hash: string;
}

const AT_VERSION = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function badSide(spec: string): PathwayError {
  const message = `'${spec}' is neither a file, <id>@<version> nor <git-ref>:<path>`;
  return new PathwayError('INVALID_INPUT', message, [
    { code: 'INVALID_INPUT', message, value: spec },
  ]);
}

/** Reads one side. `cwd` resolves files and runs git; `pathwaysRoot` holds `<id>/<version>.yaml`. */
export async function readPathwaySide(
  spec: string,
  cwd: string,
  pathwaysRoot: string,
): Promise<PathwaySide> {
  const path = resolve(cwd, spec);
  if (await isFile(path)) {
    const text = await readTextFile(path);
    return { pathway: parsePathway(text, spec), label: spec, hash: contentHash(text) };
  }
  const at = AT_VERSION.exec(spec);
  if (at !== null) {
    const [, id = '', version = ''] = at;
    const found = (await loadPathwayVersions(pathwaysRoot, id)).find(
      (v) => v.pathway.version === version,
    );
    if (found === undefined) {
      const message = `pathway ${id} has no version ${version}`;
      throw new PathwayError(
        'UNKNOWN_VERSION',
        message,
        [{ code: 'UNKNOWN_VERSION', message, path: 'version', value: version }],
        id,
      );
    }
    return { pathway: found.pathway, label: spec, hash: found.hash };
  }
  const colon = spec.indexOf(':');
  if (colon > 0 && colon < spec.length - 1) {
    const text = await gitShowFile(cwd, spec.slice(0, colon), spec.slice(colon + 1));
    return { pathway: parsePathway(text, spec), label: spec, hash: contentHash(text) };
  }
  throw badSide(spec);
}
