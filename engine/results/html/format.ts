/** Numbers and shares written the way each language writes them (decimal comma in sv and da). */
import type { Language } from '../../model/types';

const LOCALE: Record<Language, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

/** Formatters of one language. */
export interface Format {
  /** A whole count with thousands separators. */
  count: (n: number) => string;
  /** A share (0–1) as a percentage with one decimal. */
  share: (x: number) => string;
  /** A ratio with two decimals. */
  ratio: (x: number) => string;
}

/** The formatters of `lang`. */
export function formatFor(lang: Language): Format {
  const locale = LOCALE[lang];
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const ratio = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return {
    count: (n) => count.format(n),
    share: (x) => share.format(x),
    ratio: (x) => ratio.format(x),
  };
}
