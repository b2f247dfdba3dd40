/**
 * Turns zod validation issues into located, plain-language {@link ErrorIssue}s. Two things
 * make zod's own output unfit for a clinical lead: its wording, and unions — a broken
 * condition makes zod report every option's complaints at once. Here the option the
 * author meant is picked by the keys written (see `chooseUnionOption`) and only that
 * option's problems are reported, recursively for nested conditions.
 */
import { z } from 'zod';
import type { ErrorIssue } from '../errors';
import { formatPath, type PathSegment } from '../model/path';
import {
  chooseUnionOption,
  isRecord,
  schemaAtPath,
  schemaKeys,
  unionLeadingKeys,
  unwrapSchema,
  valueAtPath,
} from '../model/schema-walk';
import type { YamlSource } from './source';
import { describeType, didYouMean, listWords, showValue } from './wording';

/**
 * What the per-parse error map answers, so that a message written in the schema (which
 * zod prefers) can be told apart from one this module must word itself.
 */
export const UNWORDED = '\u0000unworded';

/** Everything needed to word and place an issue. */
export interface IssueContext {
  schema: z.core.$ZodType;
  value: unknown;
  source: YamlSource;
  file?: string;
  /** Names for union schemas (`condition`), used in "a condition needs one of …". */
  nouns: ReadonlyMap<z.core.$ZodType, string>;
}

/** Located, worded issues for a failed parse, sorted by position in the file. */
export function schemaIssues(
  issues: readonly z.core.$ZodIssue[],
  context: IssueContext,
): ErrorIssue[] {
  const out: ErrorIssue[] = [];
  collect(issues, [], context, out);
  const seen = new Set<string>();
  return out
    .filter((i) => {
      const id = `${i.path ?? ''}\u0000${i.message}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort(
      (a, b) =>
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        (a.path ?? '').localeCompare(b.path ?? ''),
    );
}

function collect(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathSegment[],
  context: IssueContext,
  out: ErrorIssue[],
): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((s) => (typeof s === 'number' ? s : String(s)))];
    const add = (message: string, at: readonly PathSegment[] = path, key = false): void => {
      out.push(located(at, message, key, context));
    };
    const value = valueAtPath(context.value, path);
    const own = issue.message === UNWORDED ? undefined : issue.message;
    switch (issue.code) {
      case 'invalid_union':
        unionIssue(issue, path, value, context, out);
        break;
      case 'unrecognized_keys': {
        const known = schemaKeys(schemaAtPath(context.schema, context.value, path) ?? z.never());
        const unused = known.filter((k) => !(isRecord(value) && Object.hasOwn(value, k)));
        for (const key of issue.keys)
          add(`unknown key '${key}'${didYouMean(key, unused)}`, [...path, key], true);
        break;
      }
      case 'invalid_type':
        add(
          value === undefined
            ? missing(path)
            : (own ?? wrongType(issue.expected, value, context.source.sourceText(path))),
        );
        break;
      case 'invalid_value':
        add(own ?? unknownValue(path, value, issue.values));
        break;
      case 'too_small':
      case 'too_big':
        add(own ?? sizeMessage(issue, value));
        break;
      case 'invalid_format':
        add(
          own === undefined
            ? `${showValue(value)} is not written in the expected form`
            : `${own}, got ${showValue(value)}`,
        );
        break;
      case 'invalid_key':
        add(`key ${showValue(path[path.length - 1])} is not allowed here`, path, true);
        break;
      case 'not_multiple_of':
        add(own ?? `must be a multiple of ${String(issue.divisor)}, got ${showValue(value)}`);
        break;
      default:
        add(own ?? 'is not valid');
    }
  }
}

function unionIssue(
  issue: z.core.$ZodIssueInvalidUnion,
  path: PathSegment[],
  value: unknown,
  context: IssueContext,
  out: ErrorIssue[],
): void {
  // A discriminated union whose tag (`kind`) is missing or unknown: zod points at the tag.
  if (issue.discriminator !== undefined && issue.errors.length === 0) {
    const options = 'options' in issue ? (issue.options ?? []).map(String) : [];
    out.push(located(path, unknownValue(path, value, options), false, context));
    return;
  }
  const schema = unwrapSchema(schemaAtPath(context.schema, context.value, path) ?? z.never());
  if (!(schema instanceof z.core.$ZodUnion)) {
    out.push(located(path, 'is not valid', false, context));
    return;
  }
  if (value === undefined) {
    out.push(located(path, missing(path), false, context));
    return;
  }
  const noun = context.nouns.get(schema) ?? 'value';
  const leading = unionLeadingKeys(schema);
  const choice = chooseUnionOption(schema, value);
  const chosen = choice.index === undefined ? undefined : issue.errors[choice.index];
  let message: string;
  if (chosen !== undefined) {
    collect(chosen, path, context, out);
    return;
  } else if (choice.conflicting !== undefined) {
    message = `a ${noun} uses exactly one of ${listWords(leading)}; this one has ${listWords(choice.conflicting, 'and')}`;
  } else if (isRecord(value) && leading.length > 0) {
    message = `a ${noun} needs one of ${listWords(leading)}`;
  } else {
    message = `expected ${expectedOfUnion(schema, noun, leading)}, got ${showValue(value)}`;
  }
  out.push(located(path, message, false, context));
}

/** What a union accepts, in words: `text, a number, true or false, a list or a mapping with fact`. */
function expectedOfUnion(union: z.core.$ZodUnion, noun: string, leading: string[]): string {
  if (noun !== 'value' && leading.length > 0)
    return `a ${noun} (a mapping with one of ${listWords(leading)})`;
  const words: string[] = [];
  const visit = (schema: z.core.$ZodType): void => {
    const s = unwrapSchema(schema);
    if (s instanceof z.core.$ZodUnion) s._zod.def.options.forEach(visit);
    else if (s instanceof z.core.$ZodObject)
      words.push(`a mapping with ${listWords(Object.keys(s._zod.def.shape), 'and')}`);
    else words.push(describeType(s._zod.def.type));
  };
  visit(union);
  return listWords(words);
}

/**
 * `expected text, got 1.0`: shows the value as written, and explains the usual cause —
 * YAML reading `1.0` or `yes`-like words as numbers or booleans — with the fix.
 */
function wrongType(expected: string, value: unknown, written: string | undefined): string {
  const shown = written ?? showValue(value);
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
    return `expected text, got ${shown}, which YAML reads as ${typeof value === 'number' ? 'a number' : 'true/false'}; put it in quotes: '${shown}'`;
  return `expected ${describeType(expected)}, got ${shown}`;
}

function missing(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? `missing required key '${last}'` : 'missing value';
}

function unknownValue(
  path: readonly PathSegment[],
  value: unknown,
  allowed: readonly unknown[],
): string {
  const words = allowed.map(String);
  const last = path[path.length - 1];
  if (value === undefined && typeof last === 'string')
    return `missing required key '${last}' (one of ${words.join(', ')})`;
  if (words.length === 1) return `expected ${showValue(allowed[0])}, got ${showValue(value)}`;
  const noun = typeof last === 'string' ? last : 'value';
  const hint = typeof value === 'string' ? didYouMean(value, words) : '';
  return `unknown ${noun} ${showValue(value)} (expected one of ${words.join(', ')})${hint}`;
}

function sizeMessage(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  value: unknown,
): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  const bound = Number(limit);
  switch (issue.origin) {
    case 'array':
      return `needs ${small ? 'at least' : 'at most'} ${bound} ${bound === 1 ? 'item' : 'items'}, got ${
        Array.isArray(value)
          ? value.length === 0
            ? 'an empty list'
            : value.length
          : showValue(value)
      }`;
    case 'string':
      if (small && bound === 1) return 'must not be empty';
      return `must be ${small ? 'at least' : 'at most'} ${bound} characters long, got ${showValue(value)}`;
    default: {
      const inclusive = issue.inclusive !== false;
      const words = small
        ? inclusive
          ? 'at least'
          : 'greater than'
        : inclusive
          ? 'at most'
          : 'less than';
      return `must be ${words} ${String(limit)}, got ${showValue(value)}`;
    }
  }
}

function located(
  path: readonly PathSegment[],
  message: string,
  key: boolean,
  context: IssueContext,
): ErrorIssue {
  const value = valueAtPath(context.value, path);
  return {
    code: 'SCHEMA',
    message,
    path: formatPath(path),
    ...(value === undefined ? {} : { value }),
    ...(context.file === undefined ? {} : { file: context.file }),
    ...context.source.locate(path, { key }),
  };
}
