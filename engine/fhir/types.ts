/**
 * Public shapes of the FHIR R4 → patient facts mapping. The mapper is pure (no Node
 * built-ins): it runs in services and in the browser alike.
 */
import type { FhirResource } from 'fhir/r4';
import type { MedicationCoding } from '../terminology/medication-codes';

/** The resources the mapper reads; anything else in the input is ignored. */
export type { FhirResource };

/** A resource that was malformed or unusable and was skipped (or partly used), never a crash. */
export interface FhirProblem {
  /** `ResourceType/id`, or `ResourceType/#index` for a resource without an id. */
  resource: string;
  /** The fact concerned, when the problem is about one fact. */
  fact?: string;
  message: string;
}

/** A caveat about a resource that was used (a free-text dose, a possible duplicate). */
export interface FhirNote {
  resource: string;
  fact?: string;
  message: string;
}

/** A fact the dictionary maps from FHIR, but whose declaration the mapper cannot act on. */
export interface UnmappedFact {
  fact: string;
  reason: string;
}

/** Options of {@link factsFromFhir}. */
export interface FhirMappingOptions {
  /** The evaluation date (YYYY-MM-DD): ages and durations are computed on it; later data is not used. */
  asOf: string;
  /** The patient's FHIR id: resources about another patient are reported and skipped. */
  patientId?: string;
  /** Entry date of the patient's current step, for `closest-to-step-entry` facts (baselines). */
  stepEnteredAt?: string;
  /**
   * Resource types whose complete list was searched (a prefetch Bundle or `null`). An empty
   * complete medication list means "no current medications" (a known empty list); without
   * it, no medication resources leave `medications` unknown.
   */
  completeTypes?: readonly string[];
  /**
   * RxNorm and SNOMED CT codes mapped to ATC substance codes (the table shipped in
   * terminology/, see docs/terminology.md), so a medication coded only in those systems can
   * be classified. A code not in it leaves the medication unclassified.
   */
  medicationCodes?: readonly MedicationCoding[];
}

/** What {@link factsFromFhir} answers. */
export interface FhirMappingResult {
  /** Facts found, each checked against the fact dictionary (type, range, values). */
  facts: Record<string, unknown>;
  /** Facts the dictionary maps from FHIR that the data did not give (sorted by dictionary order). */
  missing: string[];
  /** Malformed or unusable resources and values, skipped. */
  problems: FhirProblem[];
  /** Caveats about data that was used. */
  notes: FhirNote[];
  /** Facts whose declaration the mapper cannot act on (they are also in `missing`). */
  unmapped: UnmappedFact[];
}
