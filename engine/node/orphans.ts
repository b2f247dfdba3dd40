/**
 * Removing what a killed process left behind: the temporary files of atomic writes
 * (engine/node/write: `.<name>.<12 hex>.tmp`). Only files matching that pattern, only in the
 * folders given and their sub-folders, and only ones older than a minute: another service
 * instance sharing the folder may be writing one right now, and a write takes milliseconds.
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_FILE } from './write';

/** A temporary file younger than this may belong to a write in progress. */
export const ORPHAN_AFTER_MS = 60_000;

async function sweep(dir: string, depth: number, now: number, removed: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // a missing or unreadable folder has nothing of ours to clean
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth > 0 && !entry.name.startsWith('.') && entry.name !== 'node_modules')
        await sweep(full, depth - 1, now, removed);
      continue;
    }
    if (!entry.isFile() || !TEMP_FILE.test(entry.name)) continue;
    try {
      if (now - (await stat(full)).mtimeMs < ORPHAN_AFTER_MS) continue;
      await unlink(full);
      removed.push(full);
    } catch {
      // gone meanwhile, or not ours to remove: leave it
    }
  }
}

/**
 * Removes orphan temporary files under each folder (the folder, its pathway folders and
 * their scenarios folders: three levels). Returns the files removed.
 */
export async function removeOrphanTemps(
  dirs: readonly string[],
  now: number = Date.now(),
): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of dirs) await sweep(dir, 2, now, removed);
  return removed;
}
