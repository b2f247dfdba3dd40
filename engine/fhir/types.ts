/**
 * Public shapes of the FHIR R4 → patient facts mapping. The mapper is pure (no Node
 * built-ins): it runs in services and in the browser alike.
 */
import type { FhirResource } from 'fhir/r4';
import type { MedicationCoding } from '../terminology/medication-codes';

/** The resources the mapper reads; anything else in the input is ignored. */
export type { FhirResource };
/** One row of the terminology table (defined with its parser, in engine/terminology). */
export type { MedicationCoding };

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

/**
 * How much of one resource type's list the caller was given:
 * - `complete`: the whole list (a searchset Bundle without a next page, or `null` for none);
 * - `not-sent`: the list was asked for but not given (a missing prefetch key);
 * - `paged`: only the first page (a Bundle with a `next` link);
 * - `withheld`: the source answered, or added to the list, an OperationOutcome saying
 *   results were withheld or could not be returned.
 */
export type ListState = 'complete' | 'not-sent' | 'paged' | 'withheld';

/** The state of the list of one resource type, and where it came from (a prefetch key). */
export interface ListStatus {
  readonly type: string;
  readonly state: ListState;
  /** The prefetch key or other name of the list, shown verbatim in uncertain entries. */
  readonly source?: string;
  /** What the source said, when it said something (an OperationOutcome's text). */
  readonly message?: string;
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
   * Resource types whose complete list was searched (a prefetch Bundle or `null`). A
   * medication list type (MedicationStatement, MedicationRequest) neither here nor
   * `complete` in `lists` is taken as not sent: it adds an uncertain `list-incomplete`
   * entry, so an empty list never says "no medication" by accident.
   */
  completeTypes?: readonly string[];
  /** Per resource type, how much of its list was given; overrides `completeTypes` for that type. */
  lists?: readonly ListStatus[];
  /** Codes in other systems that name an ATC substance (a cited terminology table). */
  medicationCodes?: readonly MedicationCoding[];
  /**
   * The IANA zone whose calendar days record dateTimes are read as (a dateTime with an
   * offset becomes the day of that instant there). Default: the pathway's zone
   * (`timeZoneOf(pathway)`), which `asOf` is a day of too.
   */
  timeZone?: string;
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
