/**
 * Current medications from active MedicationStatement and MedicationRequest resources with
 * a WHO ATC coding. Start date from `effectivePeriod.start` / `effectiveDateTime` /
 * `authoredOn`; dose and unit only from a structured daily dose (see dosage.ts).
 *
 * A drug recorded both as a statement and as a request is counted once (the statement,
 * which records what the patient takes); other repeats of one ATC code are all counted,
 * with a note, because two products of one substance are common (slow and quick release).
 */
import { isAtcCode, matchesAtc } from '../facts/atc';
import { daysBetween } from '../model/dates';
import type { Medication } from '../facts/medication';
import { ATC_SYSTEM, codingsOf, isObject, readDate, referencedId } from './codes';
import { dailyDose } from './dosage';
import type { FactMapping } from './kinds';
import type { Report } from './report';
import type { Entry, ResourceIndex } from './resources';

interface Candidate {
  readonly entry: Entry;
  readonly medication: Medication;
}

function conceptOf(entry: Entry, index: ResourceIndex, report: Report, fact: string): unknown {
  const r = entry.resource;
  if (r['medicationCodeableConcept'] !== undefined) return r['medicationCodeableConcept'];
  const ref = isObject(r['medicationReference'])
    ? r['medicationReference']['reference']
    : undefined;
  if (typeof ref === 'string' && ref.startsWith('#')) {
    const contained = Array.isArray(r['contained'])
      ? (r['contained'] as unknown[]).find(
          (c) => isObject(c) && c['resourceType'] === 'Medication' && c['id'] === ref.slice(1),
        )
      : undefined;
    if (isObject(contained)) return contained['code'];
  } else {
    const id = referencedId(r['medicationReference'], 'Medication');
    const found = id === undefined ? undefined : index.medications.get(`Medication/${id}`);
    if (found !== undefined) return found.resource['code'];
  }
  report.problem(
    entry.label,
    `medication ${ref === undefined ? 'missing' : `${String(ref)} not found in the data`}: not counted`,
    fact,
  );
  return undefined;
}

/** A medication read, `'irrelevant'` for a drug outside the declared classes, undefined when unusable. */
function read(
  entry: Entry,
  mapping: FactMapping,
  index: ResourceIndex,
  asOf: string,
  report: Report,
): Candidate | 'irrelevant' | undefined {
  const fact = mapping.fact.name;
  const concept = conceptOf(entry, index, report, fact);
  if (concept === undefined) return undefined;
  const atcCodes = [
    ...new Set(
      codingsOf(concept)
        .filter((c) => c.system === ATC_SYSTEM)
        .map((c) => c.code ?? ''),
    ),
  ];
  if (atcCodes.length === 0) {
    report.problem(
      entry.label,
      `no ATC code (system ${ATC_SYSTEM}): not counted, so drug-class facts may be incomplete`,
      fact,
    );
    return undefined;
  }
  const [atc] = atcCodes;
  if (atcCodes.length > 1 || atc === undefined) {
    report.problem(entry.label, `several ATC codes (${atcCodes.join(', ')}): not counted`, fact);
    return undefined;
  }
  if (!isAtcCode(atc)) {
    report.problem(
      entry.label,
      `ATC ${atc} is not a 7-character substance code: not counted`,
      fact,
    );
    return undefined;
  }
  const declared = mapping.codes.filter((c) => c.system === ATC_SYSTEM).map((c) => c.code);
  if (declared.length > 0 && !matchesAtc(atc, { prefixes: declared })) return 'irrelevant';

  const r = entry.resource;
  const rawSince =
    entry.type === 'MedicationRequest'
      ? r['authoredOn']
      : ((isObject(r['effectivePeriod']) ? r['effectivePeriod']['start'] : undefined) ??
        r['effectiveDateTime']);
  const start = readDate(rawSince, index.timeZone);
  let since: string | undefined;
  if (start?.kind === 'date') {
    if (daysBetween(asOf, start.date) > 0) {
      report.problem(
        entry.label,
        `starts ${start.date}, after the evaluation date ${asOf}: not counted`,
        fact,
      );
      return undefined;
    }
    since = start.date;
  } else if (start !== undefined) {
    report.note(
      entry.label,
      `start date ${start.text} is not a full date: left out, so day counts are unknown`,
      fact,
    );
  }
  const dose = dailyDose(entry.type === 'MedicationRequest' ? r['dosageInstruction'] : r['dosage']);
  if ('reason' in dose)
    report.note(entry.label, `${atc}: ${dose.reason}; dose left out, so the MME is unknown`, fact);
  const name =
    (isObject(concept) && typeof concept['text'] === 'string' ? concept['text'] : undefined) ??
    codingsOf(concept).find((c) => c.system === ATC_SYSTEM)?.display;
  const medication: Medication = {
    atc,
    ...('reason' in dose ? {} : { dose: dose.dose, unit: dose.unit }),
    ...(since === undefined ? {} : { since }),
    ...(name === undefined ? {} : { name }),
  };
  return { entry, medication };
}

function basedOnIds(entry: Entry): string[] {
  const refs = [entry.resource['basedOn'], entry.resource['derivedFrom']].flatMap((x) =>
    Array.isArray(x) ? (x as unknown[]) : [],
  );
  return refs
    .map((ref) => referencedId(ref, 'MedicationRequest'))
    .filter((id): id is string => id !== undefined);
}

/**
 * Reads the `medications` fact. Unknown (undefined) when nothing usable was found and
 * either the lists were not known complete or some active medication could not be read:
 * an empty list would say "takes no opioid" about a drug the mapper could not identify.
 */
export function readMedications(
  mapping: FactMapping,
  index: ResourceIndex,
  asOf: string,
  complete: boolean,
  report: Report,
): { value: Medication[]; from: string } | undefined {
  const fact = mapping.fact.name;
  const statements = index.byType.get('MedicationStatement') ?? [];
  const requests = index.byType.get('MedicationRequest') ?? [];
  let unusable = 0;
  const take = (entry: Entry): Candidate | undefined => {
    const candidate = read(entry, mapping, index, asOf, report);
    if (candidate === undefined) unusable += 1;
    return candidate === 'irrelevant' ? undefined : candidate;
  };
  const fromStatements = statements.map(take).filter((c) => c !== undefined);
  const recorded = new Set(statements.flatMap(basedOnIds));
  const fromRequests: Candidate[] = [];
  for (const entry of requests) {
    const id = entry.resource['id'];
    if (typeof id === 'string' && recorded.has(id)) continue;
    const candidate = take(entry);
    if (candidate === undefined) continue;
    const same = fromStatements.find((s) => s.medication.atc === candidate.medication.atc);
    if (same !== undefined) {
      report.note(
        entry.label,
        `${candidate.medication.atc} is also in ${same.entry.label}: counted once, from the statement`,
        fact,
      );
      continue;
    }
    fromRequests.push(candidate);
  }
  const all = [...fromStatements, ...fromRequests];
  for (const c of all) {
    const others = all.filter((o) => o !== c && o.medication.atc === c.medication.atc);
    if (others.length > 0) {
      report.note(
        c.entry.label,
        `${c.medication.atc} is also in ${others.map((o) => o.entry.label).join(', ')}: all counted; check for duplicate records`,
        fact,
      );
    }
  }
  if (all.length === 0 && (!complete || unusable > 0)) return undefined;
  return {
    value: all.map((c) => c.medication),
    from: all[0]?.entry.label ?? 'MedicationStatement',
  };
}
