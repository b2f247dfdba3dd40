/**
 * Document order for issues: the editor lists problems top to bottom, and the CLI output
 * must not change from run to run. An issue sorts at the place its path points to; a path
 * to a field that is absent (a missing translation) sorts at its nearest present parent.
 */
import { z } from 'zod';
import { pathwaySchema } from '../model/schema';
import { formatPath, type PathSegment } from '../model/path';
import type { LintIssue } from './types';

/** Splits `steps[3].transitions[0].when` back into segments. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

/** Strips `.optional()`, `.default()` and `.nullable()` to get at the schema that matters. */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodDefault ||
    current instanceof z.ZodNullable
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** The object schema describing `value`: for a union, the first option holding all its keys. */
function objectSchema(schema: z.ZodType | undefined, value: object): z.ZodObject | undefined {
  const current = unwrap(schema);
  if (current instanceof z.ZodObject) return current;
  if (!(current instanceof z.ZodUnion)) return undefined;
  for (const option of current.options as readonly z.ZodType[]) {
    const candidate = objectSchema(option, value);
    if (candidate !== undefined && Object.keys(value).every((key) => key in candidate.shape)) {
      return candidate;
    }
  }
  return undefined;
}

/**
 * Pre-order position of every path in the document. Keys are taken in schema order, the
 * order the canonical writer uses, so a hand-built document sorts like its file would.
 */
function positions(doc: unknown): Map<string, number> {
  const ordinals = new Map<string, number>();
  const visit = (
    value: unknown,
    schema: z.ZodType | undefined,
    path: PathSegment[],
    depth: number,
  ): void => {
    ordinals.set(formatPath(path), ordinals.size);
    if (depth > 200 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      const array = unwrap(schema);
      const element = array instanceof z.ZodArray ? (array.element as z.ZodType) : undefined;
      value.forEach((item: unknown, i) => visit(item, element, [...path, i], depth + 1));
      return;
    }
    const object = objectSchema(schema, value);
    const shape: Readonly<Record<string, z.ZodType>> = object?.shape ?? {};
    const keys = Object.keys(value);
    const ordered = [
      ...Object.keys(shape).filter((key) => keys.includes(key)),
      ...keys.filter((key) => !(key in shape)),
    ];
    for (const key of ordered) {
      visit((value as Record<string, unknown>)[key], shape[key], [...path, key], depth + 1);
    }
  };
  visit(doc, pathwaySchema, [], 0);
  return ordinals;
}

/** A function giving each issue path its position in `doc`. */
export function positionIn(doc: unknown): (path: string) => number {
  const ordinals = positions(doc);
  return (path) => {
    const segments = parsePath(path);
    for (let n = segments.length; n >= 0; n--) {
      const position = ordinals.get(formatPath(segments.slice(0, n)));
      if (position !== undefined) return position;
    }
    return 0;
  };
}

/**
 * Sorts issues by where they point in the document; issues at the same place keep the
 * order the rules produced them in (the sort is stable).
 */
export function inDocumentOrder(doc: unknown, issues: readonly LintIssue[]): LintIssue[] {
  const position = positionIn(doc);
  return issues
    .map((issue, k) => ({ issue, key: position(issue.path), k }))
    .sort((a, b) => a.key - b.key || a.k - b.k)
    .map(({ issue }) => issue);
}
