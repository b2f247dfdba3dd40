/** Wording shared by the rules, so that messages name things the same way everywhere. */
import { OPERATOR_SYMBOLS } from '../describe/words';
import type { Fact, Language, LeafCondition } from '../model/types';

const LANGUAGE_NAMES: Record<Language, string> = { sv: 'Swedish', da: 'Danish', en: 'English' };

/** `Danish (da)`. */
export function languageName(language: Language): string {
  return `${LANGUAGE_NAMES[language]} (${language})`;
}

/** A value as it would appear in the file; never throws, whatever the value. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `0–100`, `≥ 0`, `≤ 10`, or undefined when the fact has no range. */
export function showRange(range: Fact['range']): string | undefined {
  if (range === undefined) return undefined;
  const { min, max } = range;
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (min !== undefined) return `≥ ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return undefined;
}

/** `a, b or c`. */
export function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

/** Comparison operators as a clinician writes them. */
const SYMBOLS: Readonly<Record<string, string>> = {
  ...OPERATOR_SYMBOLS,
  in: 'in',
  notIn: 'not in',
};

/** `age ≥ 18`: one comparison as the messages quote it. */
export function leafText(leaf: LeafCondition): string {
  return `${leaf.fact} ${SYMBOLS[leaf.operator] ?? leaf.operator} ${showValue(leaf.value)}`;
}

/** What values a fact declares, in words ("its range is 0–120 (whole numbers)"). */
export function declaredWords(fact: Fact): string {
  if (fact.values !== undefined)
    return `its values are ${fact.values.map((v) => showValue(v)).join(', ')}`;
  const range = showRange(fact.range);
  if (range !== undefined)
    return `its range is ${range}${fact.type === 'integer' ? ' (whole numbers)' : ''}`;
  return fact.type === 'integer' ? 'it is a whole number' : `it is a ${fact.type}`;
}
