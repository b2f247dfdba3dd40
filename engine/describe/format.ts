/** Formatting fact values for people: alert messages and explanations. */
import type { Fact, Language, Pathway } from '../model/types';
import { pickText } from '../model/texts';
import { isLowerBound, type LowerBound } from '../facts/bound';
import { WORDS } from './words';

/**
 * Formats a number the way the language writes it (decimal comma in sv and da), with at
 * most two decimals: 8.428571 weeks reads as 8.43. Values are computed exactly; only the
 * display is rounded.
 */
export function formatNumber(value: number, language: Language): string {
  const text = String(Math.round(value * 100) / 100);
  return language === 'en' ? text : text.replace('.', ',');
}

/**
 * Units are written in the fact dictionary in English (`months`, `MME/day`); these are
 * shown in the reader's language. Units not listed are shown as written.
 */
const UNIT_WORDS: Record<string, Partial<Record<Language, string>>> = {
  years: { sv: 'år', da: 'år' },
  months: { sv: 'månader', da: 'måneder' },
  weeks: { sv: 'veckor', da: 'uger' },
  days: { sv: 'dagar', da: 'dage' },
  'MME/day': { sv: 'MME/dygn', da: 'MME/døgn' },
  'mg/day': { sv: 'mg/dygn', da: 'mg/døgn' },
};

/** A unit in the reader's language. */
export function formatUnit(unit: string, language: Language): string {
  return UNIT_WORDS[unit]?.[language] ?? unit;
}

/**
 * A lower bound as a person reads it: `≥ 30 MME/day (incomplete)`, never the bare number,
 * which would read as the whole.
 */
export function formatBound(
  bound: LowerBound,
  unit: string | undefined,
  language: Language,
): string {
  const number = formatNumber(bound.atLeast, language);
  const withUnit = unit === undefined ? number : `${number} ${formatUnit(unit, language)}`;
  return `≥ ${withUnit} (${WORDS[language].incomplete})`;
}

/** A value as a person reads it; `undefined` is "unknown". */
export function formatValue(value: unknown, language: Language): string {
  const words = WORDS[language];
  if (value === undefined || value === null) return words.unknown;
  if (isLowerBound(value)) return formatBound(value, undefined, language);
  if (typeof value === 'number') return formatNumber(value, language);
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) {
    return value
      .map((v) => {
        if (typeof v === 'object' && v !== null && 'atc' in v) {
          const m = v as { atc: unknown; dose?: unknown; unit?: unknown };
          return [m.atc, m.dose === undefined ? undefined : formatValue(m.dose, language), m.unit]
            .filter((x) => x !== undefined)
            .join(' ');
        }
        return formatValue(v, language);
      })
      .join(', ');
  }
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The dictionary by name, built once per fact list (a pathway's is never changed in place). */
const dictionaries = new WeakMap<readonly Fact[], ReadonlyMap<string, Fact>>();

/** The dictionary entry of a fact, if any (the first of that name, as a search would find). */
export function factOf(pathway: Pathway, name: string): Fact | undefined {
  let byName = dictionaries.get(pathway.facts);
  if (byName === undefined) {
    const map = new Map<string, Fact>();
    for (const fact of pathway.facts) if (!map.has(fact.name)) map.set(fact.name, fact);
    byName = map;
    dictionaries.set(pathway.facts, byName);
  }
  return byName.get(name);
}

/** A fact's label in the language, or its name when the dictionary has none. */
export function factLabel(pathway: Pathway, name: string, language: Language): string {
  const fact = factOf(pathway, name);
  return fact === undefined ? name : pickText(fact.label, language) || name;
}

/** A named condition's label in the language, or its name when it has none (or is unknown). */
export function conditionLabel(pathway: Pathway, name: string, language: Language): string {
  const named = pathway.conditions.find((c) => c.name === name);
  return pickText(named?.label, language) || name;
}

/**
 * Replaces `{factName}` in an alert message by the fact's value. Unknown placeholders stay
 * visible. A lower bound takes the fact's unit written right after the placeholder into its
 * own text ("{opioidMme} MME/day" → "≥ 30 MME/day (incomplete)"), so "incomplete" follows the
 * whole quantity. The word after a placeholder never holds a bracket or another placeholder, so
 * "{opioidDays} ({opioidMme})" fills both.
 */
export function fillTemplate(
  template: string,
  pathway: Pathway,
  values: Readonly<Record<string, unknown>>,
  language: Language,
): string {
  const parts = templateParts(template);
  if (parts.length === 1) return template;
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const { whole, name, after } = part;
    const fact = factOf(pathway, name);
    if (fact === undefined) {
      text += whole;
      continue;
    }
    const value = values[name];
    const rest = after ?? '';
    if (!isLowerBound(value)) {
      text += formatValue(value, language) + rest;
      continue;
    }
    const unit = fact.unit;
    const unitWritten =
      unit !== undefined && (rest.trim() === unit || rest.trim() === formatUnit(unit, language));
    text += unitWritten
      ? formatBound(value, unit, language)
      : formatBound(value, undefined, language) + rest;
  }
  return text;
}

/** A `{placeholder}` met in a template, with the word written right after it. */
interface Placeholder {
  whole: string;
  name: string;
  after: string | undefined;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}( [^\s,.;:(){}]+)?/g;
const TEMPLATE_CACHE_LIMIT = 1024;
/** Templates split at their placeholders: a pathway's messages are few and read often. */
const templates = new Map<string, readonly (string | Placeholder)[]>();

/** `template` as text and placeholders in order, as the placeholder pattern finds them. */
function templateParts(template: string): readonly (string | Placeholder)[] {
  let parts = templates.get(template);
  if (parts !== undefined) return parts;
  const found: (string | Placeholder)[] = [];
  let at = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    found.push(template.slice(at, match.index));
    found.push({ whole: match[0], name: match[1] ?? '', after: match[2] });
    at = match.index + match[0].length;
  }
  found.push(template.slice(at));
  parts = found;
  if (templates.size >= TEMPLATE_CACHE_LIMIT) templates.clear();
  templates.set(template, parts);
  return parts;
}
