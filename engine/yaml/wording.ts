/**
 * Plain-language pieces for validation messages. The reader is a clinical lead editing a
 * pathway, not a programmer: say "text" and "a list", show the offending value, and offer
 * the nearest valid spelling when a name looks mistyped.
 */
import { closestName } from '../model/suggest';

const LONGEST_SHOWN = 60;

/** A value as it appears in a message: text in quotes, lists and mappings by kind. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    const short = value.length > LONGEST_SHOWN ? `${value.slice(0, LONGEST_SHOWN)}…` : value;
    return `'${short}'`;
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** A zod type name (`expected` of an invalid_type issue) in words. */
export function describeType(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping (key: value lines)';
    default:
      return expected;
  }
}

/** `a, b or c`. */
export function listWords(words: readonly string[], last = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1] ?? ''}`;
}

/** ` (did you mean 'when'?)` when a candidate is a likely misspelling of `word`, else ''. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const best = closestName(word, candidates);
  return best === undefined ? '' : ` (did you mean '${best}'?)`;
}
