/** How errors and notes name a fact: its label in the reader's language, then its exact name. */
import type { Fact } from '../model/types';

/** `ÖMPSQ short form (ompsqShort)`; just the name when the label is the name. */
export function describeFact(fact: Fact, language: 'sv' | 'en'): string {
  const other = language === 'sv' ? fact.label.en : fact.label.sv;
  const label = fact.label[language] ?? other ?? fact.label.da ?? fact.name;
  return label === fact.name ? fact.name : `${label} (${fact.name})`;
}

/** A value as it appears in a message: JSON where possible, short, never throwing. */
export function showValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
