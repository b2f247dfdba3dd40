/**
 * The input resources, indexed by type, with the ones that must not be used set aside:
 * entered-in-error or inactive records, and resources about another patient.
 */
import { isObject, referencedId } from './codes';
import type { Report } from './report';

/** A resource with the label problems name it by. */
export interface Entry {
  readonly resource: Record<string, unknown>;
  readonly type: string;
  readonly label: string;
}

/** The usable resources by type, and contained/bundled Medication resources by reference. */
export interface ResourceIndex {
  readonly byType: ReadonlyMap<string, readonly Entry[]>;
  /** Medication resources by `Medication/id`. */
  readonly medications: ReadonlyMap<string, Entry>;
  /** The zone whose calendar days the resources' dateTimes are read as (the pathway's). */
  readonly timeZone: string;
}

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
  MedicationStatement: ['active'],
  MedicationRequest: ['active'],
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
  if (status !== undefined && allowed.includes(status)) {
    if (entry.type === 'MedicationRequest' && entry.resource['doNotPerform'] === true) return false;
    return true;
  }
  if (status === undefined) {
    report.problem(entry.label, `${entry.type} without status: not used`);
  } else if (
    !SILENT_STATUS.includes(status) &&
    !(entry.type.startsWith('Medication') && status !== 'active')
  ) {
    report.problem(entry.label, `${entry.type} with status ${status}: not used`);
  }
  return false;
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
  resources.forEach((resource, index) => {
    if (!isObject(resource) || typeof resource['resourceType'] !== 'string') {
      report.problem(`#${index}`, 'not a FHIR resource (no resourceType)');
      return;
    }
    const type = resource['resourceType'];
    const id = typeof resource['id'] === 'string' ? resource['id'] : undefined;
    const entry: Entry = { resource, type, label: `${type}/${id ?? `#${index}`}` };
    if (type === 'Medication') {
      if (id !== undefined) medications.set(`Medication/${id}`, entry);
      return;
    }
    const subjectField = SUBJECT_FIELD[type];
    if (subjectField !== undefined && patientId !== undefined) {
      const subject = referencedId(resource[subjectField], 'Patient');
      if (subject !== patientId) {
        report.problem(
          entry.label,
          subject === undefined
            ? `no ${subjectField} reference to Patient/${patientId}: not used`
            : `about Patient/${subject}, not Patient/${patientId}: not used`,
        );
        return;
      }
    }
    if (type === 'Patient' && patientId !== undefined && id !== patientId) {
      report.problem(entry.label, `not the patient in context (Patient/${patientId}): not used`);
      return;
    }
    if (!usable(entry, report)) return;
    const list = byType.get(type) ?? [];
    list.push(entry);
    byType.set(type, list);
  });
  return { byType, medications, timeZone };
}
