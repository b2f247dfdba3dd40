/**
 * Which WHO ATC substance a medication concept names. ATC is read under its URL and under
 * its HL7 OID, in any letter case; codes in other systems (RxNorm, SNOMED CT) only through
 * the terminology table the caller passes (`medicationCodes`): the engine holds no table.
 * A concept the reader cannot classify says why, so the drug is listed as uncertain instead
 * of vanishing.
 */
import { isAtcCode } from '../facts/atc';
import type { UncertaintyReason } from '../facts/medication';
import { ATC_SYSTEM, codingsOf, isObject, type ReadCoding } from './codes';
import type { MedicationCoding } from './types';

/** The HL7 OID of WHO ATC, as some records write the system. */
export const ATC_OID = 'urn:oid:2.16.840.1.113883.6.73';
/** The code systems read as WHO ATC. */
export const ATC_SYSTEMS: readonly string[] = [ATC_SYSTEM, ATC_OID];
/** RxNorm, read through the terminology table. */
export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
/** SNOMED CT, read through the terminology table. */
export const SNOMED_SYSTEM = 'http://snomed.info/sct';

/** A concept's substance: its ATC code, or why there is none. */
export type ConceptRead =
  | { readonly atc: string; readonly display?: string }
  | { readonly reason: UncertaintyReason; readonly detail?: string; readonly message: string };

/** `system|code` as FHIR search writes a token (`|code` for a code without a system). */
export function token(coding: ReadCoding): string {
  return `${coding.system ?? ''}|${coding.code ?? ''}`;
}

/** Tables already built, by the rows they were built from (the service passes one array). */
const tables = new WeakMap<readonly MedicationCoding[], ReadonlyMap<string, MedicationCoding>>();

/**
 * A lookup of `medicationCodes` by `system|code`, built once per rows array (a terminology
 * table is loaded once and never changed in place; every request used to rebuild it).
 */
export function codeTable(
  rows: readonly MedicationCoding[] | undefined,
): ReadonlyMap<string, MedicationCoding> {
  if (rows === undefined) return new Map();
  const known = tables.get(rows);
  if (known !== undefined) return known;
  const table = new Map<string, MedicationCoding>();
  for (const row of rows) table.set(`${row.system}|${row.code.trim()}`, row);
  tables.set(rows, table);
  return table;
}

/** The ATC codes (upper case, trimmed) a concept carries under either ATC system. */
function atcCodings(codings: readonly ReadCoding[]): { code: string; display?: string }[] {
  const out: { code: string; display?: string }[] = [];
  for (const c of codings) {
    if (c.system === undefined || c.code === undefined || !ATC_SYSTEMS.includes(c.system)) continue;
    const code = c.code.trim().toUpperCase();
    if (!out.some((o) => o.code === code))
      out.push({ code, ...(c.display === undefined ? {} : { display: c.display }) });
  }
  return out;
}

/** One substance from a list of candidate codes, or why not. */
function single(
  found: readonly { code: string; display?: string }[],
  detail: (code: string) => string,
): ConceptRead {
  const [first] = found;
  if (first === undefined) return { reason: 'no-code', message: 'no code' };
  if (found.length > 1) {
    const codes = found.map((f) => f.code).join(', ');
    return { reason: 'no-code', detail: codes, message: `several ATC codes (${codes})` };
  }
  if (!isAtcCode(first.code)) {
    return {
      reason: 'unclassified-code',
      detail: detail(first.code),
      message: `ATC ${first.code} is not a 7-character substance code`,
    };
  }
  return { atc: first.code, ...(first.display === undefined ? {} : { display: first.display }) };
}

/**
 * Reads the substance of a medication CodeableConcept: ATC first (several different ATC
 * codes are a conflict, never a guess); otherwise every coding found in the table (they
 * must agree on one ATC code); otherwise `unclassified-code` naming the codings, or
 * `no-code` when the concept has no coding at all.
 */
export function readSubstance(
  concept: unknown,
  table: ReadonlyMap<string, MedicationCoding>,
): ConceptRead {
  const codings = codingsOf(concept).filter((c) => c.code !== undefined);
  const atc = atcCodings(codings);
  if (atc.length > 0) {
    const system = codings.find((c) => c.code?.trim().toUpperCase() === atc[0]?.code)?.system;
    return single(atc, (code) => `${system ?? ATC_SYSTEM}|${code}`);
  }
  const mapped: { code: string; display?: string }[] = [];
  for (const c of codings) {
    const row = table.get(`${c.system ?? ''}|${(c.code ?? '').trim()}`);
    if (row === undefined) continue;
    const code = row.atc.trim().toUpperCase();
    const display = c.display ?? row.display;
    if (!mapped.some((m) => m.code === code))
      mapped.push({ code, ...(display === undefined ? {} : { display }) });
  }
  if (mapped.length > 0) return single(mapped, (code) => code);
  if (codings.length > 0) {
    const detail = codings.map(token).join(', ');
    return {
      reason: 'unclassified-code',
      detail,
      message: `coded only as ${detail}, which maps to no ATC code`,
    };
  }
  const text = isObject(concept) && typeof concept['text'] === 'string';
  return {
    reason: 'no-code',
    message: text ? 'no drug code, only text' : 'no drug code',
  };
}
