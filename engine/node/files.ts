/**
 * Finding pathway and scenario files on disk (atomic writing is in `write.ts`). Node-only.
 *
 * Layout (see DESIGN.md): `<root>/<id>/<version>.yaml` for pathway versions and
 * `<root>/<id>/scenarios/*.yaml` for their example patients.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What a file in a pathways folder holds. */
export type PathwayFileKind = 'pathway' | 'scenario';

/** A pathway or scenario file found on disk. */
export interface PathwayFile {
  kind: PathwayFileKind;
  path: string;
}

/** `1.2.0.yaml`, `2.0.0-rc.1.yaml`: a version file, named by its semantic version. */
const VERSION_FILE = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\.ya?ml$/;

/** Classifies a file by its place in the layout; `undefined` for anything else (layout JSON, examples). */
export function classifyPathwayFile(path: string): PathwayFileKind | undefined {
  const name = basename(path);
  if (basename(dirname(path)) === 'scenarios' && /\.ya?ml$/.test(name)) return 'scenario';
  if (VERSION_FILE.test(name)) return 'pathway';
  return undefined;
}

/**
 * Every pathway and scenario file under `root` (a folder, searched to any depth, or a
 * single file), sorted by path so that output and processing order are stable. Hidden
 * folders and node_modules are skipped. A single file is returned as given only when it
 * is a YAML file.
 */
export async function listPathwayFiles(root: string): Promise<PathwayFile[]> {
  const info = await stat(root);
  if (info.isFile()) {
    const kind = classifyPathwayFile(root) ?? (/\.ya?ml$/.test(root) ? 'pathway' : undefined);
    return kind === undefined ? [] : [{ kind, path: root }];
  }
  const found: PathwayFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const kind = classifyPathwayFile(path);
        if (kind !== undefined) found.push({ kind, path });
      }
    }
  };
  await walk(root);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
