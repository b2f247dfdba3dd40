/**
 * A medication on the patient's current list, as the input carries it
 * (`{ "atc": "N02AA05", "dose": 40, "unit": "mg/day", "since": "2026-01-10" }`).
 */
import { isAtcCode } from './atc';

/** Dose units: `mg/day` for oral and other doses, `ug/h` for patches. */
export const MEDICATION_UNITS = ['mg/day', 'ug/h'] as const;
export type MedicationUnit = (typeof MEDICATION_UNITS)[number];

/** The fields a medication may have; any other key is an input error. */
export const MEDICATION_KEYS = ['atc', 'dose', 'unit', 'since', 'name'] as const;

/** One current drug. Only `atc` is required: a drug without a dose still counts for its class. */
export interface Medication {
  readonly atc: string;
  /** Daily dose in `unit`; absent when the record only has free text (never parsed). */
  readonly dose?: number;
  readonly unit?: MedicationUnit;
  /** Start date, ISO `YYYY-MM-DD`. */
  readonly since?: string;
  readonly name?: string;
}

/**
 * A structural check for a list that has been through `validateInput`. Derivation trusts
 * validated input but still refuses anything else, rather than reading garbage.
 */
export function isMedicationList(value: unknown): value is readonly Medication[] {
  return (
    Array.isArray(value) &&
    value.every(
      (m: unknown) =>
        typeof m === 'object' &&
        m !== null &&
        isAtcCode((m as { atc?: unknown }).atc) &&
        ['undefined', 'number'].includes(typeof (m as { dose?: unknown }).dose) &&
        ['undefined', 'string'].includes(typeof (m as { since?: unknown }).since),
    )
  );
}
