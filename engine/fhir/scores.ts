/**
 * Scores and measurements: the matching Observation or QuestionnaireResponse answer that is
 * the latest (or, for a baseline, closest to the current step's entry date). Values that
 * are not numbers, undated results and results dated after the evaluation date are
 * reported and skipped; two different values at the same instant are not guessed between.
 */
import { daysBetween } from '../model/dates';
import { carriesCode, isObject, misplacedCode, readDate, type DeclaredCode } from './codes';
import type { FactMapping } from './kinds';
import type { Report } from './report';
import type { Entry, ResourceIndex } from './resources';

/** One candidate value with its date. */
interface Reading {
  readonly value: number;
  readonly date: string;
  readonly instant: number;
  readonly label: string;
}

/** A found value and the resource it came from. */
export interface Found<T> {
  readonly value: T;
  readonly from: string;
}

function numberOf(source: Record<string, unknown>, keys: readonly string[]): number | string {
  for (const key of keys) {
    const raw = source[key];
    if (raw === undefined) continue;
    if (key === 'valueQuantity') {
      if (isObject(raw) && typeof raw['value'] === 'number' && Number.isFinite(raw['value'])) {
        return raw['value'];
      }
      return 'valueQuantity without a numeric value';
    }
    if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
    return `${key} is not a number (${JSON.stringify(raw)})`;
  }
  const other = Object.keys(source).find((k) => k.startsWith('value'));
  return other === undefined ? 'no value' : `${other} is not a numeric value`;
}

/** The day a reading counts on: the evaluation date, and the zone record dateTimes are read in. */
interface Day {
  readonly asOf: string;
  readonly timeZone: string;
}

function dated(
  entry: Entry,
  when: unknown,
  value: number,
  day: Day,
  report: Report,
  fact: string,
): Reading | undefined {
  const { asOf, timeZone } = day;
  const date = readDate(when, timeZone);
  if (date === undefined) {
    report.problem(
      entry.label,
      'no date (effective or authored): cannot tell which is latest',
      fact,
    );
    return undefined;
  }
  if (date.kind !== 'date') {
    report.problem(entry.label, `date ${date.text} is not a full date: not used`, fact);
    return undefined;
  }
  if (daysBetween(asOf, date.date) > 0) {
    report.problem(
      entry.label,
      `dated ${date.date}, after the evaluation date ${asOf}: not used`,
      fact,
    );
    return undefined;
  }
  return { value, date: date.date, instant: date.instant, label: entry.label };
}

function observationReadings(
  entries: readonly Entry[],
  codes: readonly DeclaredCode[],
  day: Day,
  report: Report,
  fact: string,
): Reading[] {
  const out: Reading[] = [];
  for (const entry of entries) {
    const obs = entry.resource;
    if (!carriesCode(obs['code'], codes)) {
      const wrong = misplacedCode(obs['code'], codes);
      if (wrong !== undefined) {
        report.problem(
          entry.label,
          `code ${wrong.coding.code ?? ''} in system ${wrong.coding.system ?? '(none)'}, expected ${wrong.expected.system}: not used`,
          fact,
        );
      }
      continue;
    }
    const value = numberOf(obs, ['valueQuantity', 'valueInteger', 'valueDecimal']);
    if (typeof value === 'string') {
      const absent = isObject(obs['dataAbsentReason']) ? ' (data absent)' : '';
      report.problem(entry.label, `Observation without a numeric value${absent}: ${value}`, fact);
      continue;
    }
    const when =
      obs['effectiveDateTime'] ??
      obs['effectiveInstant'] ??
      obs['issued'] ??
      (isObject(obs['effectivePeriod'])
        ? (obs['effectivePeriod']['end'] ?? obs['effectivePeriod']['start'])
        : undefined);
    const reading = dated(entry, when, value, day, report, fact);
    if (reading !== undefined) out.push(reading);
  }
  return out;
}

/** Items (at any depth) whose linkId is one of the declared codes. */
function matchingItems(
  items: unknown,
  codes: readonly DeclaredCode[],
  into: Record<string, unknown>[] = [],
): Record<string, unknown>[] {
  if (!Array.isArray(items)) return into;
  for (const item of items as unknown[]) {
    if (!isObject(item)) continue;
    if (codes.some((c) => c.code === item['linkId'])) into.push(item);
    matchingItems(item['item'], codes, into);
    if (Array.isArray(item['answer'])) {
      for (const answer of item['answer'] as unknown[])
        if (isObject(answer)) matchingItems(answer['item'], codes, into);
    }
  }
  return into;
}

function responseReadings(
  entries: readonly Entry[],
  codes: readonly DeclaredCode[],
  day: Day,
  report: Report,
  fact: string,
): Reading[] {
  const out: Reading[] = [];
  for (const entry of entries) {
    const items = matchingItems(entry.resource['item'], codes);
    if (items.length === 0) continue;
    if (items.length > 1) {
      report.problem(entry.label, `${items.length} items answer ${fact}: not used`, fact);
      continue;
    }
    const answers = items[0]?.['answer'];
    if (!Array.isArray(answers) || answers.length !== 1 || !isObject(answers[0])) {
      report.problem(
        entry.label,
        `item ${String(items[0]?.['linkId'])} needs exactly one answer`,
        fact,
      );
      continue;
    }
    const value = numberOf(answers[0], ['valueInteger', 'valueDecimal', 'valueQuantity']);
    if (typeof value === 'string') {
      report.problem(entry.label, `answer to ${String(items[0]?.['linkId'])}: ${value}`, fact);
      continue;
    }
    const reading = dated(entry, entry.resource['authored'], value, day, report, fact);
    if (reading !== undefined) out.push(reading);
  }
  return out;
}

/** Picks the reading with the best score; two different values with the same score are not guessed between. */
function pick(
  readings: readonly Reading[],
  score: (r: Reading) => number,
  report: Report,
  fact: string,
): Found<number> | undefined {
  let best: Reading[] = [];
  for (const reading of readings) {
    const first = best[0];
    if (first === undefined || score(reading) > score(first)) best = [reading];
    else if (score(reading) === score(first)) best.push(reading);
  }
  const chosen = best[0];
  if (chosen === undefined) return undefined;
  if (best.some((r) => r.value !== chosen.value)) {
    for (const r of best) {
      report.problem(
        r.label,
        `conflicting values for ${fact} at the same time (${best.map((b) => b.value).join(', ')}): none used`,
        fact,
      );
    }
    return undefined;
  }
  return { value: chosen.value, from: chosen.label };
}

/** Reads a `latest-value` or `closest-to-step-entry` fact. */
export function readScore(
  mapping: FactMapping,
  index: ResourceIndex,
  asOf: string,
  stepEnteredAt: string | undefined,
  report: Report,
): Found<number> | undefined {
  const fact = mapping.fact.name;
  const day: Day = { asOf, timeZone: index.timeZone };
  const readings = [
    ...observationReadings(index.byType.get('Observation') ?? [], mapping.codes, day, report, fact),
    ...responseReadings(
      index.byType.get('QuestionnaireResponse') ?? [],
      mapping.codes,
      day,
      report,
      fact,
    ),
  ];
  if (mapping.kind === 'latest-value') return pick(readings, (r) => r.instant, report, fact);
  if (stepEnteredAt === undefined) return undefined;
  // Closest by calendar day to the entry date; on a tie, the earlier reading (taken before treatment).
  return pick(
    readings,
    (r) => -Math.abs(daysBetween(stepEnteredAt, r.date)) * 2 - (r.date > stepEnteredAt ? 1 : 0),
    report,
    fact,
  );
}
