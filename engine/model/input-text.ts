/**
 * The one rule every reader of outside text follows (JSON bodies and files, NDJSON and CSV
 * lines, YAML pathways and scenarios):
 * - a leading UTF-8 byte order mark is accepted and dropped (editors on Windows write one);
 * - a key `__proto__`, `constructor` or `prototype` anywhere is refused (INVALID_INPUT, or
 *   the reader's own code, naming the path): such a key is never a fact, field or step
 *   name, and silently dropping it would hide what the sender meant, while keeping it could
 *   reach an object's prototype;
 * - bytes that are not UTF-8 are refused, never replaced by U+FFFD.
 * Pure: runs in the browser as well.
 */
import { PathwayError, type ErrorCode } from '../errors';

/** Keys refused in any input object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Where an input came from, for the error. */
export interface InputPlace {
  file?: string;
  line?: number;
  /** The code to report (default INVALID_INPUT; YAML files use YAML_SYNTAX or SCHEMA). */
  code?: ErrorCode;
}

/** `text` without a leading byte order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

interface Frame {
  value: unknown;
  key: string | number | undefined;
  parent: Frame | undefined;
}

function pathOf(frame: Frame): string {
  const parts: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) parts.push(f.key);
  return parts
    .reverse()
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
}

/**
 * Throws when a forbidden key appears anywhere in `value`. Walks with an explicit stack, so
 * deeply nested input cannot overflow the call stack, and visits each node once.
 */
export function refuseForbiddenKeys(value: unknown, place: InputPlace = {}): void {
  const stack: Frame[] = [{ value, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const v = frame.value;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1)
        stack.push({ value: v[i] as unknown, key: i, parent: frame });
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) {
        const path = pathOf({ value: undefined, key, parent: frame });
        const code = place.code ?? 'INVALID_INPUT';
        const message = `the key '${key}' is not allowed (at ${path})`;
        throw new PathwayError(code, message, [
          {
            code,
            message,
            path,
            ...(place.file === undefined ? {} : { file: place.file }),
            ...(place.line === undefined ? {} : { line: place.line }),
          },
        ]);
      }
      stack.push({ value: (v as Record<string, unknown>)[key], key, parent: frame });
    }
  }
}

/**
 * Parses JSON text under the rule: a leading BOM dropped, forbidden keys refused. A syntax
 * error is JSON.parse's SyntaxError, for the caller to word as it does today.
 */
export function parseJsonText(text: string, place: InputPlace = {}): unknown {
  const value: unknown = JSON.parse(stripBom(text));
  refuseForbiddenKeys(value, place);
  return value;
}

/**
 * Decodes bytes as UTF-8, refusing bytes that are not (naming the line and column of the
 * first), and dropping a leading BOM.
 */
export function decodeUtf8(bytes: Uint8Array, place: InputPlace = {}): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const at = lossy.indexOf('\uFFFD');
    const before = lossy.slice(0, Math.max(0, at));
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const code = place.code ?? 'INVALID_INPUT';
    const message = 'the file is not valid UTF-8: save it as UTF-8';
    throw new PathwayError(code, `${place.file ?? 'input'}:${line}:${column}: ${message}`, [
      { code, message, line, column, ...(place.file === undefined ? {} : { file: place.file }) },
    ]);
  }
}
