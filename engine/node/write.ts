/** Atomic file writes: a reader sees the old bytes or the new ones, never half a file. */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The project's temporary files: `.<name>.<12 hex>.tmp` beside the file they become. A
 * process killed mid-write leaves one behind; {@link removeOrphanTemps} (engine/node/orphans)
 * recognises them by this pattern only, so nothing else is ever removed.
 */
export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** A fresh temporary name beside `file`, matching {@link TEMP_FILE}. */
export function tempName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `text` to a temporary file beside `file`, then renames it over `file`. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = tempName(file);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
