/**
 * Field values as a reviewer reads them: texts in the reader's language, conditions in
 * words, ranges as `0–100`, derivations as a short rule. Used for both sides of a change.
 */
import { formatUnit, formatValue } from '../describe/format';
import { showRange } from '../lint/describe';
import { isRecord } from '../model/schema-walk';
import { pickText } from '../model/texts';
import type { Condition, Derivation, Fact, Language, Texts } from '../model/types';
import { CONDITION_FIELDS } from './fields';
import { describeCondition } from './condition-words';
import { DIFF_WORDS } from './words';

const QUOTES: Record<Language, [string, string]> = {
  en: ['“', '”'],
  sv: ['”', '”'],
  da: ['»', '«'],
};

/** True for a texts object (`{ sv?, da?, en? }`). */
export function isTexts(value: unknown): value is Texts {
  return (
    isRecord(value) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((k) => k === 'sv' || k === 'da' || k === 'en')
  );
}

/** A text in the reader's language, quoted. */
export function quoteText(texts: Texts, language: Language): string {
  const [open, close] = QUOTES[language];
  return `${open}${pickText(texts, language)}${close}`;
}

/** `medicationMatch of medications: ATC N02A, N03AX12`, `difference nrsPainBaseline − nrsPain` … */
export function describeDerivation(d: Derivation, language: Language): string {
  switch (d.kind) {
    case 'medicationMatch':
    case 'mme':
    case 'daysSinceEarliest':
    case 'daysSinceDoseIncrease': {
      const drugs =
        d.atc !== undefined
          ? `ATC ${[...d.atc.prefixes.map((p) => `${p}*`), ...d.atc.codes].join(', ')}`
          : `class ${d.class ?? '?'}`;
      const table = d.kind === 'mme' && d.table !== undefined ? `, ${d.table}` : '';
      const bound =
        d.kind === 'daysSinceEarliest' && d.whenIncomplete !== undefined
          ? `, ${d.whenIncomplete}`
          : '';
      return `${d.kind} ${d.from}: ${drugs}${table}${bound}`;
    }
    case 'difference':
      return `${d.minuend} − ${d.subtrahend}`;
    case 'percentOf':
      return `100 × ${d.part} / ${d.whole}`;
    case 'timeInStep':
      return `timeInStep (${formatUnit(d.unit, language)})`;
    case 'startStep':
      return 'startStep';
  }
}

function describeSource(source: NonNullable<Fact['source']>): string {
  const codes = source.fhir?.codes.map((c) => `${c.system}|${c.code}`).join(', ');
  // The red-flag rules (yaml keys, as written in the file) change answers: a reviewer must see them.
  const recent =
    source.fhir?.recentMonths === undefined ? '' : `; recentMonths ${source.fhir.recentMonths}`;
  const none = source.fhir?.noneFound;
  const noneFound =
    none === undefined ? '' : `; noneFound ${none.system}|${none.code} (${none.withinMonths})`;
  const fhir =
    source.fhir === undefined
      ? ''
      : ` (FHIR ${source.fhir.resource}${codes ? `: ${codes}` : ''}${recent}${noneFound})`;
  return `${source.kind}${fhir}`;
}

function describeDuration(value: Record<string, unknown>, language: Language): string {
  return Object.entries(value)
    .filter(([, n]) => n !== undefined)
    .map(([unit, n]) => `${formatValue(n, language)} ${formatUnit(unit, language)}`)
    .join(', ');
}

/** One value of a field, in words. `undefined` reads as "(none)". */
export function describeValue(field: string, value: unknown, language: Language): string {
  if (value === undefined) return DIFF_WORDS[language].none;
  if (CONDITION_FIELDS.has(field)) return describeCondition(value as Condition, language);
  if (isTexts(value)) return quoteText(value, language);
  if (field === 'range') return showRange(value as Fact['range']) ?? DIFF_WORDS[language].none;
  if (field === 'derived') return describeDerivation(value as Derivation, language);
  if (field === 'source') return describeSource(value as NonNullable<Fact['source']>);
  if (field === 'at' && isRecord(value)) return describeDuration(value, language);
  if (Array.isArray(value)) {
    if (value.length === 0) return DIFF_WORDS[language].none;
    return value.map((item) => describeItem(item, language)).join('; ');
  }
  if (typeof value === 'string') return value;
  return formatValue(value, language);
}

/** One item of a list: a text, a reference (`id`), or a plain value. */
export function describeItem(item: unknown, language: Language): string {
  if (isTexts(item)) return quoteText(item, language);
  if (isRecord(item) && typeof item['id'] === 'string') return item['id'];
  if (typeof item === 'string') return item;
  return formatValue(item, language);
}
