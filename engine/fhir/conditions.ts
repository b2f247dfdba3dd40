/**
 * Conditions: onset → duration in months, presence → true, codes → fact values. Only
 * active, not refuted, not entered-in-error Conditions count (see resources.ts). The
 * absence of a Condition is never read as false: a problem list is not a negative finding.
 */
import { daysBetween, monthsBetween } from '../model/dates';
import { isObject, matchingCodes, readDate } from './codes';
import type { FactMapping } from './kinds';
import type { Report } from './report';
import type { Entry, ResourceIndex } from './resources';
import type { Found } from './scores';

function matching(mapping: FactMapping, index: ResourceIndex): Entry[] {
  return (index.byType.get('Condition') ?? []).filter(
    (e) => matchingCodes(e.resource['code'], mapping.codes).length > 0,
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

/** `condition-code-to-value`: the declared values of the active matching Conditions' codes, in dictionary order. */
export function readConditionValues(
  mapping: FactMapping,
  index: ResourceIndex,
): Found<string[] | string> | undefined {
  const found = new Set<string | number | boolean>();
  let from: string | undefined;
  for (const entry of matching(mapping, index)) {
    for (const code of matchingCodes(entry.resource['code'], mapping.codes)) {
      const value = mapping.values?.get(code);
      if (value !== undefined) found.add(value);
    }
    from ??= entry.label;
  }
  if (from === undefined) return undefined;
  const order = mapping.fact.values ?? [];
  const values = [...found].map(String).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  if (mapping.fact.type === 'string') {
    return values.length === 1 && values[0] !== undefined ? { value: values[0], from } : undefined;
  }
  return { value: values, from };
}
