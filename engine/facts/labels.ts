/** How errors and notes name a fact: its label in the reader's language, then its exact name. */
import type { Fact, Language } from '../model/types';

/**
 * `ÖMPSQ short form (ompsqShort)`; just the name when the label is the name. A label missing
 * in `language` falls back to English, then Swedish, then Danish (Swedish before English for a
 * Swedish reader).
 */
export function describeFact(fact: Fact, language: Language): string {
  const { sv, en, da } = fact.label;
  const label =
    (language === 'sv' ? (sv ?? en) : language === 'da' ? (da ?? en ?? sv) : (en ?? sv)) ??
    da ??
    fact.name;
  return label === fact.name ? fact.name : `${label} (${fact.name})`;
}

/** A value as it appears in a message: JSON where possible, short, never throwing. */
export function showValue(value: unknown): string {
  // JSON has no Infinity, but `1e999` parses as one and would print as null.
  if (typeof value === 'number' && !Number.isFinite(value))
    return `${String(value)} (not a finite number)`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
