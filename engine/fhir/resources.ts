/**
 * The input resources, indexed by type, with the ones that must not be used set aside:
 * entered-in-error or inactive records, and resources about another patient. Bundles in
 * the input are unpacked with their entries' fullUrls, so `urn:uuid:` references resolve.
 *
 * MedicationStatement and MedicationRequest are kept whatever their status (medications.ts
 * decides what is current, and reads past requests for the treatment start), and also when
 * their subject cannot be tied to the patient: such a drug is listed as uncertain, not
 * dropped, because the list was fetched for this patient.
 */
import { isObject } from './codes';
import { isOutcome, withholds } from './outcomes';
import {
  identifiersOf,
  matchSubject,
  type Located,
  type PatientIdentity,
  type SubjectMatch,
} from './references';
import type { Report } from './report';

/** A resource with the label problems name it by. */
export interface Entry {
  readonly resource: Record<string, unknown>;
  readonly type: string;
  readonly label: string;
  /** The fullUrl of its Bundle entry, when it came in a Bundle. */
  readonly fullUrl?: string;
  /** Set on a medication record whose subject could not be tied to the patient. */
  readonly subject?: Extract<SubjectMatch, { kind: 'unresolved' }>;
}

/** The usable resources by type, and the resources references may point to. */
export interface ResourceIndex {
  readonly byType: ReadonlyMap<string, readonly Entry[]>;
  /** Medication resources by `Medication/id`. */
  readonly medications: ReadonlyMap<string, Entry>;
  /** Every resource that came with a fullUrl, by that fullUrl. */
  readonly byFullUrl: ReadonlyMap<string, Located>;
  /** OperationOutcomes in the input that may mean results were withheld. */
  readonly outcomes: readonly Entry[];
  /** The zone whose calendar days the resources' dateTimes are read as (the pathway's). */
  readonly timeZone: string;
}

/** Types read whatever their status; see the module comment. */
const MEDICATION_RECORDS = new Set(['MedicationStatement', 'MedicationRequest']);

const SUBJECT_FIELD: Record<string, string> = {
  Observation: 'subject',
  Condition: 'subject',
  QuestionnaireResponse: 'subject',
  MedicationStatement: 'subject',
  MedicationRequest: 'subject',
};

/** Statuses whose resources are read; others are set aside (entered-in-error silently). */
const USABLE_STATUS: Record<string, readonly string[]> = {
  Observation: ['final', 'amended', 'corrected'],
  QuestionnaireResponse: ['completed', 'amended'],
};
const SILENT_STATUS = ['entered-in-error', 'cancelled', 'completed', 'stopped', 'not-taken'];

function statusOf(resource: Record<string, unknown>): string | undefined {
  const status = resource['status'];
  return typeof status === 'string' ? status : undefined;
}

function conditionUsable(entry: Entry, report: Report): boolean {
  const verification = entry.resource['verificationStatus'];
  const clinical = entry.resource['clinicalStatus'];
  const code = (concept: unknown): string | undefined => {
    if (!isObject(concept) || !Array.isArray(concept['coding'])) return undefined;
    const first = (concept['coding'] as unknown[]).find(isObject);
    return typeof first?.['code'] === 'string' ? first['code'] : undefined;
  };
  const v = code(verification);
  if (v === 'entered-in-error' || v === 'refuted') return false;
  const c = code(clinical);
  if (c === undefined) {
    report.problem(
      entry.label,
      'Condition without clinicalStatus: cannot tell whether it is active',
    );
    return false;
  }
  return c === 'active' || c === 'recurrence' || c === 'relapse';
}

function usable(entry: Entry, report: Report): boolean {
  if (entry.type === 'Condition') return conditionUsable(entry, report);
  const allowed = USABLE_STATUS[entry.type];
  if (allowed === undefined) return true;
  const status = statusOf(entry.resource);
  if (status !== undefined && allowed.includes(status)) return true;
  if (status === undefined) {
    report.problem(entry.label, `${entry.type} without status: not used`);
  } else if (!SILENT_STATUS.includes(status)) {
    report.problem(entry.label, `${entry.type} with status ${status}: not used`);
  }
  return false;
}

interface Flat {
  readonly resource: unknown;
  readonly fullUrl?: string;
}

/** The input with Bundles unpacked (their entries keep their fullUrl). */
function flatten(resources: readonly unknown[]): Flat[] {
  const out: Flat[] = [];
  const visit = (resource: unknown, fullUrl: string | undefined, depth: number): void => {
    if (isObject(resource) && resource['resourceType'] === 'Bundle' && depth < 3) {
      const entries = Array.isArray(resource['entry']) ? (resource['entry'] as unknown[]) : [];
      for (const entry of entries) {
        if (!isObject(entry)) continue;
        const url = typeof entry['fullUrl'] === 'string' ? entry['fullUrl'] : undefined;
        if (entry['resource'] !== undefined) visit(entry['resource'], url, depth + 1);
      }
      return;
    }
    out.push({ resource, ...(fullUrl === undefined ? {} : { fullUrl }) });
  };
  for (const resource of resources) visit(resource, undefined, 0);
  return out;
}

/** The patient in context as the data shows it: its fullUrls and identifiers. */
function identityOf(flat: readonly Flat[], patientId: string): PatientIdentity {
  const fullUrls = new Set<string>();
  const identifiers: { system: string; value: string }[] = [];
  for (const { resource, fullUrl } of flat) {
    if (!isObject(resource) || resource['resourceType'] !== 'Patient') continue;
    if (resource['id'] !== patientId) continue;
    if (fullUrl !== undefined) fullUrls.add(fullUrl);
    identifiers.push(...identifiersOf(resource));
  }
  return { id: patientId, fullUrls, identifiers };
}

/** Indexes `resources`, reporting the malformed ones and those about another patient. */
export function indexResources(
  resources: readonly unknown[],
  patientId: string | undefined,
  report: Report,
  timeZone: string,
): ResourceIndex {
  const byType = new Map<string, Entry[]>();
  const medications = new Map<string, Entry>();
  const byFullUrl = new Map<string, Located>();
  const outcomes: Entry[] = [];
  const seen = new Map<string, Record<string, unknown>>();
  const flat = flatten(resources);
  for (const { resource, fullUrl } of flat) {
    if (isObject(resource) && fullUrl !== undefined) byFullUrl.set(fullUrl, { resource, fullUrl });
  }
  const patient = patientId === undefined ? undefined : identityOf(flat, patientId);
  flat.forEach(({ resource, fullUrl }, index) => {
    if (!isObject(resource) || typeof resource['resourceType'] !== 'string') {
      report.problem(`#${index}`, 'not a FHIR resource (no resourceType)');
      return;
    }
    const type = resource['resourceType'];
    const id = typeof resource['id'] === 'string' ? resource['id'] : undefined;
    const label = `${type}/${id ?? `#${index}`}`;
    let entry: Entry = { resource, type, label, ...(fullUrl === undefined ? {} : { fullUrl }) };
    if (id !== undefined) {
      // One resource sent twice (a list entry and an `_include` of another list) is read once.
      const earlier = seen.get(label);
      if (earlier !== undefined && JSON.stringify(earlier) === JSON.stringify(resource)) return;
      seen.set(label, resource);
    }
    if (type === 'Medication') {
      if (id !== undefined) medications.set(`Medication/${id}`, entry);
      return;
    }
    if (isOutcome(resource)) {
      if (withholds(resource)) outcomes.push(entry);
      return;
    }
    const subjectField = SUBJECT_FIELD[type];
    if (subjectField !== undefined && patient !== undefined) {
      const match = matchSubject(resource[subjectField], patient, byFullUrl);
      if (
        match.kind === 'other' ||
        (match.kind === 'unresolved' && !MEDICATION_RECORDS.has(type))
      ) {
        report.problem(label, `${match.message}: not used`);
        return;
      }
      if (match.kind === 'unresolved') entry = { ...entry, subject: match };
    }
    if (type === 'Patient' && patientId !== undefined && id !== patientId) {
      report.problem(label, `not the patient in context (Patient/${patientId}): not used`);
      return;
    }
    if (!MEDICATION_RECORDS.has(type) && !usable(entry, report)) return;
    const list = byType.get(type) ?? [];
    list.push(entry);
    byType.set(type, list);
  });
  return { byType, medications, byFullUrl, outcomes, timeZone };
}
