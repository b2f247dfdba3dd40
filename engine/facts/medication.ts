/**
 * A medication on the patient's current list, as the input carries it
 * (`{ "atc": "N02AA05", "dose": 40, "unit": "mg/day", "since": "2026-01-10" }`).
 *
 * A record the caller could not read fully is still listed, marked `uncertain` with a
 * stable reason: a drug coded in a system nobody could classify, a reference that could not
 * be resolved, a resource without a status, results withheld, or a list that was not sent
 * or only partly sent. Such an entry may or may not be a current drug of any class (of the
 * class its `atc` names, when it has one), so the drug-class facts it could change become
 * unknown or a lower bound, never false or 0.
 */
import { isAtcCode } from './atc';

/** Dose units: `mg/day` for oral and other doses, `ug/h` for patches. */
export const MEDICATION_UNITS = ['mg/day', 'ug/h'] as const;
export type MedicationUnit = (typeof MEDICATION_UNITS)[number];

/** The fields a medication may have; any other key is an input error. */
export const MEDICATION_KEYS = [
  'atc',
  'dose',
  'unit',
  'since',
  'doseIncreasedAt',
  'name',
  'uncertain',
] as const;

/**
 * Why an entry is uncertain. Stable codes: callers and texts match on them.
 * - `unclassified-code`: the drug is coded, but in no system and code the reader can map to ATC.
 * - `no-code`: the record names no drug code at all (free text only, or several conflicting codes).
 * - `unresolved-reference`: the record points to a Medication that was not in the data.
 * - `status-unknown`: the record has no status, so it may be a current drug.
 * - `withheld`: the source said results were withheld or could not be returned.
 * - `list-incomplete`: a medication list was not sent, or only its first page.
 */
export const UNCERTAINTY_REASONS = [
  'unclassified-code',
  'no-code',
  'unresolved-reference',
  'status-unknown',
  'withheld',
  'list-incomplete',
] as const;
export type UncertaintyReason = (typeof UNCERTAINTY_REASONS)[number];

/** What makes an entry uncertain: a reason code and, verbatim, the data that caused it. */
export interface Uncertainty {
  readonly reason: UncertaintyReason;
  /** The code, reference or list concerned, as the record gave it (shown, never interpreted). */
  readonly detail?: string;
}

/** The fields an uncertain entry may omit; see {@link Medication}. */
export const UNCERTAINTY_KEYS = ['reason', 'detail'] as const;

/**
 * One drug on the current list. `atc` is required unless the entry is `uncertain`: a drug
 * without a dose still counts for its class.
 */
export interface Medication {
  /** WHO ATC substance code; absent only on an uncertain entry that could not be classified. */
  readonly atc?: string;
  /**
   * Daily dose in `unit`; absent when the record only has free text (never parsed). For a
   * combination product (N02AA55, N02AJ13, …) the dose of its opioid component.
   */
  readonly dose?: number;
  readonly unit?: MedicationUnit;
  /** Start of continuous treatment with this substance, ISO `YYYY-MM-DD`. */
  readonly since?: string;
  /** The date of the latest dose increase, ISO `YYYY-MM-DD`. */
  readonly doseIncreasedAt?: string;
  readonly name?: string;
  /** Present when the record could not be read fully: the entry may or may not be a current drug. */
  readonly uncertain?: Uncertainty;
}

/** True for an entry known to be a current drug with a known ATC code. */
export function isCertain(med: Medication): med is Medication & { readonly atc: string } {
  return med.uncertain === undefined && med.atc !== undefined;
}

/**
 * A structural check for a list that has been through `validateInput`. Derivation trusts
 * validated input but still refuses anything else, rather than reading garbage.
 */
export function isMedicationList(value: unknown): value is readonly Medication[] {
  return (
    Array.isArray(value) &&
    value.every((m: unknown) => {
      if (typeof m !== 'object' || m === null) return false;
      const med = m as { atc?: unknown; dose?: unknown; since?: unknown; uncertain?: unknown };
      const uncertain = typeof med.uncertain === 'object' && med.uncertain !== null;
      return (
        (isAtcCode(med.atc) || (med.atc === undefined && uncertain)) &&
        ['undefined', 'number'].includes(typeof med.dose) &&
        ['undefined', 'string'].includes(typeof med.since)
      );
    })
  );
}
