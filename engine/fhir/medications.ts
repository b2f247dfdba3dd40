/**
 * Current medications from MedicationStatement and MedicationRequest resources, read as
 * EHRs write them. Every record that may be a current drug ends up in the list: a record
 * the reader cannot fully read is listed as `uncertain` with a reason (unclassified code,
 * no code, unresolved reference, unknown status), and each medication list that was not
 * given whole adds an uncertain entry (`list-incomplete`, `withheld`). So an empty list
 * means "takes no medication" only when every list was complete and every record read.
 *
 * Substance: medication-codes.ts (ATC under URL or OID, any case; RxNorm/SNOMED CT through
 * the caller's table). Status: medication-status.ts. Start and dose increase of a request:
 * medication-series.ts. Dose and unit only from a structured daily dose (dosage.ts).
 *
 * A drug recorded both as a statement and as a request is counted once (the statement,
 * which records what the patient takes, with the earlier start of the two); other repeats
 * of one ATC code are all counted, with a note, because two products of one substance are
 * common (slow and quick release).
 */
import { matchesAtc } from '../facts/atc';
import type { Medication, Uncertainty } from '../facts/medication';
import { daysBetween } from '../model/dates';
import { codingsOf, isObject, readDate } from './codes';
import { dailyDose, type DoseRead } from './dosage';
import type { FactMapping } from './kinds';
import { ATC_SYSTEMS, readSubstance, type ConceptRead } from './medication-codes';
import { readSeries, type SeriesRequest } from './medication-series';
import { recordStatus, type RecordStatus } from './medication-status';
import { outcomeText } from './outcomes';
import { referenceIdentifier, referenceText, resolve, typedId } from './references';
import type { Report } from './report';
import type { Entry, ResourceIndex } from './resources';
import type { ListStatus, MedicationCoding } from './types';

/** The medication list types, in the order their entries are listed. */
export const MEDICATION_LIST_TYPES = ['MedicationStatement', 'MedicationRequest'] as const;

/** What the medication reader needs besides the index. */
export interface MedicationReading {
  readonly asOf: string;
  /** The state of each medication list type (see {@link listStates}). */
  readonly lists: readonly ListStatus[];
  readonly table: ReadonlyMap<string, MedicationCoding>;
}

/** One record read, before statements and requests are merged. */
interface Read {
  readonly entry: Entry;
  readonly status: RecordStatus;
  readonly medication: Medication;
  /** The request's `authoredOn`, for the series. */
  readonly authored?: { date: string; instant: number };
  readonly dose: DoseRead;
}

/** The concept naming the drug, or the unresolved reference. */
function conceptOf(entry: Entry, index: ResourceIndex): { concept: unknown } | Uncertainty {
  const r = entry.resource;
  if (r['medicationCodeableConcept'] !== undefined)
    return { concept: r['medicationCodeableConcept'] };
  const reference = r['medicationReference'];
  if (reference === undefined) return { reason: 'no-code' };
  const ref = referenceText(reference);
  if (ref !== undefined) {
    const found = resolve(ref, 'Medication', r, index.byFullUrl, index.medications);
    if (found !== undefined) return { concept: found['code'] };
    return { reason: 'unresolved-reference', detail: ref };
  }
  const identifier = referenceIdentifier(reference);
  return {
    reason: 'unresolved-reference',
    detail:
      identifier === undefined ? '(no reference)' : `${identifier.system}|${identifier.value}`,
  };
}

function nameOf(concept: unknown, substance: ConceptRead): string | undefined {
  if (isObject(concept) && typeof concept['text'] === 'string' && concept['text'] !== '')
    return concept['text'];
  if ('atc' in substance && substance.display !== undefined) return substance.display;
  return codingsOf(concept).find((c) => c.display !== undefined)?.display;
}

const UNCERTAIN_MESSAGE: Record<string, string> = {
  'unclassified-code': 'kept as uncertain (unclassified-code), so drug-class facts may be unknown',
  'no-code': 'kept as uncertain (no-code), so drug-class facts may be unknown',
  'unresolved-reference':
    'kept as uncertain (unresolved-reference), so drug-class facts may be unknown',
  'status-unknown':
    'it may be a current drug, kept as uncertain (status-unknown), so its drug class may be unknown',
};

/** Reads one record that may be current or history; undefined when it does not count. */
function readRecord(
  entry: Entry,
  mapping: FactMapping,
  index: ResourceIndex,
  reading: MedicationReading,
  report: Report,
): Read | undefined {
  const fact = mapping.fact.name;
  const status = recordStatus(entry.type, entry.resource);
  if (status.kind === 'not-current') return undefined;
  const history = status.kind === 'history';
  const r = entry.resource;

  const found = conceptOf(entry, index);
  const concept = 'concept' in found ? found.concept : undefined;
  const substance: ConceptRead =
    'concept' in found
      ? readSubstance(found.concept, reading.table)
      : {
          ...found,
          message:
            found.reason === 'no-code'
              ? 'no medication given'
              : `medication ${found.detail ?? ''} not found in the data`,
        };
  const declared = mapping.codes.filter((c) => ATC_SYSTEMS.includes(c.system)).map((c) => c.code);
  if (
    'atc' in substance &&
    declared.length > 0 &&
    !matchesAtc(substance.atc, { prefixes: declared })
  )
    return undefined;

  let uncertain: Uncertainty | undefined;
  let why: string | undefined;
  if (!('atc' in substance)) {
    uncertain = {
      reason: substance.reason,
      ...(substance.detail === undefined ? {} : { detail: substance.detail }),
    };
    why = substance.message;
  } else if (entry.subject !== undefined) {
    uncertain = { reason: 'unresolved-reference', detail: entry.subject.reference };
    why = entry.subject.message;
  } else if (status.kind === 'uncertain') {
    uncertain = {
      reason: 'status-unknown',
      ...(status.detail === undefined ? {} : { detail: status.detail }),
    };
    why = status.message;
  }

  const rawStart =
    entry.type === 'MedicationRequest'
      ? r['authoredOn']
      : ((isObject(r['effectivePeriod']) ? r['effectivePeriod']['start'] : undefined) ??
        r['effectiveDateTime']);
  const start = readDate(rawStart, index.timeZone);
  let since: string | undefined;
  if (start?.kind === 'date') {
    if (daysBetween(reading.asOf, start.date) > 0) {
      if (!history)
        report.problem(
          entry.label,
          `starts ${start.date}, after the evaluation date ${reading.asOf}: not counted`,
          fact,
        );
      return undefined;
    }
    since = start.date;
  } else if (start !== undefined && !history) {
    report.note(
      entry.label,
      `start date ${start.text} is not a full date: left out, so day counts are unknown`,
      fact,
    );
  }
  const dose = dailyDose(entry.type === 'MedicationRequest' ? r['dosageInstruction'] : r['dosage']);
  if (history) {
    // A past request counts only as part of a series, which needs its substance.
    if (!('atc' in substance)) return undefined;
    return {
      entry,
      status,
      medication: { atc: substance.atc },
      ...(start?.kind === 'date' ? { authored: { date: start.date, instant: start.instant } } : {}),
      dose,
    };
  }
  if (uncertain !== undefined) {
    report.problem(
      entry.label,
      `${why ?? uncertain.reason}: ${UNCERTAIN_MESSAGE[uncertain.reason] ?? 'kept as uncertain'}`,
      fact,
    );
  } else if ('reason' in dose && 'atc' in substance) {
    report.note(
      entry.label,
      `${substance.atc}: ${dose.reason}; dose left out, so the MME is unknown`,
      fact,
    );
  }
  const name = nameOf(concept, substance);
  const medication: Medication = {
    ...('atc' in substance ? { atc: substance.atc } : {}),
    ...('reason' in dose ? {} : { dose: dose.dose, unit: dose.unit }),
    ...(since === undefined ? {} : { since }),
    ...(name === undefined ? {} : { name }),
    ...(uncertain === undefined ? {} : { uncertain }),
  };
  return {
    entry,
    status,
    medication,
    ...(entry.type === 'MedicationRequest' && start?.kind === 'date'
      ? { authored: { date: start.date, instant: start.instant } }
      : {}),
    dose,
  };
}

/** The requests a statement records (`basedOn`, `derivedFrom`), by id. */
function basedOnIds(entry: Entry): string[] {
  const refs = [entry.resource['basedOn'], entry.resource['derivedFrom']].flatMap((x) =>
    Array.isArray(x) ? (x as unknown[]) : [],
  );
  return refs.flatMap((ref) => {
    const text = referenceText(ref);
    const parsed = text === undefined ? undefined : typedId(text);
    return parsed?.type === 'MedicationRequest' ? [parsed.id] : [];
  });
}

/** Treatment start and dose increase of each current request, from its series. */
function withSeries(requests: readonly Read[], report: Report, fact: string): Read[] {
  const seriesOf = (read: Read): SeriesRequest | undefined =>
    read.authored === undefined
      ? undefined
      : {
          date: read.authored.date,
          instant: read.authored.instant,
          current: read.status.kind === 'current',
          ...('reason' in read.dose ? {} : { dose: read.dose }),
        };
  const pool = new Map<string, SeriesRequest[]>();
  const series = new Map<Read, SeriesRequest>();
  for (const read of requests) {
    const s = seriesOf(read);
    const atc = read.medication.atc;
    if (s === undefined || atc === undefined) continue;
    series.set(read, s);
    // A request that may be about another patient never stretches this patient's series.
    if (read.entry.subject === undefined) pool.set(atc, [...(pool.get(atc) ?? []), s]);
  }
  return requests.flatMap((read) => {
    if (read.status.kind === 'history') return [];
    const own = series.get(read);
    const atc = read.medication.atc;
    if (own === undefined || atc === undefined) return [read];
    const found = readSeries(own, [...(pool.get(atc) ?? []).filter((r) => r !== own), own]);
    if (found.length > 1)
      report.note(
        read.entry.label,
        `${atc}: treatment since ${found.since}, the first of ${found.length} renewals at most 90 days apart`,
        fact,
      );
    return [
      {
        ...read,
        medication: {
          ...read.medication,
          since: found.since,
          ...(found.doseIncreasedAt === undefined
            ? {}
            : { doseIncreasedAt: found.doseIncreasedAt }),
        },
      },
    ];
  });
}

/** The earlier of two ISO dates, either possibly absent. */
function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

/** One uncertain entry for each medication list not given whole, and each withholding outcome. */
function listEntries(
  index: ResourceIndex,
  reading: MedicationReading,
  report: Report,
  fact: string,
): Medication[] {
  const out: Medication[] = [];
  for (const list of reading.lists) {
    if (list.state === 'complete') continue;
    const detail = list.source ?? list.type;
    const said = list.message === undefined ? '' : ` (${list.message})`;
    const what =
      list.state === 'withheld'
        ? `results were withheld${said}`
        : list.state === 'paged'
          ? 'only the first page was sent'
          : 'the list was not sent';
    // A note, not a problem: the caller (a CDS prefetch) already reports the list itself.
    report.note(
      detail,
      `${list.type}: ${what}; medication facts it could change stay unknown`,
      fact,
    );
    out.push({
      uncertain: { reason: list.state === 'withheld' ? 'withheld' : 'list-incomplete', detail },
    });
  }
  for (const outcome of index.outcomes) {
    report.problem(
      outcome.label,
      `${outcomeText(outcome.resource)}: results may have been withheld; medication facts it could change stay unknown`,
      fact,
    );
    out.push({ uncertain: { reason: 'withheld', detail: outcome.label } });
  }
  return out;
}

/**
 * Reads the `medications` fact: the current drugs under the declared ATC groups, uncertain
 * entries for every record that may be current but could not be fully read, and one for
 * each list not given whole. Never leaves out a record because another one was readable.
 */
export function readMedications(
  mapping: FactMapping,
  index: ResourceIndex,
  reading: MedicationReading,
  report: Report,
): { value: Medication[]; from: string } {
  const fact = mapping.fact.name;
  const readAll = (type: string): Read[] =>
    (index.byType.get(type) ?? []).flatMap((entry) => {
      const read = readRecord(entry, mapping, index, reading, report);
      return read === undefined ? [] : [read];
    });
  const statements = readAll('MedicationStatement');
  const requests = withSeries(readAll('MedicationRequest'), report, fact);

  const recorded = new Set(statements.flatMap((s) => basedOnIds(s.entry)));
  const certainStatements = statements.filter((s) => s.medication.uncertain === undefined);
  // What a statement takes over from the requests it stands for: the earlier start, and
  // the dose increase only the series of requests can tell.
  const merged = new Map<Read, { since?: string; doseIncreasedAt?: string }>();
  const merge = (statement: Read, request: Read): void => {
    const before = merged.get(statement) ?? {};
    const since = earlier(before.since, request.medication.since);
    const increased = before.doseIncreasedAt ?? request.medication.doseIncreasedAt;
    merged.set(statement, {
      ...(since === undefined ? {} : { since }),
      ...(increased === undefined ? {} : { doseIncreasedAt: increased }),
    });
  };
  const fromRequests: Read[] = [];
  for (const read of requests) {
    const id = read.entry.resource['id'];
    const certain = read.medication.uncertain === undefined;
    const same = certain
      ? certainStatements.find((s) => s.medication.atc === read.medication.atc)
      : undefined;
    if (typeof id === 'string' && recorded.has(id) && (same !== undefined || !certain)) {
      if (same !== undefined) merge(same, read);
      continue;
    }
    if (same !== undefined) {
      report.note(
        read.entry.label,
        `${read.medication.atc} is also in ${same.entry.label}: counted once, from the statement`,
        fact,
      );
      merge(same, read);
      continue;
    }
    fromRequests.push(read);
  }
  const all = [
    ...statements.map((s) => {
      const taken = merged.get(s);
      if (taken === undefined) return s;
      const since = earlier(s.medication.since, taken.since);
      const increased = s.medication.doseIncreasedAt ?? taken.doseIncreasedAt;
      return {
        ...s,
        medication: {
          ...s.medication,
          ...(since === undefined ? {} : { since }),
          ...(increased === undefined ? {} : { doseIncreasedAt: increased }),
        },
      };
    }),
    ...fromRequests,
  ];
  // Grouped by ATC code once, and at most a few others named per note: a record with the
  // same drug a thousand times must not cost a thousand-squared (issue 15).
  const byAtc = new Map<string | undefined, typeof all>();
  for (const c of all) {
    if (c.medication.uncertain !== undefined) continue;
    const group = byAtc.get(c.medication.atc);
    if (group === undefined) byAtc.set(c.medication.atc, [c]);
    else group.push(c);
  }
  for (const group of byAtc.values()) {
    if (group.length < 2) continue;
    for (const c of group) {
      const others = group
        .slice(0, 4)
        .filter((o) => o !== c)
        .slice(0, 3);
      const more = group.length - 1 - others.length;
      const named = others.map((o) => o.entry.label).join(', ');
      report.note(
        c.entry.label,
        `${c.medication.atc} is also in ${named}${more > 0 ? ` and ${more} more` : ''}: all counted; check for duplicate records`,
        fact,
      );
    }
  }
  const value = [...all.map((c) => c.medication), ...listEntries(index, reading, report, fact)];
  return { value, from: all[0]?.entry.label ?? 'MedicationStatement' };
}

/**
 * The state of each medication list type: from `lists` when it names the type, else
 * `complete` when `completeTypes` does, else `not-sent`.
 */
export function listStates(
  lists: readonly ListStatus[] | undefined,
  completeTypes: readonly string[] | undefined,
): ListStatus[] {
  return MEDICATION_LIST_TYPES.flatMap((type): ListStatus[] => {
    const given = (lists ?? []).filter((l) => l.type === type);
    if (given.length > 0) return given;
    return [{ type, state: completeTypes?.includes(type) === true ? 'complete' : 'not-sent' }];
  });
}
