/**
 * Conditions as a reviewer reads them, without evaluating anything:
 * `weeksInStep ≥ 12 and not improved and mmrEligible`. Fact and condition names are kept
 * as written in the file, so a reviewer can find them; operators, connectives and values
 * are in the reader's language, with the vocabulary of the explanation (`evaluate/words`).
 */
import { foldCondition } from '../model/condition';
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

/** A phrase and whether it joins parts with `and` / `or` (then it is bracketed inside another). */
interface Phrase {
  readonly text: string;
  readonly compound: boolean;
}

function bracketed(phrase: Phrase): string {
  return phrase.compound ? `(${phrase.text})` : phrase.text;
}

/** A whole condition in words; nested groups are bracketed. */
export function describeCondition(condition: Condition, language: Language): string {
  const words = WORDS[language];
  const group = (parts: Phrase[], joiner: string): Phrase => ({
    text: parts.map(bracketed).join(` ${joiner} `),
    compound: true,
  });
  return foldCondition<Phrase>(condition, {
    all: (parts) => group(parts, words.and),
    any: (parts) => group(parts, words.or),
    not: (part) => ({ text: `${words.not} ${bracketed(part)}`, compound: false }),
    reference: (name) => ({ text: name, compound: false }),
    leaf: (leaf) => ({ text: describeLeaf(leaf, language), compound: false }),
  }).text;
}
