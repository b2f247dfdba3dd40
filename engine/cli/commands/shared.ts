/** Small helpers the subcommands share: locating the pathways folder, reading JSON input, dates. */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { PathwayError } from '../../errors';
import { isIsoDate } from '../../model/dates';
import { LANGUAGES } from '../../model/schema';
import type { Language } from '../../model/types';
import type { Io } from '../io';
import { readTextFile } from '../../node/text-file';
import { parseJsonText } from '../../model/input-text';

/** The pathways folder: `--pathways DIR`, else `./pathways`. */
export function pathwaysRoot(io: Io, option: string | undefined): string {
  return resolve(io.cwd, option ?? 'pathways');
}

/** commander parser for `--as-of`. */
export function parseDateOption(value: string): string {
  // A real calendar date: 2026-02-30 is refused, not rolled over to 2 March.
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a calendar date as YYYY-MM-DD');
  return value;
}

/** commander parser for `--lang`. */
export function parseLanguageOption(value: string): Language {
  if (!(LANGUAGES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${LANGUAGES.join(', ')}`);
  return value as Language;
}

/** Reads a JSON file (`-` for standard input) into an unknown value; bad JSON is INVALID_INPUT. */
export async function readJsonFile(io: Io, file: string): Promise<unknown> {
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readTextFile(path, 'INVALID_INPUT');
  } catch (error) {
    if (error instanceof PathwayError) throw error;
    throw new PathwayError('FILE_READ', `cannot read ${file}: ${(error as Error).message}`, [
      { code: 'FILE_READ', message: (error as Error).message, file },
    ]);
  }
  try {
    return parseJsonText(text, { file });
  } catch (error) {
    throw new PathwayError(
      'INVALID_INPUT',
      `${file} is not valid JSON: ${(error as Error).message}`,
      [{ code: 'INVALID_INPUT', message: (error as Error).message, file }],
    );
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Whether a path names an existing file (as opposed to a folder or nothing). */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Whether a path names an existing folder. */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The pathways root that holds a given pathway folder, scenario folder or file. */
export function rootAbove(path: string, levels: number): string {
  let out = path;
  for (let i = 0; i < levels; i++) out = dirname(out);
  return out;
}

/**
 * `file` (given as `option`) must be a readable file: a folder or a missing path is one
 * typed error naming the option and the path.
 */
export async function requireFile(file: string, option: string): Promise<void> {
  let reason: string | undefined;
  try {
    if ((await stat(file)).isDirectory()) reason = 'is a folder, expected a file';
  } catch (error) {
    reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (error as Error).message;
  }
  if (reason !== undefined)
    throw new PathwayError('FILE_READ', `${option} ${file}: ${reason}`, [
      { code: 'FILE_READ', message: reason, path: option, value: file, file },
    ]);
}
