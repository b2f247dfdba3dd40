/**
 * The words of the results view (follow-up of results over time), in Swedish, Danish and
 * English. Indicator titles come from the runs (the pathway file); these are the headings,
 * legends and messages around them.
 */

/** Languages the results view is written in. */
export type ResultsLanguage = 'sv' | 'da' | 'en';

/** Every string of the results view. */
export interface ResultsStrings {
  results: string;
  heading: (pathwayId: string) => string;
  backToEditor: string;
  loading: string;
  noStore: string;
  noRuns: string;
  failed: (message: string) => string;
  region: string;
  centre: string;
  target: string;
  suppressed: string;
  unknown: string;
  whatChanged: string;
  versionBreak: (from: string, to: string) => string;
  chartTitle: (label: string) => string;
  chartDescription: (centres: number, runs: number) => string;
  minCell: (n: number) => string;
  runs: (n: number, from: string, to: string) => string;
  rateCell: (percent: string, numerator: number, denominator: number) => string;
}

const percent = (n: number, lang: ResultsLanguage): string =>
  n.toLocaleString(lang === 'en' ? 'en' : lang, { maximumFractionDigits: 0 });

/** The results view's words per language. */
export const RESULTS_STRINGS: Record<ResultsLanguage, ResultsStrings> = {
  sv: {
    results: 'Resultat',
    heading: (id) => `Resultat över tid: ${id}`,
    backToEditor: 'Till redigeraren',
    loading: 'Hämtar resultat …',
    noStore: 'Tjänsten har ingen resultatdatabas (RESULTS_DATABASE).',
    noRuns: 'Inga sparade körningar för vårdprogrammet.',
    failed: (m) => `Resultaten kunde inte hämtas: ${m}`,
    region: 'Regionen',
    centre: 'Vårdcentral',
    target: 'Mål',
    suppressed: 'dolt',
    unknown: 'okänt',
    whatChanged: 'vad ändrades',
    versionBreak: (from, to) => `${from} → ${to}`,
    chartTitle: (label) => `${label} över tid per vårdcentral`,
    chartDescription: (c, r) =>
      `Andel per körning för ${c} vårdcentraler och regionen, ${r} körningar.`,
    minCell: (n) => `Antal under ${n} visas inte.`,
    runs: (n, from, to) => `${n} körningar, ${from} – ${to}`,
    rateCell: (p, num, den) => `${p} % (${num} av ${den})`,
  },
  da: {
    results: 'Resultater',
    heading: (id) => `Resultater over tid: ${id}`,
    backToEditor: 'Til editoren',
    loading: 'Henter resultater …',
    noStore: 'Tjenesten har ingen resultatdatabase (RESULTS_DATABASE).',
    noRuns: 'Ingen gemte kørsler for forløbsprogrammet.',
    failed: (m) => `Resultaterne kunne ikke hentes: ${m}`,
    region: 'Regionen',
    centre: 'Lægehus',
    target: 'Mål',
    suppressed: 'skjult',
    unknown: 'ukendt',
    whatChanged: 'hvad blev ændret',
    versionBreak: (from, to) => `${from} → ${to}`,
    chartTitle: (label) => `${label} over tid pr. lægehus`,
    chartDescription: (c, r) => `Andel pr. kørsel for ${c} lægehuse og regionen, ${r} kørsler.`,
    minCell: (n) => `Antal under ${n} vises ikke.`,
    runs: (n, from, to) => `${n} kørsler, ${from} – ${to}`,
    rateCell: (p, num, den) => `${p} % (${num} af ${den})`,
  },
  en: {
    results: 'Results',
    heading: (id) => `Results over time: ${id}`,
    backToEditor: 'Back to the editor',
    loading: 'Loading results …',
    noStore: 'The service has no results store (RESULTS_DATABASE).',
    noRuns: 'No stored runs of this pathway.',
    failed: (m) => `The results could not be loaded: ${m}`,
    region: 'Region',
    centre: 'Health centre',
    target: 'Target',
    suppressed: 'suppressed',
    unknown: 'unknown',
    whatChanged: 'what changed',
    versionBreak: (from, to) => `${from} → ${to}`,
    chartTitle: (label) => `${label} over time per health centre`,
    chartDescription: (c, r) => `Share per run for ${c} health centres and the region, ${r} runs.`,
    minCell: (n) => `Counts under ${n} are not shown.`,
    runs: (n, from, to) => `${n} runs, ${from} – ${to}`,
    rateCell: (p, num, den) => `${p} % (${num} of ${den})`,
  },
};

/** The words for a language the editor may be in (Swedish for any it has no words for). */
export function resultsStrings(language: string): ResultsStrings {
  return language === 'da' || language === 'en' ? RESULTS_STRINGS[language] : RESULTS_STRINGS.sv;
}

/** A share 0–1 as a whole percentage in the language's number format. */
export function formatPercent(share: number, language: ResultsLanguage): string {
  return percent(share * 100, language);
}
