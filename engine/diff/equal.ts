/**
 * Deep equality of parsed document values. Key order never matters (a reordered mapping
 * means the same), list order always does, and a key holding `undefined` equals a missing
 * key, since the file cannot tell them apart.
 */
import { isRecord } from '../model/schema-walk';

/** True when two parsed values mean the same document content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!sameValue(a[key], b[key])) return false;
    return true;
  }
  return false;
}
