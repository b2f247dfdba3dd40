/**
 * Cards for one evaluation: the pathway step (with the explanation and every alert that
 * could not be decided, with why), one per fired alert (indicator = severity) and, when the
 * record did not give everything, one naming the facts not found, the resources that could
 * not be used and the prefetch not sent.
 */
import type { EvaluationResult } from '../evaluate/result';
import type { FhirMappingResult } from '../fhir';
import type { Language, Pathway } from '../model/types';
import { pickText } from '../model/texts';
import { factOf } from '../describe/format';
import type { UnpackedPrefetch } from './prefetch';
import type { CdsCard } from './schema';
import type { IssuedCard } from '../audit/types';
import { cardTexts, clip } from './texts';
import { boundedDetail, boundedList, groupedByMessage } from './bounds';
import { undecidedReports, type UndecidedReport } from './undecided';

/**
 * Card extension on the step card listing the alerts that could not be decided, for an EHR
 * that shows them itself: `[{ id, severity, title, missingFacts, reasons }]`.
 */
export const UNDECIDED_EXTENSION = 'example.vardprogram.undecidedAlerts';

/** Topic codes of the cards, in the project's local code system. */
export const CARD_TOPIC_SYSTEM = 'https://vardprogram.example/fhir/CodeSystem/cds-card-topic';

export interface CardInput {
  pathway: Pathway;
  result: EvaluationResult;
  mapping: FhirMappingResult;
  prefetch: UnpackedPrefetch;
  language: Language;
  /** Makes a card id (a UUID). */
  uuid: () => string;
}

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

/** A Markdown list of the distinct items, cut short with "… and N more" (see bounds.ts). */
function list(items: readonly string[], language: Language): string {
  return boundedList(items, cardTexts(language).andMore)
    .map((item) => `- ${item}`)
    .join('\n');
}

function section(title: string, body: string): string {
  return `**${title}**\n\n${body}`;
}

function label(pathway: Pathway, name: string, language: Language): string {
  const fact = factOf(pathway, name);
  return fact === undefined ? name : pickText(fact.label, language);
}

function source(input: CardInput, code: string, display: string): CdsCard['source'] {
  const title = pickText(input.pathway.title, input.language);
  return {
    label: `${title} ${input.pathway.version}`,
    topic: { system: CARD_TOPIC_SYSTEM, code, display },
  };
}

/** The step card's section on undecided alerts: each by title and id, its reasons beneath. */
function undecidedSection(reports: readonly UndecidedReport[], language: Language): string {
  const t = cardTexts(language);
  // As many as the pathway declares alerts; each one's reasons are bounded (undecided.ts).
  const items = reports.map(
    (r) =>
      `- ${t.couldNotCheck(r.title, r.id, r.severity)}\n${r.reasons.map((why) => `  - ${why}`).join('\n')}`,
  );
  return section(t.undecidedAlerts, items.join('\n'));
}

function stepCard(input: CardInput): CdsCard {
  const { result, language, pathway } = input;
  const t = cardTexts(language);
  const needsInfo = result.status === 'needs-information';
  // The explanation is one statement per line; Markdown needs blank lines to keep them apart.
  const parts = [
    result.explanation
      .split('\n')
      .filter((line) => line.trim() !== '')
      .join('\n\n'),
  ];
  if (result.actions.length > 0) parts.push(section(t.actions, list(result.actions, language)));
  if (result.missingFacts.length > 0) {
    const labels = result.missingFacts.map((f) => `${label(pathway, f, language)} (\`${f}\`)`);
    parts.push(section(t.neededNext, list(labels, language)));
  }
  if (result.followUps.length > 0) {
    parts.push(
      section(
        t.followUps,
        list(
          result.followUps.map(
            (f) => `${f.title}: ${f.status}${f.dueDate === undefined ? '' : ` (${f.dueDate})`}`,
          ),
          language,
        ),
      ),
    );
  }
  if (result.notes.length > 0) parts.push(section(t.notes, list(result.notes, language)));
  const undecided = undecidedReports(input);
  if (undecided.length > 0) parts.push(undecidedSection(undecided, language));
  const summary = needsInfo
    ? t.stepSummaryNeedsInfo(result.step.title)
    : t.stepSummary(result.step.title);
  return {
    uuid: input.uuid(),
    summary: clip(summary),
    detail: boundedDetail(parts.join('\n\n'), t.detailCut),
    indicator: 'info',
    source: source(input, 'pathway-step', 'Care pathway step'),
    ...(undecided.length === 0 ? {} : { extension: { [UNDECIDED_EXTENSION]: undecided } }),
  };
}

/** One card per fired alert, critical first, each with the alert id it is about. */
function alertCards(input: CardInput): TopicCard[] {
  const { result, pathway, language } = input;
  return [...result.alerts]
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
    .map((alert) => {
      const declared = pathway.alerts.find((a) => a.id === alert.id);
      const title = declared?.title === undefined ? undefined : pickText(declared.title, language);
      const summary = clip(alert.message);
      const detail =
        summary === alert.message
          ? alert.message
          : `${title === undefined ? '' : `**${title}**\n\n`}${alert.message}`;
      const card: CdsCard = {
        uuid: input.uuid(),
        summary,
        detail: `${boundedDetail(detail, cardTexts(language).detailCut)}\n\n(\`${alert.id}\`)`,
        indicator: alert.severity,
        source: source(input, 'alert', 'Pathway alert'),
      };
      return { card, topic: 'alert', subject: alert.id };
    });
}

function dataCard(input: CardInput): CdsCard | undefined {
  const { mapping, prefetch, pathway, language } = input;
  const t = cardTexts(language);
  const unmapped = new Set(mapping.unmapped.map((u) => u.fact));
  const notFound = mapping.missing.filter((f) => !unmapped.has(f));
  const problems = [
    ...prefetch.problems.map((p) => `prefetch \`${p.key}\`: ${p.message}`),
    // The same problem on many resources is one line (bounds.ts).
    ...groupedByMessage(mapping.problems, t.andMore),
  ];
  if (
    mapping.missing.length === 0 &&
    problems.length === 0 &&
    prefetch.notProvided.length === 0 &&
    mapping.notes.length === 0
  ) {
    return undefined;
  }
  const parts: string[] = [];
  const labelled = (names: readonly string[]): string[] =>
    names.map((f) => `${label(pathway, f, language)} (\`${f}\`)`);
  if (notFound.length > 0) parts.push(section(t.notInRecord, list(labelled(notFound), language)));
  if (mapping.unmapped.length > 0) {
    parts.push(
      section(
        t.notMappable,
        list(
          mapping.unmapped.map(
            (u) => `${label(pathway, u.fact, language)} (\`${u.fact}\`): ${u.reason}`,
          ),
          language,
        ),
      ),
    );
  }
  if (prefetch.notProvided.length > 0) {
    parts.push(
      section(
        t.notSent,
        list(
          prefetch.notProvided.map((k) => `\`${k}\``),
          language,
        ),
      ),
    );
  }
  if (problems.length > 0) parts.push(section(t.notUsable, list(problems, language)));
  if (mapping.notes.length > 0) {
    parts.push(section(t.dataCaveats, list(groupedByMessage(mapping.notes, t.andMore), language)));
  }
  const labels = notFound.length > 0 ? notFound : mapping.missing;
  const summary =
    labels.length > 0
      ? t.missingSummary(labels.length, labels.map((f) => label(pathway, f, language)).join(', '))
      : problems.length > 0 || prefetch.notProvided.length > 0
        ? t.unusableSummary
        : t.dataCaveats;
  const warn = problems.length > 0 || prefetch.notProvided.length > 0;
  return {
    uuid: input.uuid(),
    summary: clip(summary),
    detail: boundedDetail(parts.join('\n\n'), t.detailCut),
    indicator: warn ? 'warning' : 'info',
    source: source(input, 'missing-data', 'Data the record did not give'),
  };
}

/** A card with what it is about, as remembered for feedback. */
export interface TopicCard {
  card: CdsCard;
  topic: IssuedCard['topic'];
  /** The step id (step card) or alert id (alert card); null for the data card. */
  subject: string | null;
}

/** All cards of one evaluation, in order: step, alerts (critical first), data. */
export function buildCards(input: CardInput): TopicCard[] {
  const data = dataCard(input);
  return [
    { card: stepCard(input), topic: 'step', subject: input.result.step.id },
    ...alertCards(input),
    ...(data === undefined ? [] : [{ card: data, topic: 'missing-data' as const, subject: null }]),
  ];
}
