/** The fixed wording of CDS cards in Swedish, Danish and English, and picking the language. */
import { LANGUAGES } from '../model/schema';
import type { Language } from '../model/types';

/** Request extension naming the reader's language (`sv`, `da`, `en`); wins over Accept-Language. */
export const LANGUAGE_EXTENSION = 'example.vardprogram.language';

/** Card texts in one language. */
export interface CardTexts {
  stepSummary(step: string): string;
  stepSummaryNeedsInfo(step: string): string;
  actions: string;
  neededNext: string;
  notes: string;
  followUps: string;
  missingSummary(count: number, labels: string): string;
  unusableSummary: string;
  notInRecord: string;
  notUsable: string;
  notSent: string;
  notMappable: string;
  dataCaveats: string;
}

const TEXTS: Record<Language, CardTexts> = {
  en: {
    stepSummary: (step) => `Care pathway step: ${step}`,
    stepSummaryNeedsInfo: (step) => `Care pathway step: ${step} (more information needed)`,
    actions: 'Actions',
    neededNext: 'Needed to decide the next step',
    notes: 'Notes',
    followUps: 'Outcome measures',
    missingSummary: (n, labels) =>
      `${n} fact${n === 1 ? '' : 's'} not found in the record: ${labels}`,
    unusableSummary: 'Some record entries could not be used',
    notInRecord: 'Not found in the record',
    notUsable: 'Could not be used',
    notSent: 'Not sent by the record system (prefetch)',
    notMappable: 'Not read from FHIR by this pathway version',
    dataCaveats: 'About the data used',
  },
  sv: {
    stepSummary: (step) => `Vårdprogrammets steg: ${step}`,
    stepSummaryNeedsInfo: (step) => `Vårdprogrammets steg: ${step} (mer information behövs)`,
    actions: 'Åtgärder',
    neededNext: 'Behövs för att avgöra nästa steg',
    notes: 'Observera',
    followUps: 'Utfallsmått',
    missingSummary: (n, labels) =>
      `${n} ${n === 1 ? 'uppgift' : 'uppgifter'} saknas i journalen: ${labels}`,
    unusableSummary: 'Vissa journaluppgifter kunde inte användas',
    notInRecord: 'Saknas i journalen',
    notUsable: 'Kunde inte användas',
    notSent: 'Skickades inte av journalsystemet (prefetch)',
    notMappable: 'Läses inte från FHIR i denna version av vårdprogrammet',
    dataCaveats: 'Om uppgifterna som användes',
  },
  da: {
    stepSummary: (step) => `Forløbets trin: ${step}`,
    stepSummaryNeedsInfo: (step) => `Forløbets trin: ${step} (flere oplysninger mangler)`,
    actions: 'Handlinger',
    neededNext: 'Nødvendigt for at afgøre næste trin',
    notes: 'Bemærk',
    followUps: 'Effektmål',
    missingSummary: (n, labels) =>
      `${n} ${n === 1 ? 'oplysning' : 'oplysninger'} mangler i journalen: ${labels}`,
    unusableSummary: 'Nogle journaloplysninger kunne ikke bruges',
    notInRecord: 'Mangler i journalen',
    notUsable: 'Kunne ikke bruges',
    notSent: 'Blev ikke sendt af journalsystemet (prefetch)',
    notMappable: 'Læses ikke fra FHIR i denne version af forløbet',
    dataCaveats: 'Om de anvendte oplysninger',
  },
};

/** The card texts of `language`. */
export function cardTexts(language: Language): CardTexts {
  return TEXTS[language];
}

function supported(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split('-')[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : undefined;
}

/**
 * The reader's language: the request extension `example.vardprogram.language`, else the
 * best supported entry of `Accept-Language` (by q-value, then order), else English.
 */
export function requestLanguage(acceptLanguage: string | undefined, extension: unknown): Language {
  if (typeof extension === 'object' && extension !== null) {
    const value = (extension as Record<string, unknown>)[LANGUAGE_EXTENSION];
    if (typeof value === 'string') {
      const chosen = supported(value);
      if (chosen !== undefined) return chosen;
    }
  }
  if (acceptLanguage === undefined) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
      return { language: supported(tag), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((r) => r.language !== undefined && r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0]?.language ?? 'en';
}

/** Shortens `text` to at most `max` characters, ending with … when cut. */
export function clip(text: string, max = 139): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
