/**
 * The canonical shape of a document before it is written: every mapping's keys in the
 * order the schema declares them, lists untouched, and keys whose value is an empty list
 * the schema would fill in anyway left out. Mappings become `Map`s so that the order is
 * kept exactly (a plain object would move integer-like keys to the front).
 */
import type { z } from 'zod';
import {
  childSchema,
  isEmptyListDefault,
  isRecord,
  resolveSchema,
  schemaKeys,
} from '../model/schema-walk';

/** Plain data with mappings as insertion-ordered `Map`s. */
export type Ordered = string | number | boolean | null | Ordered[] | Map<string, Ordered>;

/**
 * Orders `value` by `schema`. Keys the schema does not know (only possible for invalid
 * documents) are kept after the known ones, in their original order, so nothing is lost.
 */
export function orderBySchema(value: unknown, schema: z.core.$ZodType | undefined): Ordered {
  if (Array.isArray(value)) {
    return value.map((item, index) =>
      orderBySchema(item, schema && childSchema(schema, value, index)),
    );
  }
  if (!isRecord(value)) return toScalar(value);
  const resolved = schema === undefined ? undefined : (resolveSchema(schema, value) ?? schema);
  const declared = resolved === undefined ? [] : schemaKeys(resolved);
  const keys = [
    ...declared.filter((k) => Object.hasOwn(value, k)),
    ...Object.keys(value).filter((k) => !declared.includes(k)),
  ];
  const out = new Map<string, Ordered>();
  for (const key of keys) {
    const child = value[key];
    if (child === undefined) continue;
    const childType = resolved === undefined ? undefined : childSchema(resolved, value, key);
    if (
      childType !== undefined &&
      isEmptyListDefault(childType) &&
      Array.isArray(child) &&
      child.length === 0
    )
      continue;
    out.set(key, orderBySchema(child, childType));
  }
  return out;
}

function toScalar(value: unknown): Ordered {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value === null || value === undefined) return null;
  // Dates, bigints and the like never come out of the schema; print them as text rather than fail.
  return String(value);
}
