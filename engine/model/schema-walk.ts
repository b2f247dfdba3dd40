/**
 * Reading the structure of a zod schema: which keys an object has and in what order, what
 * schema sits below a key or index, and which option of a union a value means. The
 * canonical printer and the error reporter both walk the pathway schema this way, so the
 * key order and the union choice are defined once, by the schema itself.
 */
import { z } from 'zod';
import type { PathSegment } from './path';

type Schema = z.core.$ZodType;

/** True for a non-null, non-array object (a YAML mapping). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Strips wrappers that do not change a value's shape (optional, default, nullable, lazy,
 * pipes …) so that callers see the object, array, union or leaf underneath.
 */
export function unwrapSchema(schema: Schema): Schema {
  let current = schema;
  // Bounded: a schema cannot wrap itself forever, but a lazy getter could in theory.
  for (let depth = 0; depth < 64; depth++) {
    const next = innerSchema(current);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

function innerSchema(schema: Schema): Schema | undefined {
  if (
    schema instanceof z.core.$ZodOptional ||
    schema instanceof z.core.$ZodDefault ||
    schema instanceof z.core.$ZodNullable ||
    schema instanceof z.core.$ZodReadonly ||
    schema instanceof z.core.$ZodCatch ||
    schema instanceof z.core.$ZodPrefault ||
    schema instanceof z.core.$ZodNonOptional
  )
    return schema._zod.def.innerType;
  if (schema instanceof z.core.$ZodLazy) return schema._zod.def.getter();
  if (schema instanceof z.core.$ZodPipe) return schema._zod.def.in;
  return undefined;
}

/**
 * True when the schema fills in an empty list for a missing key. The printer leaves such
 * keys out when the list is empty, because parsing puts them back.
 */
export function isEmptyListDefault(schema: Schema): boolean {
  if (!(schema instanceof z.core.$ZodDefault)) return false;
  const fallback: unknown = schema._zod.def.defaultValue;
  return Array.isArray(fallback) && fallback.length === 0;
}

/** The object options of a union (or the object itself), unwrapped. */
function objectOptions(schema: Schema): z.core.$ZodObject[] {
  const s = unwrapSchema(schema);
  if (s instanceof z.core.$ZodObject) return [s];
  if (s instanceof z.core.$ZodUnion)
    return s._zod.def.options.flatMap((option) => objectOptions(option));
  return [];
}

/**
 * The keys an object schema declares, in declaration order. For a union of objects the
 * keys of all options are merged in option order, so a condition prints as
 * all, any, not, condition, fact, operator, value whichever option it is.
 */
export function schemaKeys(schema: Schema): string[] {
  const keys: string[] = [];
  for (const option of objectOptions(schema))
    for (const key of Object.keys(option._zod.def.shape)) if (!keys.includes(key)) keys.push(key);
  return keys;
}

/** The result of choosing a union option for a value. */
export interface UnionChoice {
  /** The chosen option's index in the union, when one option is meant. */
  index?: number;
  /** Keys that each select a different option (`all` and `any` together). */
  conflicting?: string[];
}

/**
 * Which option of a union a value means. A discriminated union decides by its
 * discriminator. Otherwise each object option is named by its first key (`all`, `any`,
 * `not`, `condition`, `fact`): exactly one such key present picks that option; with none,
 * the option sharing most keys with the value is taken, so `{ operator, value }` is read
 * as a comparison that lacks its `fact`.
 */
export function chooseUnionOption(union: z.core.$ZodUnion, value: unknown): UnionChoice {
  const options = union._zod.def.options;
  if (!isRecord(value)) return {};
  if (union instanceof z.core.$ZodDiscriminatedUnion) {
    const tag = value[union._zod.def.discriminator];
    const index = options.findIndex((o) => literalValues(o, union._zod.def.discriminator, tag));
    return index < 0 ? {} : { index };
  }
  const present = Object.keys(value);
  const leading = options.map((o) => schemaKeys(o)[0]);
  const named = leading.flatMap((key, index) =>
    key !== undefined && present.includes(key) ? [{ key, index }] : [],
  );
  if (named.length > 1) return { conflicting: named.map((n) => n.key) };
  if (named[0] !== undefined) return { index: named[0].index };
  let best: UnionChoice = {};
  let bestScore = 0;
  options.forEach((option, index) => {
    const keys = schemaKeys(option);
    const score = present.filter((k) => keys.includes(k)).length;
    if (score > bestScore) {
      best = { index };
      bestScore = score;
    }
  });
  return best;
}

function literalValues(option: Schema, key: string, tag: unknown): boolean {
  const [object] = objectOptions(option);
  const field = object?._zod.def.shape[key];
  const values = field === undefined ? undefined : unwrapSchema(field)._zod.values;
  return values !== undefined && (typeof tag === 'string' || typeof tag === 'number')
    ? values.has(tag)
    : false;
}

/** The first key of each object option: the keys that name the options (`all`, `any`, … `fact`). */
export function unionLeadingKeys(union: z.core.$ZodUnion): string[] {
  return union._zod.def.options.flatMap((o) => schemaKeys(o).slice(0, 1));
}

/**
 * Resolves unions (for this value) and wrappers, giving the schema that actually
 * describes `value`; `undefined` when a union cannot tell.
 */
export function resolveSchema(schema: Schema, value: unknown): Schema | undefined {
  let s = unwrapSchema(schema);
  while (s instanceof z.core.$ZodUnion) {
    const { index } = chooseUnionOption(s, value);
    const option = index === undefined ? undefined : s._zod.def.options[index];
    if (option === undefined) return undefined;
    s = unwrapSchema(option);
  }
  return s;
}

/** The schema of the child at `segment` of a value described by `schema`. */
export function childSchema(
  schema: Schema,
  value: unknown,
  segment: PathSegment,
): Schema | undefined {
  const s = unwrapSchema(schema);
  if (s instanceof z.core.$ZodUnion) {
    const resolved = resolveSchema(s, value);
    if (resolved !== undefined) return childSchema(resolved, value, segment);
    // Undecided union: any object option declaring the key still says what belongs there.
    const owner = objectOptions(s).find((o) => String(segment) in o._zod.def.shape);
    return owner?._zod.def.shape[String(segment)];
  }
  if (s instanceof z.core.$ZodObject) return s._zod.def.shape[String(segment)];
  if (s instanceof z.core.$ZodArray) return s._zod.def.element;
  if (s instanceof z.core.$ZodRecord) return s._zod.def.valueType;
  return undefined;
}

/** The value at `path` inside `root`, or `undefined` when some step is missing. */
export function valueAtPath(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

/** The schema describing the value at `path`, walking unions by the values met on the way. */
export function schemaAtPath(
  root: Schema,
  rootValue: unknown,
  path: readonly PathSegment[],
): Schema | undefined {
  let schema: Schema | undefined = root;
  let value = rootValue;
  for (const segment of path) {
    if (schema === undefined) return undefined;
    schema = childSchema(schema, value, segment);
    value = valueAtPath(value, [segment]);
  }
  return schema;
}
