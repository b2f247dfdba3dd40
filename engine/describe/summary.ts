/**
 * A condition as a short phrase for people, without a patient: "pain duration ≥ 3 months",
 * "atRisk or ÖMPSQ ≥ 50". The editor labels canvas edges with it; it uses the same words,
 * units and value formatting as the explanation so that both read alike.
 */
import { foldCondition } from '../model/condition';
import { isNeverTrue } from '../model/never-true';
import type { Condition, Language, LeafCondition, Pathway } from '../model/types';
import { conditionLabel, factLabel, factOf, formatUnit, formatValue } from './format';
import { WORDS } from './words';

/** How a sub-condition sits in its parent, to decide where parentheses are needed. */
type Context = 'top' | 'all' | 'any' | 'not';

function leafValue(pathway: Pathway, leaf: LeafCondition, language: Language): string {
  const value = leaf.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return factLabel(pathway, value.fact, language);
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v, language)).join(', ')}]`;
  const unit = factOf(pathway, leaf.fact)?.unit;
  const text = formatValue(value, language);
  return typeof value === 'number' && unit !== undefined
    ? `${text} ${formatUnit(unit, language)}`
    : text;
}

function leafPhrase(pathway: Pathway, leaf: LeafCondition, language: Language): string {
  const words = WORDS[language];
  const label = factLabel(pathway, leaf.fact, language);
  // A yes/no fact reads better as the fact itself ("declines pathway: yes").
  if (
    (leaf.operator === 'equal' || leaf.operator === 'notEqual') &&
    typeof leaf.value === 'boolean'
  )
    return `${label}: ${formatValue(leaf.operator === 'equal' ? leaf.value : !leaf.value, language)}`;
  if (leaf.operator === 'notEmpty')
    return leaf.value === false
      ? `${label}: ${words.none}`
      : `${label} ${words.operators.notEmpty ?? 'notEmpty'}`;
  const op = words.operators[leaf.operator] ?? leaf.operator;
  return `${label} ${op} ${leafValue(pathway, leaf, language)}`;
}

/** A phrase still waiting to learn where it sits (parentheses depend on the parent). */
type Placed = (context: Context) => string;

function group(kind: 'all' | 'any', parts: Placed[], language: Language): Placed {
  return (context) => {
    const [only] = parts;
    // Only an empty `all` passes the schema: true whatever the facts.
    if (parts.length === 0) return WORDS[language].always;
    if (parts.length === 1 && only !== undefined) return only(context);
    const words = WORDS[language];
    const joined = parts
      .map((part) => part(kind))
      .join(` ${kind === 'all' ? words.and : words.or} `);
    // A group inside another group (or under not) needs parentheses to be read right.
    return context === 'top' || context === kind ? joined : `(${joined})`;
  };
}

/**
 * Summarises a condition in plain words for a label. Named conditions are shown by their
 * label in the language (by name when they have none).
 * Never throws on a condition that refers to unknown facts: the fact name is shown instead.
 */
export function summarizeCondition(
  pathway: Pathway,
  condition: Condition,
  language: Language,
): string {
  const words = WORDS[language];
  if (isNeverTrue(condition)) return words.notWrittenYet;
  // The same wording as the explanation, not describeCondition (engine/diff): a label shows
  // fact labels and units where a reviewer's diff shows the names as written in the file.
  const placed = foldCondition<Placed>(condition, {
    all: (parts) => group('all', parts, language),
    any: (parts) => group('any', parts, language),
    not: (part) => () => {
      const inner = part('not');
      return `${words.not} ${inner.startsWith('(') || !inner.includes(' ') ? inner : `(${inner})`}`;
    },
    reference: (name) => () => conditionLabel(pathway, name, language),
    leaf: (leaf) => () => leafPhrase(pathway, leaf, language),
  });
  return placed('top');
}
