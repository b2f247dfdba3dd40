import type { Language, Texts } from './types';

/**
 * Picks the text in `language`, falling back to English, then Swedish, then Danish, so
 * that a pathway missing one translation still says something (lint reports the gap).
 */
export function pickText(texts: Texts | undefined, language: Language): string {
  if (texts === undefined) return '';
  return texts[language] ?? texts.en ?? texts.sv ?? texts.da ?? '';
}
