/** The fixed wording of CDS cards in Swedish, Danish and English, and picking the language. */
import { LANGUAGES } from '../model/schema';
import type { Language, Severity } from '../model/types';

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
  /** Heading of the step card's list of alerts that could not be decided. */
  undecidedAlerts: string;
  /** One undecided alert: its title, id and severity, before the reasons. */
  couldNotCheck(title: string, id: string, severity: Severity): string;
  /** A fact an undecided alert needs that the record did not give. */
  factNotFound(fact: string): string;
  /** A fact an undecided alert needs that this pathway version does not read from FHIR. */
  factNotMappable(fact: string, reason: string): string;
  /** A fact an undecided alert needs whose prefetch keys (already quoted, comma-separated) were not sent. */
  factNotSent(fact: string, keys: string): string;
  /** An undecided alert for which neither the engine nor the record reading said why. */
  noReason: string;
  /** The last line of a list cut short: how many items were left out. */
  andMore(count: number): string;
  /** Said after a card detail cut at its length limit. */
  detailCut: string;
}

/** Alert severities in words. */
const SEVERITY: Record<Language, Record<Severity, string>> = {
  en: { critical: 'critical', warning: 'warning', info: 'information' },
  sv: { critical: 'kritisk', warning: 'varning', info: 'information' },
  da: { critical: 'kritisk', warning: 'advarsel', info: 'information' },
};

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
    undecidedAlerts: 'Alerts that could not be decided',
    couldNotCheck: (title, id, severity) =>
      `**${title}** (\`${id}\`, ${SEVERITY.en[severity]}) could not be checked:`,
    factNotFound: (fact) => `${fact}: not found in the record`,
    factNotMappable: (fact, reason) =>
      `${fact}: not read from FHIR by this pathway version (${reason})`,
    factNotSent: (fact, keys) => `${fact}: the record system did not send ${keys} (prefetch)`,
    noReason: 'the data given does not decide it',
    andMore: (n) => `… and ${n} more`,
    detailCut: '… (cut: the full list is in the evaluation result)',
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
    undecidedAlerts: 'Varningar som inte kunde avgöras',
    couldNotCheck: (title, id, severity) =>
      `**${title}** (\`${id}\`, ${SEVERITY.sv[severity]}) kunde inte kontrolleras:`,
    factNotFound: (fact) => `${fact}: saknas i journalen`,
    factNotMappable: (fact, reason) =>
      `${fact}: läses inte från FHIR i denna version av vårdprogrammet (${reason})`,
    factNotSent: (fact, keys) => `${fact}: journalsystemet skickade inte ${keys} (prefetch)`,
    noReason: 'uppgifterna avgör den inte',
    andMore: (n) => `… och ${n} till`,
    detailCut: '… (avkortat: hela listan finns i utvärderingsresultatet)',
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
    undecidedAlerts: 'Advarsler der ikke kunne afgøres',
    couldNotCheck: (title, id, severity) =>
      `**${title}** (\`${id}\`, ${SEVERITY.da[severity]}) kunne ikke kontrolleres:`,
    factNotFound: (fact) => `${fact}: mangler i journalen`,
    factNotMappable: (fact, reason) =>
      `${fact}: læses ikke fra FHIR i denne version af forløbet (${reason})`,
    factNotSent: (fact, keys) => `${fact}: journalsystemet sendte ikke ${keys} (prefetch)`,
    noReason: 'oplysningerne afgør den ikke',
    andMore: (n) => `… og ${n} mere`,
    detailCut: '… (afkortet: hele listen findes i evalueringsresultatet)',
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

/**
 * White space {@link clip} would rewrite: any but single spaces between words. Text without
 * it (every card summary written from the texts above) is left as it is, unscanned by the
 * replacement, which costs four times the test.
 */
const UNEVEN_SPACE = /[^\S ]| {2}|^ | $/;

/** Shortens `text` to at most `max` characters, ending with … when cut. */
export function clip(text: string, max = 139): string {
  const flat = UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
