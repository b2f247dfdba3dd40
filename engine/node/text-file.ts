/**
 * Reading a text file under the one input rule (engine/model/input-text): UTF-8 only, never
 * silently repaired, a leading BOM dropped.
 */
import { readFile } from 'node:fs/promises';
import type { ErrorCode } from '../errors';
import { decodeUtf8 } from '../model/input-text';

/** Reads `file` as UTF-8; bytes that are not UTF-8 throw `code` naming line and column. */
export async function readTextFile(file: string, code: ErrorCode = 'YAML_SYNTAX'): Promise<string> {
  return decodeUtf8(await readFile(file), { file, code });
}
