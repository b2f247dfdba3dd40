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

/** The dictionary entry of a fact, if any. */
export function factOf(pathway: Pathway, name: string): Fact | undefined {
  return pathway.facts.find((f) => f.name === name);
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
  return template.replace(
    /\{([A-Za-z][A-Za-z0-9]*)\}( [^\s,.;:(){}]+)?/g,
    (whole, name: string, after: string | undefined) => {
      const fact = factOf(pathway, name);
      if (fact === undefined) return whole;
      const value = values[name];
      const rest = after ?? '';
      if (!isLowerBound(value)) return formatValue(value, language) + rest;
      const unit = fact.unit;
      const unitWritten =
        unit !== undefined && (rest.trim() === unit || rest.trim() === formatUnit(unit, language));
      return unitWritten
        ? formatBound(value, unit, language)
        : formatBound(value, undefined, language) + rest;
    },
  );
}
