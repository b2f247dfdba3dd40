/**
 * Small, defensive readers for FHIR JSON: codings, dates and references. Input comes from
 * other systems, so every reader accepts `unknown` and answers undefined for anything
 * malformed instead of throwing.
 */
import { readDateTime } from '../model/dates';

/** A declared code from the fact dictionary (`source.fhir.codes`). */
export interface DeclaredCode {
  readonly system: string;
  readonly code: string;
  readonly display?: string | undefined;
  readonly value?: string | number | boolean | undefined;
}

/** A coding as read from a resource: fields that are not strings are dropped. */
export interface ReadCoding {
  system?: string;
  code?: string;
  display?: string;
}

/** The WHO ATC code system URI. */
export const ATC_SYSTEM = 'http://www.whocc.no/atc';
/** The UCUM code system URI. */
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

/** Code systems whose sub-codes extend the parent code (F11.2 → F11.20, MG30 → MG30.0). */
const HIERARCHICAL_SYSTEMS = new Set([
  'http://hl7.org/fhir/sid/icd-10',
  'http://hl7.org/fhir/sid/icd-10-cm',
  'http://id.who.int/icd/release/11/mms',
]);

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Codings already read, by concept object, during one mapping ({@link withReadCache}). A
 * concept is read again for every fact that looks at its resource (ten score facts each scan
 * every Observation), so within one mapping each concept is read once. Outside a mapping
 * nothing is kept, so a caller that changes a resource and reads it again sees the change.
 */
let readCodings: WeakMap<object, readonly ReadCoding[]> | undefined;
/** Dates already read during one mapping, by zone and text (a record's date is read per fact). */
let readDates: Map<string, ReadDate> | undefined;

/**
 * Runs `work` (synchronous: one mapping of one request's resources) with the codings of each
 * concept read once; the memory is dropped when it returns.
 */
export function withReadCache<T>(work: () => T): T {
  if (readCodings !== undefined) return work();
  readCodings = new WeakMap();
  readDates = new Map();
  try {
    return work();
  } finally {
    readCodings = undefined;
    readDates = undefined;
  }
}

/**
 * The codings of a CodeableConcept (malformed entries skipped). The array is shared between
 * calls on the same concept object: callers must not change it.
 */
export function codingsOf(concept: unknown): readonly ReadCoding[] {
  if (!isObject(concept)) return [];
  const known = readCodings?.get(concept);
  if (known !== undefined) return known;
  const coding = concept['coding'];
  if (!Array.isArray(coding)) return [];
  const out: ReadCoding[] = [];
  for (const entry of coding as unknown[]) {
    if (!isObject(entry)) continue;
    // Keys in the order system, code, display, as before; absent or non-text ones left out.
    const read: ReadCoding = {};
    const system = text(entry['system']);
    if (system !== undefined) read.system = system;
    const code = text(entry['code']);
    if (code !== undefined) read.code = code;
    const display = text(entry['display']);
    if (display !== undefined) read.display = display;
    out.push(read);
  }
  readCodings?.set(concept, out);
  return out;
}

/** The first code of `concept` in `system`. */
export function codeIn(concept: unknown, system: string): string | undefined {
  return codingsOf(concept).find((c) => c.system === system)?.code;
}

/** True when `coding` is `declared`, or (in ICD-10/ICD-11) one of its sub-codes. */
export function codingMatches(coding: ReadCoding, declared: DeclaredCode): boolean {
  if (coding.system !== declared.system || coding.code === undefined) return false;
  if (coding.code === declared.code) return true;
  if (!HIERARCHICAL_SYSTEMS.has(declared.system)) return false;
  const stem = declared.code.includes('.') ? declared.code : `${declared.code}.`;
  return coding.code.startsWith(stem);
}

/** The declared codes a concept carries. */
export function matchingCodes(concept: unknown, declared: readonly DeclaredCode[]): DeclaredCode[] {
  const codings = codingsOf(concept);
  return declared.filter((d) => codings.some((c) => codingMatches(c, d)));
}

/** True when a concept carries any of the declared codes (`matchingCodes` is not empty). */
export function carriesCode(concept: unknown, declared: readonly DeclaredCode[]): boolean {
  const codings = codingsOf(concept);
  for (const d of declared) for (const c of codings) if (codingMatches(c, d)) return true;
  return false;
}

/**
 * A declared code written in the wrong (or no) system, such as LOINC 72514-3 sent as
 * `http://snomed.info/sct`: reported, never matched.
 */
export function misplacedCode(
  concept: unknown,
  declared: readonly DeclaredCode[],
): { coding: ReadCoding; expected: DeclaredCode } | undefined {
  for (const coding of codingsOf(concept)) {
    if (declared.some((d) => codingMatches(coding, d))) return undefined;
  }
  for (const coding of codingsOf(concept)) {
    const expected = declared.find((d) => d.code === coding.code && d.system !== coding.system);
    if (expected !== undefined) return { coding, expected };
  }
  return undefined;
}

/** A FHIR date or dateTime read as a calendar day plus an instant for ordering. */
export type ReadDate =
  | { kind: 'date'; date: string; instant: number }
  | { kind: 'partial'; text: string }
  | { kind: 'invalid'; text: string };

const PARTIAL = /^\d{4}(?:-\d{2})?$/;

/**
 * Reads a FHIR `date`/`dateTime`/`instant`. The calendar day of a dateTime with an offset is
 * the day of that instant in `timeZone` (the pathway's: a pain score written at 00:30+01:00
 * on 1 March counts on 1 March in Stockholm, and at 00:30+13:00 on 28 February there); a
 * plain date is the day written. The instant orders values taken on the same day.
 */
export function readDate(value: unknown, timeZone: string): ReadDate | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return { kind: 'invalid', text: JSON.stringify(value) };
  const key = `${timeZone}|${value}`;
  const known = readDates?.get(key);
  if (known !== undefined) return known;
  let date: ReadDate;
  if (PARTIAL.test(value)) date = { kind: 'partial', text: value };
  else {
    const read = readDateTime(value, timeZone);
    date = read === undefined ? { kind: 'invalid', text: value } : { kind: 'date', ...read };
  }
  readDates?.set(key, date);
  return date;
}

/** The id part of a reference such as `Patient/123` (or a full URL ending in it). */
export function referencedId(reference: unknown, type: string): string | undefined {
  if (!isObject(reference)) return undefined;
  const ref = reference['reference'];
  if (typeof ref !== 'string') return undefined;
  const match = new RegExp(`(?:^|/)${type}/([^/]+)(?:/_history/[^/]+)?$`).exec(ref);
  return match?.[1];
}
