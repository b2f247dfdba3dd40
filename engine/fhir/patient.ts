/** Facts read from the Patient resource: age from birthDate, and gender. */
import { daysBetween } from '../model/dates';
import { readDate } from './codes';
import type { Report } from './report';
import type { ResourceIndex } from './resources';
import type { Found } from './scores';

/** Whole years from `birth` to `asOf` (a birthday on 29 February counts from 1 March in other years). */
export function wholeYears(birth: string, asOf: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

/** `birthDate-age`. Two different patients, a partial or future birth date: reported, unknown. */
export function readAge(
  index: ResourceIndex,
  asOf: string,
  report: Report,
  fact: string,
): Found<number> | undefined {
  const patients = index.byType.get('Patient') ?? [];
  if (patients.length > 1) {
    for (const p of patients)
      report.problem(p.label, 'more than one Patient in the data: age not read', fact);
    return undefined;
  }
  const patient = patients[0];
  if (patient === undefined) return undefined;
  const date = readDate(patient.resource['birthDate'], index.timeZone);
  if (date === undefined) {
    report.problem(patient.label, 'no birthDate', fact);
    return undefined;
  }
  if (date.kind !== 'date') {
    report.problem(patient.label, `birthDate ${date.text} is not a full date: age unknown`, fact);
    return undefined;
  }
  if (daysBetween(asOf, date.date) > 0) {
    report.problem(
      patient.label,
      `birthDate ${date.date} is after the evaluation date ${asOf}: age unknown`,
      fact,
    );
    return undefined;
  }
  return { value: wholeYears(date.date, asOf), from: patient.label };
}

/** The administrative genders FHIR R4 defines that name a value (`unknown` names none). */
const GENDERS = ['male', 'female', 'other'] as const;

/**
 * `gender`: Patient.gender as the fact's value. `unknown`, absent, or more than one Patient
 * leaves the fact unknown (reported when the data says something unusable).
 */
export function readGender(
  index: ResourceIndex,
  report: Report,
  fact: string,
): Found<string> | undefined {
  const patients = index.byType.get('Patient') ?? [];
  if (patients.length > 1) {
    for (const p of patients)
      report.problem(p.label, 'more than one Patient in the data: gender not read', fact);
    return undefined;
  }
  const patient = patients[0];
  const gender = patient?.resource['gender'];
  if (patient === undefined || gender === undefined || gender === 'unknown') return undefined;
  if (typeof gender !== 'string' || !(GENDERS as readonly string[]).includes(gender)) {
    report.problem(
      patient.label,
      `gender ${JSON.stringify(gender)} is not a FHIR gender code`,
      fact,
    );
    return undefined;
  }
  return { value: gender, from: patient.label };
}
