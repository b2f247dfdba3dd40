/** Picks a text in a language, falling back to another language the file has. */
import type { Language, Texts } from '../model/types';

const FALLBACK: readonly Language[] = ['en', 'sv', 'da'];

/** The text in `lang`, else in English, Swedish or Danish (a pathway text has at least one). */
export function textIn(texts: Texts, lang: Language): string {
  for (const l of [lang, ...FALLBACK]) {
    const t = texts[l];
    if (t !== undefined) return t;
  }
  return '';
}
