/**
 * Conditions as a reviewer reads them, without evaluating anything:
 * `weeksInStep ≥ 12 and not improved and mmrEligible`. Fact and condition names are kept
 * as written in the file, so a reviewer can find them; operators, connectives and values
 * are in the reader's language, with the vocabulary of the explanation (`evaluate/words`).
 */
import { SYMBOL_OPERATORS } from '../model/schema';
import { formatValue } from '../describe/format';
import { WORDS } from '../describe/words';
import type { Condition, Language, LeafCondition } from '../model/types';

/** Operators written as symbols; for these a comparison reads `fact ≥ value`. */
const SYMBOLIC = new Set<string>(SYMBOL_OPERATORS);

/** A comparison's right-hand side: a value, a list `[a, b]`, or another fact's name. */
export function describeOperand(value: unknown, language: Language): string {
  if (Array.isArray(value)) return `[${value.map((v) => describeOperand(v, language)).join(', ')}]`;
  if (typeof value === 'object' && value !== null && 'fact' in value)
    return String((value as { fact: unknown }).fact);
  if (typeof value === 'string') return value;
  return formatValue(value, language);
}

/** `operator value`, such as `≥ 12` or `is one of [a, b]`. */
export function describeComparison(operator: string, value: unknown, language: Language): string {
  const word = WORDS[language].operators[operator] ?? operator;
  if (operator === 'notEmpty') return value === false ? `${WORDS[language].not} ${word}` : word;
  return `${word} ${describeOperand(value, language)}`;
}

/**
 * True when a comparison reads best as `fact ≥ value` (a number or text threshold), so
 * that a changed threshold can be shown as `fact ≥ 12 → ≥ 8`.
 */
export function isThresholdLeaf(leaf: LeafCondition): boolean {
  return SYMBOLIC.has(leaf.operator) && typeof leaf.value !== 'boolean';
}

/** One comparison: `painDurationMonths ≥ 3`, `onOpioid`, `not specialistPlanInPlace`, `redFlags has an entry`. */
export function describeLeaf(leaf: LeafCondition, language: Language): string {
  const not = WORDS[language].not;
  if (
    typeof leaf.value === 'boolean' &&
    (leaf.operator === 'equal' || leaf.operator === 'notEqual')
  )
    return leaf.value === (leaf.operator === 'equal') ? leaf.fact : `${not} ${leaf.fact}`;
  return `${leaf.fact} ${describeComparison(leaf.operator, leaf.value, language)}`;
}

function isCompound(condition: Condition): boolean {
  return 'all' in condition || 'any' in condition;
}

function nested(condition: Condition, language: Language): string {
  const text = describeCondition(condition, language);
  return isCompound(condition) ? `(${text})` : text;
}

/** A whole condition in words; nested groups are bracketed. */
export function describeCondition(condition: Condition, language: Language): string {
  const words = WORDS[language];
  if ('all' in condition)
    return condition.all.map((c) => nested(c, language)).join(` ${words.and} `);
  if ('any' in condition)
    return condition.any.map((c) => nested(c, language)).join(` ${words.or} `);
  if ('not' in condition) return `${words.not} ${nested(condition.not, language)}`;
  if ('condition' in condition) return condition.condition;
  return describeLeaf(condition, language);
}
