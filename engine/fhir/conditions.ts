/**
 * Conditions: onset → duration in months, presence → true, codes → fact values. Only
 * active, not refuted, not entered-in-error Conditions count (see resources.ts). The
 * absence of a Condition is never read as false: a problem list is not a negative finding.
 */
import { addDuration, daysBetween, daysInMonth, monthsBetween } from '../model/dates';
import { carriesCode, codingMatches, codingsOf, isObject, matchingCodes, readDate } from './codes';
import type { FactMapping, NoneFoundCode } from './kinds';
import type { Report } from './report';
import type { Entry, ResourceIndex } from './resources';
import type { Found } from './scores';

function matching(mapping: FactMapping, index: ResourceIndex): Entry[] {
  return (index.byType.get('Condition') ?? []).filter((e) =>
    carriesCode(e.resource['code'], mapping.codes),
  );
}

/** `onset-months`: months from the earliest onset of an active matching Condition (one decimal, rounded down). */
export function readOnsetMonths(
  mapping: FactMapping,
  index: ResourceIndex,
  asOf: string,
  report: Report,
): Found<number> | undefined {
  const fact = mapping.fact.name;
  let earliest: { date: string; label: string } | undefined;
  for (const entry of matching(mapping, index)) {
    const c = entry.resource;
    const raw =
      c['onsetDateTime'] ?? (isObject(c['onsetPeriod']) ? c['onsetPeriod']['start'] : undefined);
    if (raw === undefined) {
      const other = ['onsetAge', 'onsetRange', 'onsetString'].find((k) => c[k] !== undefined);
      report.problem(
        entry.label,
        other === undefined
          ? 'no onset date: the duration is unknown'
          : `onset given as ${other}, which is not read (only onsetDateTime / onsetPeriod.start)`,
        fact,
      );
      continue;
    }
    const date = readDate(raw, index.timeZone);
    if (date?.kind !== 'date') {
      report.problem(
        entry.label,
        `onset ${String(raw)} is not a full date: the duration is unknown`,
        fact,
      );
      continue;
    }
    if (daysBetween(asOf, date.date) > 0) {
      report.problem(
        entry.label,
        `onset ${date.date} is after the evaluation date ${asOf}: not used`,
        fact,
      );
      continue;
    }
    if (earliest === undefined || date.date < earliest.date)
      earliest = { date: date.date, label: entry.label };
  }
  if (earliest === undefined) return undefined;
  const months = Math.floor(monthsBetween(earliest.date, asOf) * 10) / 10;
  return { value: months, from: earliest.label };
}

/** `active-condition-boolean`: true when an active matching Condition exists; otherwise unknown. */
export function readConditionPresent(
  mapping: FactMapping,
  index: ResourceIndex,
): Found<boolean> | undefined {
  const first = matching(mapping, index)[0];
  return first === undefined ? undefined : { value: true, from: first.label };
}

/** verificationStatus codes that make a Condition suspected, whatever its dates. */
const SUSPECTED = ['provisional', 'differential', 'unconfirmed'];

/** Whether a matching Condition counts under `recentMonths`, and a note on why when it does not. */
type Counting = { counts: true; note?: string } | { counts: false; note: string } | 'skip';

function verificationOf(condition: Record<string, unknown>): string | undefined {
  const status = condition['verificationStatus'];
  return codingsOf(status).find((c) => c.code !== undefined)?.code;
}

/** The first and last calendar day a partial date (`2010`, `2010-05`) may stand for. */
function spanOf(text: string): { first: string; last: string } {
  const [year = '', month] = text.split('-');
  if (month === undefined) return { first: `${year}-01-01`, last: `${year}-12-31` };
  const days = daysInMonth(Number(year), Number(month));
  return { first: `${year}-${month}-01`, last: `${year}-${month}-${String(days)}` };
}

/**
 * Whether a matching Condition is suspected or new. Onset is `onsetDateTime` or
 * `onsetPeriod.start`, else (none, or unreadable) `recordedDate`. A date that cannot tell new from established
 * counts: a red flag is never dropped for want of a readable date.
 */
function counting(
  entry: Entry,
  windowStart: string,
  asOf: string,
  report: Report,
  fact: string,
  timeZone: string,
): Counting {
  const c = entry.resource;
  const verification = verificationOf(c);
  if (verification !== undefined && SUSPECTED.includes(verification)) return { counts: true };
  const onset =
    c['onsetDateTime'] ?? (isObject(c['onsetPeriod']) ? c['onsetPeriod']['start'] : undefined);
  const onsetDate = readDate(onset, timeZone);
  // An onset that cannot be read (or onsetAge / onsetString) leaves the recorded date to decide.
  const useOnset = onsetDate !== undefined && onsetDate.kind !== 'invalid';
  const field = useOnset ? 'onset' : 'recordedDate';
  const date = useOnset ? onsetDate : readDate(c['recordedDate'], timeZone);
  if (date === undefined || date.kind === 'invalid') {
    return {
      counts: true,
      note: `${verification ?? 'no verification status'}, no readable onset or recordedDate: counted, as it cannot be shown to be established`,
    };
  }
  if (date.kind === 'partial') {
    const { first, last } = spanOf(date.text);
    if (last < windowStart) {
      return {
        counts: false,
        note: `${field} ${date.text}, before ${windowStart}: established, not counted`,
      };
    }
    if (first > asOf) {
      report.problem(
        entry.label,
        `${field} ${date.text} is after the evaluation date ${asOf}: not used`,
        fact,
      );
      return 'skip';
    }
    return {
      counts: true,
      note: `${field} ${date.text} may fall on or after ${windowStart}: counted as new`,
    };
  }
  if (daysBetween(asOf, date.date) > 0) {
    report.problem(
      entry.label,
      `${field} ${date.date} is after the evaluation date ${asOf}: not used`,
      fact,
    );
    return 'skip';
  }
  if (date.date < windowStart) {
    return {
      counts: false,
      note: `${field} ${date.date}, before ${windowStart}: established, not counted`,
    };
  }
  return { counts: true };
}

/** The calendar day an Observation was made, as read by {@link readDate}. */
function observationDate(obs: Record<string, unknown>): unknown {
  const period = obs['effectivePeriod'];
  return (
    obs['effectiveDateTime'] ??
    obs['effectiveInstant'] ??
    (isObject(period) ? (period['end'] ?? period['start']) : undefined) ??
    obs['issued']
  );
}

/**
 * The latest usable "checked, none found" Observation within `withinMonths` before `asOf`.
 * Observations reach here already limited to status final, amended or corrected.
 */
function noneFoundRecord(
  code: NoneFoundCode,
  index: ResourceIndex,
  asOf: string,
  report: Report,
  fact: string,
): { label: string; date: string } | undefined {
  const since = addDuration(asOf, { months: -code.withinMonths });
  let latest: { label: string; date: string } | undefined;
  for (const entry of index.byType.get('Observation') ?? []) {
    const obs = entry.resource;
    if (!codingsOf(obs['code']).some((c) => codingMatches(c, code))) continue;
    if (obs['dataAbsentReason'] !== undefined || obs['valueBoolean'] === false) {
      report.problem(entry.label, 'a "none found" record without a positive value: not used', fact);
      continue;
    }
    const date = readDate(observationDate(obs), index.timeZone);
    if (date?.kind !== 'date') {
      report.problem(entry.label, 'a "none found" record without a full date: not used', fact);
      continue;
    }
    if (daysBetween(asOf, date.date) > 0) {
      report.problem(
        entry.label,
        `dated ${date.date}, after the evaluation date ${asOf}: not used`,
        fact,
      );
      continue;
    }
    if (date.date < since) {
      report.note(
        entry.label,
        `a "none found" record of ${date.date}, older than ${since}: not used`,
        fact,
      );
      continue;
    }
    if (latest === undefined || date.date > latest.date)
      latest = { label: entry.label, date: date.date };
  }
  return latest;
}

/** The values of `entries`' codes, in the fact's dictionary order. */
function valuesOf(mapping: FactMapping, entries: readonly Entry[]): string[] {
  const found = new Set<string | number | boolean>();
  for (const entry of entries) {
    for (const code of matchingCodes(entry.resource['code'], mapping.codes)) {
      const value = mapping.values?.get(code);
      if (value !== undefined) found.add(value);
    }
  }
  const order = mapping.fact.values ?? [];
  return [...found].map(String).sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** Where the readers of `condition-code-to-value` need more than the resources. */
export interface ConditionValueContext {
  readonly asOf: string;
  /** True when the complete Condition list was searched (a known empty problem list). */
  readonly conditionsComplete: boolean;
  readonly report: Report;
}

/**
 * `condition-code-to-value`: the declared values of the active matching Conditions' codes,
 * in dictionary order. With `recentMonths` only suspected or new Conditions count; with
 * `noneFound` a recent "checked, none found" Observation and a complete Condition list
 * without a counting Condition give an empty list. Without either, as before they existed.
 */
export function readConditionValues(
  mapping: FactMapping,
  index: ResourceIndex,
  context: ConditionValueContext,
): Found<string[] | string> | undefined {
  const { asOf, report } = context;
  const fact = mapping.fact.name;
  let entries = matching(mapping, index);
  if (mapping.recentMonths !== undefined) {
    const windowStart = addDuration(asOf, { months: -mapping.recentMonths });
    entries = entries.filter((entry) => {
      const decision = counting(entry, windowStart, asOf, report, fact, index.timeZone);
      if (decision === 'skip') return false;
      if (decision.note !== undefined) report.note(entry.label, decision.note, fact);
      return decision.counts;
    });
  }
  const first = entries[0];
  if (first === undefined) {
    if (mapping.noneFound === undefined) return undefined;
    const record = noneFoundRecord(mapping.noneFound, index, asOf, report, fact);
    if (record === undefined) return undefined;
    if (!context.conditionsComplete) {
      // A Condition the list left out could be a new red flag: the record alone cannot rule it out.
      report.problem(
        record.label,
        'a "none found" record, but the Condition list is not complete: not used',
        fact,
      );
      return undefined;
    }
    return mapping.fact.type === 'string' ? undefined : { value: [], from: record.label };
  }
  const values = valuesOf(mapping, entries);
  if (mapping.fact.type === 'string') {
    return values.length === 1 && values[0] !== undefined
      ? { value: values[0], from: first.label }
      : undefined;
  }
  return { value: values, from: first.label };
}
