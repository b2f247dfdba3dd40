/**
 * Every word of the cohort report and the worklists, per language (`--lang sv|da|en`). The
 * labels of steps, alerts, follow-ups, facts and indicators are not here: they come from the
 * pathway file. Numbers are written the language's way ({@link numberFormat}).
 */
import type { IndicatorDirection } from '../indicators/types';
import type { Language, Severity } from '../model/types';
import { NO_GROUP } from './process';
import type { WorklistReason } from './worklist';

/** The vocabulary of the cohort report and worklists in one language. */
export interface CohortWords {
  /** BCP 47 locale for numbers. */
  locale: string;
  reportTitle: string;
  summary: (heading: string, asOf: string, patients: string, lines: string, bad: string) => string;
  /** The name of a `--by` field in running text ("health centre"). */
  groupField: (field: string | null) => string;
  all: string;
  /** The group of patients without a value in the `--by` field. */
  noGroup: string;
  patientsPerStep: string;
  patientsPerStepCaption: string;
  stepsPer: (by: string) => string;
  stepsPerCaption: (by: string) => string;
  alertsPer1000: (severity: Severity, by: string) => string;
  alertsPer1000Caption: (severity: Severity) => string;
  alertsChart: string;
  overduePer1000: (by: string) => string;
  overdueCaption: string;
  overdueChart: string;
  needsInformationPer: (by: string) => string;
  needsInformationCaption: string;
  needsInformationChart: string;
  needsInformation: string;
  factsMostMissing: string;
  linesNotEvaluated: string;
  linesNotEvaluatedText: (total: string, shown: number) => string;
  line: string;
  problem: string;
  indicators: string;
  indicatorsCaption: string;
  indicator: string;
  direction: Record<IndicatorDirection, string>;
  target: string;
  worklistTitle: (group: string) => string;
  worklistIntro: (group: string, asOf: string) => string;
  worklistEmpty: string;
  patient: string;
  reason: string;
  missingFacts: string;
  noId: string;
  reasonText: (reason: WorklistReason, direction: IndicatorDirection) => string;
}

const SEVERITY: Record<Language, Record<Severity, string>> = {
  en: { critical: 'Critical alerts', warning: 'Alerts (warning)', info: 'Alerts (information)' },
  sv: { critical: 'Kritiska varningar', warning: 'Varningar', info: 'Varningar (information)' },
  da: { critical: 'Kritiske advarsler', warning: 'Advarsler', info: 'Advarsler (information)' },
};

const SEVERITY_NOUN: Record<Language, Record<Severity, string>> = {
  en: { critical: 'critical alerts', warning: 'warning alerts', info: 'information alerts' },
  sv: { critical: 'kritiska varningar', warning: 'varningar', info: 'informationsvarningar' },
  da: { critical: 'kritiske advarsler', warning: 'advarsler', info: 'informationsadvarsler' },
};

const FIELDS: Record<Language, Record<string, string>> = {
  en: { healthCentre: 'health centre', id: 'patient' },
  sv: { healthCentre: 'vårdcentral', id: 'patient' },
  da: { healthCentre: 'sundhedscenter', id: 'patient' },
};

const GROUP: Record<Language, string> = { en: 'group', sv: 'grupp', da: 'gruppe' };

const field =
  (language: Language) =>
  (name: string | null): string =>
    name === null ? GROUP[language] : (FIELDS[language][name] ?? name);

const en: CohortWords = {
  locale: 'en',
  reportTitle: 'Cohort report',
  summary: (heading, asOf, patients, lines, bad) =>
    `${heading}. Evaluated on ${asOf}: ${patients} patients from ${lines} lines, ${bad} not evaluated.`,
  groupField: field('en'),
  all: 'all',
  noGroup: '(none)',
  patientsPerStep: 'Patients per step',
  patientsPerStepCaption: 'Where the pathway places each patient on the evaluation date.',
  stepsPer: (by) => `Steps per ${by}`,
  stepsPerCaption: (by) =>
    `Share of each ${by}'s patients per step: the same pathway should place similar patients alike.`,
  alertsPer1000: (severity, by) => `${SEVERITY.en[severity]} per 1 000 patients per ${by}`,
  alertsPer1000Caption: (severity) =>
    `The pathway's ${SEVERITY_NOUN.en[severity]}, per 1 000 patients: the same pathway should raise them alike.`,
  alertsChart: 'Alerts per 1 000 patients',
  overduePer1000: (by) => `Outcome measures overdue per 1 000 patients per ${by}`,
  overdueCaption:
    'Follow-up measurements past their window (for results to be followed up, they must be measured).',
  overdueChart: 'Outcome measures overdue per 1 000 patients',
  needsInformationPer: (by) => `Placement needs information, per ${by}`,
  needsInformationCaption:
    'Share of patients whose next step cannot be decided from the data: a data-quality gap.',
  needsInformationChart: 'Needs information (%)',
  needsInformation: 'needs information',
  factsMostMissing: 'facts most often missing',
  linesNotEvaluated: 'Lines not evaluated',
  linesNotEvaluatedText: (total, shown) =>
    `${total} lines could not be evaluated; the first ${shown}:`,
  line: 'line',
  problem: 'problem',
  indicators: 'Indicators',
  indicatorsCaption:
    'Share of the patients an indicator applies to (its denominator) who are in its numerator, of those whose numerator is known, with the 95 % Wilson interval. Patients whose numerator is unknown (an incomplete or unknown value) are their own category, outside the share; so are patients of whom it is unknown whether the indicator applies.',
  indicator: 'indicator',
  direction: { 'higher-is-better': 'higher is better', 'lower-is-better': 'lower is better' },
  target: 'target',
  worklistTitle: (group) => `Worklist — ${group}`,
  worklistIntro: (group, asOf) =>
    `Patients of ${group} whom an indicator counts against, or whose place in it is unknown, on ${asOf}.`,
  worklistEmpty: 'No patient of this group is on a worklist.',
  patient: 'patient',
  reason: 'reason',
  missingFacts: 'missing facts',
  noId: 'no id',
  reasonText: (reason, direction) =>
    reason === 'numerator-unknown'
      ? 'belongs to the indicator, but whether it is met is unknown (incomplete / unknown)'
      : reason === 'denominator-unknown'
        ? 'unknown whether the indicator applies'
        : direction === 'higher-is-better'
          ? 'the indicator applies and is not met'
          : 'counted in the indicator (lower is better)',
};

const sv: CohortWords = {
  locale: 'sv-SE',
  reportTitle: 'Kohortrapport',
  summary: (heading, asOf, patients, lines, bad) =>
    `${heading}. Utvärderad ${asOf}: ${patients} patienter från ${lines} rader, ${bad} ej utvärderade.`,
  groupField: field('sv'),
  all: 'alla',
  noGroup: '(ingen)',
  patientsPerStep: 'Patienter per steg',
  patientsPerStepCaption: 'Var vårdförloppet placerar varje patient på utvärderingsdagen.',
  stepsPer: (by) => `Steg per ${by}`,
  stepsPerCaption: (by) =>
    `Andel av varje ${by}s patienter per steg: samma vårdförlopp bör placera likartade patienter lika.`,
  alertsPer1000: (severity, by) => `${SEVERITY.sv[severity]} per 1 000 patienter per ${by}`,
  alertsPer1000Caption: (severity) =>
    `Vårdförloppets ${SEVERITY_NOUN.sv[severity]} per 1 000 patienter: samma vårdförlopp bör ge dem lika ofta.`,
  alertsChart: 'Varningar per 1 000 patienter',
  overduePer1000: (by) => `Försenade utfallsmått per 1 000 patienter per ${by}`,
  overdueCaption:
    'Uppföljningsmätningar efter sitt tidsfönster (resultat kan bara följas upp om de mäts).',
  overdueChart: 'Försenade utfallsmått per 1 000 patienter',
  needsInformationPer: (by) => `Placering behöver information, per ${by}`,
  needsInformationCaption:
    'Andel patienter vars nästa steg inte kan avgöras av uppgifterna: en brist i datakvaliteten.',
  needsInformationChart: 'Behöver information (%)',
  needsInformation: 'behöver information',
  factsMostMissing: 'oftast saknade uppgifter',
  linesNotEvaluated: 'Rader som inte utvärderades',
  linesNotEvaluatedText: (total, shown) =>
    `${total} rader kunde inte utvärderas; de första ${shown}:`,
  line: 'rad',
  problem: 'problem',
  indicators: 'Indikatorer',
  indicatorsCaption:
    'Andel av patienterna som indikatorn gäller (dess nämnare) som ingår i dess täljare, bland dem vars täljare är känd, med 95 % Wilson-intervall. Patienter vars täljare är okänd (ett ofullständigt eller okänt värde) är en egen kategori utanför andelen, liksom patienter där det är okänt om indikatorn gäller.',
  indicator: 'indikator',
  direction: { 'higher-is-better': 'högre är bättre', 'lower-is-better': 'lägre är bättre' },
  target: 'mål',
  worklistTitle: (group) => `Arbetslista — ${group}`,
  worklistIntro: (group, asOf) =>
    `Patienter vid ${group} som en indikator räknar emot, eller vars plats i den är okänd, ${asOf}.`,
  worklistEmpty: 'Ingen patient i gruppen står på en arbetslista.',
  patient: 'patient',
  reason: 'orsak',
  missingFacts: 'saknade uppgifter',
  noId: 'inget id',
  reasonText: (reason, direction) =>
    reason === 'numerator-unknown'
      ? 'indikatorn gäller, men om den uppfylls är okänt (ofullständig / okänd)'
      : reason === 'denominator-unknown'
        ? 'okänt om indikatorn gäller'
        : direction === 'higher-is-better'
          ? 'indikatorn gäller och uppfylls inte'
          : 'räknas i indikatorn (lägre är bättre)',
};

const da: CohortWords = {
  locale: 'da-DK',
  reportTitle: 'Kohorterapport',
  summary: (heading, asOf, patients, lines, bad) =>
    `${heading}. Evalueret ${asOf}: ${patients} patienter fra ${lines} linjer, ${bad} ikke evalueret.`,
  groupField: field('da'),
  all: 'alle',
  noGroup: '(ingen)',
  patientsPerStep: 'Patienter pr. trin',
  patientsPerStepCaption: 'Hvor forløbet placerer hver patient på evalueringsdatoen.',
  stepsPer: (by) => `Trin pr. ${by}`,
  stepsPerCaption: (by) =>
    `Andel af hvert ${by}s patienter pr. trin: samme forløb bør placere ens patienter ens.`,
  alertsPer1000: (severity, by) => `${SEVERITY.da[severity]} pr. 1 000 patienter pr. ${by}`,
  alertsPer1000Caption: (severity) =>
    `Forløbets ${SEVERITY_NOUN.da[severity]} pr. 1 000 patienter: samme forløb bør give dem lige ofte.`,
  alertsChart: 'Advarsler pr. 1 000 patienter',
  overduePer1000: (by) => `Forsinkede resultatmål pr. 1 000 patienter pr. ${by}`,
  overdueCaption:
    'Opfølgende målinger efter deres tidsvindue (resultater kan kun følges op, hvis de måles).',
  overdueChart: 'Forsinkede resultatmål pr. 1 000 patienter',
  needsInformationPer: (by) => `Placering mangler oplysninger, pr. ${by}`,
  needsInformationCaption:
    'Andel patienter, hvis næste trin ikke kan afgøres ud fra data: en mangel i datakvaliteten.',
  needsInformationChart: 'Mangler oplysninger (%)',
  needsInformation: 'mangler oplysninger',
  factsMostMissing: 'oftest manglende oplysninger',
  linesNotEvaluated: 'Linjer, der ikke blev evalueret',
  linesNotEvaluatedText: (total, shown) =>
    `${total} linjer kunne ikke evalueres; de første ${shown}:`,
  line: 'linje',
  problem: 'problem',
  indicators: 'Indikatorer',
  indicatorsCaption:
    'Andel af de patienter, indikatoren gælder for (dens nævner), der indgår i dens tæller, blandt dem, hvis tæller er kendt, med 95 % Wilson-interval. Patienter, hvis tæller er ukendt (en ufuldstændig eller ukendt værdi), er en kategori for sig uden for andelen, ligesom patienter, hvor det er ukendt, om indikatoren gælder.',
  indicator: 'indikator',
  direction: { 'higher-is-better': 'højere er bedre', 'lower-is-better': 'lavere er bedre' },
  target: 'mål',
  worklistTitle: (group) => `Arbejdsliste — ${group}`,
  worklistIntro: (group, asOf) =>
    `Patienter ved ${group}, som en indikator tæller imod, eller hvis plads i den er ukendt, ${asOf}.`,
  worklistEmpty: 'Ingen patient i gruppen står på en arbejdsliste.',
  patient: 'patient',
  reason: 'årsag',
  missingFacts: 'manglende oplysninger',
  noId: 'intet id',
  reasonText: (reason, direction) =>
    reason === 'numerator-unknown'
      ? 'indikatoren gælder, men om den opfyldes er ukendt (ufuldstændig / ukendt)'
      : reason === 'denominator-unknown'
        ? 'ukendt, om indikatoren gælder'
        : direction === 'higher-is-better'
          ? 'indikatoren gælder og er ikke opfyldt'
          : 'tælles i indikatoren (lavere er bedre)',
};

/** A group's name as the report shows it: the no-value group in words, others as they are. */
export function groupLabel(name: string, words: CohortWords): string {
  return name === NO_GROUP ? words.noGroup : name;
}

/** The cohort report's words per language. */
export const COHORT_WORDS: Record<Language, CohortWords> = { en, sv, da };

/** Whole numbers the language's way (`1,234`, `1 234`, `1.234`). */
export function numberFormat(words: CohortWords): (n: number) => string {
  const whole = new Intl.NumberFormat(words.locale, { maximumFractionDigits: 0 });
  const one = new Intl.NumberFormat(words.locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return (n) => (Number.isInteger(n) ? whole.format(n) : one.format(n));
}
