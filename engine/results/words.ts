/**
 * Every word of the results report's HTML, per language. Indicator titles and descriptions are
 * not here: they come from the pathway file through the runs.
 */
import type { Language } from '../model/types';
import type { FunnelPosition } from './stats/funnel';

/** The report's vocabulary. */
export interface ResultsWords {
  pageTitle: (pathway: string) => string;
  intro: (runs: number, first: string, last: string) => string;
  method: (minCell: number) => string;
  noRuns: string;
  region: string;
  /** The name of the groups when they are health centres. */
  healthCentre: string;
  group: string;
  asOf: string;
  version: string;
  target: string;
  higherIsBetter: string;
  lowerIsBetter: string;
  sources: string;
  overTime: (label: string) => string;
  overTimeDesc: (groups: string) => string;
  funnelTitle: (label: string, asOf: string) => string;
  funnelDesc: string;
  funnelAxis: string;
  shareAxis: string;
  regionBand: string;
  limits95: string;
  limits998: string;
  regionalRate: string;
  versionBreak: (from: string, to: string) => string;
  whatChanged: string;
  versionChanges: string;
  chartData: string;
  tableCaption: (label: string, asOf: string) => string;
  numerator: string;
  denominator: string;
  decided: string;
  rate: string;
  interval: string;
  numeratorUnknown: string;
  denominatorUnknown: string;
  funnel: string;
  standardisedRatio: string;
  standardisedRate: string;
  excludedUnknown: string;
  suppressed: string;
  suppressedTitle: (minCell: number) => string;
  notAvailable: string;
  positions: Record<FunnelPosition, string>;
}

export const RESULTS_WORDS: Record<Language, ResultsWords> = {
  en: {
    pageTitle: (p) => `Results over time — ${p}`,
    intro: (n, a, b) => `${n} runs from ${a} to ${b}.`,
    method: (m) =>
      `Shares are of the patients whose numerator is known; patients whose numerator or whose place in the denominator is unknown are counted in their own columns. Intervals are Wilson 95 % intervals. The funnel limits are exact binomial 95 % and 99.8 % limits around the regional share. Counts of 1 to ${m - 1} patients are suppressed, with whatever would give them away.`,
    noRuns: 'No runs stored yet.',
    region: 'Region',
    healthCentre: 'Health centre',
    group: 'Group',
    asOf: 'As of',
    version: 'Version',
    target: 'Target',
    higherIsBetter: 'Higher is better.',
    lowerIsBetter: 'Lower is better.',
    sources: 'Sources',
    overTime: (l) => `${l} over time`,
    overTimeDesc: (g) =>
      `Share per run for ${g} and the region; the shaded band is the region's 95 % interval, the dashed horizontal line the target, and dashed vertical lines mark a new pathway version.`,
    funnelTitle: (l, d) => `${l}: funnel plot, ${d}`,
    funnelDesc:
      'Each point is a group: its share against its number of patients with a known numerator. The lines are the 95 % and 99.8 % control limits around the regional share.',
    funnelAxis: 'Patients with a known numerator',
    shareAxis: 'Share',
    regionBand: 'Region, 95 % interval',
    limits95: '95 % limits',
    limits998: '99.8 % limits',
    regionalRate: 'Regional share',
    versionBreak: (f, t) => `${f} → ${t}`,
    whatChanged: 'what changed',
    versionChanges: 'Version changes',
    chartData: 'Chart data',
    tableCaption: (l, d) => `${l}, ${d}`,
    numerator: 'Numerator',
    denominator: 'Denominator',
    decided: 'Known',
    rate: 'Share',
    interval: '95 % interval',
    numeratorUnknown: 'Numerator unknown',
    denominatorUnknown: 'Unknown whether in denominator',
    funnel: 'Funnel',
    standardisedRatio: 'Standardised ratio (O/E)',
    standardisedRate: 'Standardised share',
    excludedUnknown: 'Case mix unknown',
    suppressed: 'suppressed',
    suppressedTitle: (m) => `Fewer than ${m} patients, or would give such a count away`,
    notAvailable: '–',
    positions: {
      inside: 'inside',
      'above-95': 'above 95 %',
      'above-99.8': 'above 99.8 %',
      'below-95': 'below 95 %',
      'below-99.8': 'below 99.8 %',
    },
  },
  sv: {
    pageTitle: (p) => `Resultat över tid — ${p}`,
    intro: (n, a, b) => `${n} körningar från ${a} till ${b}.`,
    method: (m) =>
      `Andelarna gäller patienter vars täljare är känd; patienter med okänd täljare eller okänd tillhörighet till nämnaren räknas i egna kolumner. Intervallen är Wilsons 95 %-intervall. Trattens gränser är exakta binomiala 95 %- och 99,8 %-gränser kring regionens andel. Antal på 1 till ${m - 1} patienter döljs, liksom allt som skulle avslöja dem.`,
    noRuns: 'Inga körningar sparade ännu.',
    region: 'Regionen',
    healthCentre: 'Vårdcentral',
    group: 'Grupp',
    asOf: 'Datum',
    version: 'Version',
    target: 'Målvärde',
    higherIsBetter: 'Högre är bättre.',
    lowerIsBetter: 'Lägre är bättre.',
    sources: 'Källor',
    overTime: (l) => `${l} över tid`,
    overTimeDesc: (g) =>
      `Andel per körning för ${g} och regionen; det skuggade bandet är regionens 95 %-intervall, den streckade vågräta linjen målvärdet och streckade lodräta linjer markerar en ny version av vårdprogrammet.`,
    funnelTitle: (l, d) => `${l}: trattdiagram, ${d}`,
    funnelDesc:
      'Varje punkt är en grupp: dess andel mot antalet patienter med känd täljare. Linjerna är 95 %- och 99,8 %-kontrollgränserna kring regionens andel.',
    funnelAxis: 'Patienter med känd täljare',
    shareAxis: 'Andel',
    regionBand: 'Regionen, 95 %-intervall',
    limits95: '95 %-gränser',
    limits998: '99,8 %-gränser',
    regionalRate: 'Regionens andel',
    versionBreak: (f, t) => `${f} → ${t}`,
    whatChanged: 'vad ändrades',
    versionChanges: 'Versionsbyten',
    chartData: 'Diagrammets data',
    tableCaption: (l, d) => `${l}, ${d}`,
    numerator: 'Täljare',
    denominator: 'Nämnare',
    decided: 'Kända',
    rate: 'Andel',
    interval: '95 %-intervall',
    numeratorUnknown: 'Okänd täljare',
    denominatorUnknown: 'Okänt om i nämnaren',
    funnel: 'Tratt',
    standardisedRatio: 'Standardiserad kvot (O/E)',
    standardisedRate: 'Standardiserad andel',
    excludedUnknown: 'Okänd justeringsgrupp',
    suppressed: 'dolt',
    suppressedTitle: (m) => `Färre än ${m} patienter, eller skulle avslöja ett sådant antal`,
    notAvailable: '–',
    positions: {
      inside: 'inom',
      'above-95': 'över 95 %',
      'above-99.8': 'över 99,8 %',
      'below-95': 'under 95 %',
      'below-99.8': 'under 99,8 %',
    },
  },
  da: {
    pageTitle: (p) => `Resultater over tid — ${p}`,
    intro: (n, a, b) => `${n} kørsler fra ${a} til ${b}.`,
    method: (m) =>
      `Andelene gælder patienter, hvis tæller er kendt; patienter med ukendt tæller eller ukendt tilhørsforhold til nævneren tælles i egne kolonner. Intervallerne er Wilsons 95 %-intervaller. Tragtens grænser er eksakte binomiale 95 %- og 99,8 %-grænser omkring regionens andel. Antal på 1 til ${m - 1} patienter skjules, sammen med alt, der ville afsløre dem.`,
    noRuns: 'Ingen kørsler gemt endnu.',
    region: 'Regionen',
    healthCentre: 'Lægehus',
    group: 'Gruppe',
    asOf: 'Dato',
    version: 'Version',
    target: 'Målværdi',
    higherIsBetter: 'Højere er bedre.',
    lowerIsBetter: 'Lavere er bedre.',
    sources: 'Kilder',
    overTime: (l) => `${l} over tid`,
    overTimeDesc: (g) =>
      `Andel pr. kørsel for ${g} og regionen; det skraverede bånd er regionens 95 %-interval, den stiplede vandrette linje målværdien, og stiplede lodrette linjer markerer en ny version af forløbsprogrammet.`,
    funnelTitle: (l, d) => `${l}: tragtdiagram, ${d}`,
    funnelDesc:
      'Hvert punkt er en gruppe: dens andel mod antallet af patienter med kendt tæller. Linjerne er 95 %- og 99,8 %-kontrolgrænserne omkring regionens andel.',
    funnelAxis: 'Patienter med kendt tæller',
    shareAxis: 'Andel',
    regionBand: 'Regionen, 95 %-interval',
    limits95: '95 %-grænser',
    limits998: '99,8 %-grænser',
    regionalRate: 'Regionens andel',
    versionBreak: (f, t) => `${f} → ${t}`,
    whatChanged: 'hvad er ændret',
    versionChanges: 'Versionsskift',
    chartData: 'Diagrammets data',
    tableCaption: (l, d) => `${l}, ${d}`,
    numerator: 'Tæller',
    denominator: 'Nævner',
    decided: 'Kendte',
    rate: 'Andel',
    interval: '95 %-interval',
    numeratorUnknown: 'Ukendt tæller',
    denominatorUnknown: 'Ukendt om i nævneren',
    funnel: 'Tragt',
    standardisedRatio: 'Standardiseret ratio (O/E)',
    standardisedRate: 'Standardiseret andel',
    excludedUnknown: 'Ukendt justeringsgruppe',
    suppressed: 'skjult',
    suppressedTitle: (m) => `Færre end ${m} patienter, eller ville afsløre et sådant antal`,
    notAvailable: '–',
    positions: {
      inside: 'inden for',
      'above-95': 'over 95 %',
      'above-99.8': 'over 99,8 %',
      'below-95': 'under 95 %',
      'below-99.8': 'under 99,8 %',
    },
  },
};
