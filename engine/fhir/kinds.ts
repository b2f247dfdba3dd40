/**
 * How a fact is read from FHIR, decided only from its dictionary entry: `source.fhir`
 * (resource, codes, `map`) plus the fact's type and allowed values. No pathway is special.
 *
 * `map` may name a kind (`latest-value`, or `latest-value: any comment`). Pathway files
 * written before the kinds existed describe the mapping in words; the few phrasings below
 * are recognised. A `map` text that is neither makes the fact unmapped rather than guessed.
 */
import type { Fact } from '../model/types';
import type { DeclaredCode } from './codes';

/** The mapping rules the mapper knows. */
export const MAP_KINDS = [
  /** Patient.birthDate → age in whole years on the evaluation date. */
  'birthDate-age',
  /** Patient.gender → `male`, `female` or `other`; `unknown` or absent leaves the fact unknown. */
  'gender',
  /** Earliest onset of an active matching Condition → months to the evaluation date. */
  'onset-months',
  /** Latest matching Observation or QuestionnaireResponse answer → number. */
  'latest-value',
  /** The matching value closest to the current step's entry date (a baseline). */
  'closest-to-step-entry',
  /** true when an active matching Condition exists (never false from absence). */
  'active-condition-boolean',
  /** Active matching Conditions → the fact values their codes stand for. */
  'condition-code-to-value',
  /** Active MedicationStatement/MedicationRequest with an ATC code → medications. */
  'medications',
] as const;
export type MapKind = (typeof MAP_KINDS)[number];

/** A fact's mapping, ready to apply. */
export interface FactMapping {
  readonly fact: Fact;
  readonly kind: MapKind;
  readonly resource: string;
  readonly codes: readonly DeclaredCode[];
  /** For `condition-code-to-value`: the value of each declared code. */
  readonly values?: ReadonlyMap<DeclaredCode, string | number | boolean>;
  /**
   * For `condition-code-to-value` (`source.fhir.recentMonths`): a Condition counts only when
   * suspected or with an onset (else recordedDate) this many months before the evaluation date.
   */
  readonly recentMonths?: number;
  /** For `condition-code-to-value` (`source.fhir.noneFound`): the "checked, none found" record. */
  readonly noneFound?: NoneFoundCode;
}

/** An Observation code that records "checked, none found", valid for `withinMonths`. */
export interface NoneFoundCode extends DeclaredCode {
  readonly withinMonths: number;
}

export type MappingDecision =
  { ok: true; mapping: FactMapping } | { ok: false; reason: string } | { ok: 'none' };

/** Phrasings of the `map` text recognised in pathway files written before map kinds. */
const PHRASES: readonly { pattern: RegExp; kind: MapKind }[] = [
  { pattern: /^active MedicationStatement or MedicationRequest\b/i, kind: 'medications' },
  { pattern: /\bPatient\.birthDate\b.*\bage\b/i, kind: 'birthDate-age' },
  { pattern: /^months from Condition\.onset\b/i, kind: 'onset-months' },
  { pattern: /^latest (?:Observation|QuestionnaireResponse|value)\b/i, kind: 'latest-value' },
  { pattern: /\bclosest to the current step's entry date\b/i, kind: 'closest-to-step-entry' },
  { pattern: /^true when an active Condition\b/i, kind: 'active-condition-boolean' },
  { pattern: /→/, kind: 'condition-code-to-value' },
];

/** Fact types each kind can produce. */
const TYPES: Record<MapKind, readonly Fact['type'][]> = {
  'birthDate-age': ['integer', 'number'],
  gender: ['string'],
  'onset-months': ['integer', 'number'],
  'latest-value': ['integer', 'number'],
  'closest-to-step-entry': ['integer', 'number'],
  'active-condition-boolean': ['boolean'],
  'condition-code-to-value': ['string[]', 'string'],
  medications: ['medications'],
};

function defaultKind(resource: string, type: Fact['type']): MapKind | undefined {
  if (resource === 'Patient') return type === 'string' ? 'gender' : 'birthDate-age';
  if (resource === 'MedicationStatement' || resource === 'MedicationRequest') return 'medications';
  if (resource === 'Observation' || resource === 'QuestionnaireResponse') return 'latest-value';
  if (resource === 'Condition') {
    if (type === 'boolean') return 'active-condition-boolean';
    if (type === 'string[]' || type === 'string') return 'condition-code-to-value';
    if (type === 'number' || type === 'integer') return 'onset-months';
  }
  return undefined;
}

function kindOf(resource: string, type: Fact['type'], map: string | undefined): MapKind | string {
  if (map === undefined || map.trim() === '') {
    return defaultKind(resource, type) ?? `no map kind for a ${type} fact from ${resource}`;
  }
  const head = /^\s*([a-zA-Z-]+)\s*(?::|$)/.exec(map)?.[1];
  const named = MAP_KINDS.find((k) => k === head);
  if (named !== undefined) return named;
  const phrase = PHRASES.find((p) => p.pattern.test(map));
  if (
    phrase !== undefined &&
    (phrase.kind !== 'condition-code-to-value' || resource === 'Condition')
  )
    return phrase.kind;
  return `the map text ${JSON.stringify(map)} names no map kind (${MAP_KINDS.join(', ')})`;
}

/** Reads `CODE[/CODE…] → value` pairs out of a map text. */
function pairsIn(map: string): { codes: string[]; value: string }[] {
  const out: { codes: string[]; value: string }[] = [];
  for (const match of map.matchAll(/([^\s,;:→]+(?:\/[^\s,;:→]+)*)\s*→\s*([A-Za-z][\w-]*)/g)) {
    const codes = (match[1] ?? '').split('/');
    const value = match[2] ?? '';
    out.push({ codes, value });
  }
  return out;
}

function valueMap(
  fact: Fact,
  codes: readonly DeclaredCode[],
  map: string | undefined,
): ReadonlyMap<DeclaredCode, string | number | boolean> | string {
  const out = new Map<DeclaredCode, string | number | boolean>();
  for (const code of codes) if (code.value !== undefined) out.set(code, code.value);
  if (out.size === 0 && map !== undefined) {
    for (const pair of pairsIn(map)) {
      for (const token of pair.codes) {
        const found = codes.filter((c) => c.code === token);
        if (found.length === 0) return `the map text names code ${token}, which is not declared`;
        for (const code of found) out.set(code, pair.value);
      }
    }
  }
  const without = codes.filter((c) => !out.has(c)).map((c) => c.code);
  if (without.length > 0) {
    return `no fact value declared for code(s) ${without.join(', ')} (give each code a value)`;
  }
  if (fact.values !== undefined) {
    const allowed = fact.values;
    const wrong = [...out.values()].filter((v) => typeof v === 'boolean' || !allowed.includes(v));
    if (wrong.length > 0) {
      return `declared value(s) ${wrong.map(String).join(', ')} are not among the fact's values`;
    }
  }
  return out;
}

/** Decides how `fact` is read from FHIR; `{ ok: 'none' }` for facts without a FHIR source. */
export function mappingOf(fact: Fact): MappingDecision {
  const fhir = fact.source?.fhir;
  if (fhir === undefined || fact.derived !== undefined) return { ok: 'none' };
  const kind = kindOf(fhir.resource, fact.type, fhir.map);
  if (!(MAP_KINDS as readonly string[]).includes(kind)) return { ok: false, reason: kind };
  const mapKind = kind as MapKind;
  if (!TYPES[mapKind].includes(fact.type)) {
    return { ok: false, reason: `map kind ${mapKind} cannot give a ${fact.type} value` };
  }
  if (mapKind === 'onset-months' && fact.unit !== undefined && fact.unit !== 'months') {
    return { ok: false, reason: `onset-months gives months, but the fact's unit is ${fact.unit}` };
  }
  if (mapKind === 'birthDate-age' && fact.unit !== undefined && fact.unit !== 'years') {
    return { ok: false, reason: `birthDate-age gives years, but the fact's unit is ${fact.unit}` };
  }
  // Patient fields are read by name, not by code.
  if (mapKind !== 'birthDate-age' && mapKind !== 'gender' && fhir.codes.length === 0) {
    return { ok: false, reason: 'no codes declared' };
  }
  const base = { fact, kind: mapKind, resource: fhir.resource, codes: fhir.codes };
  const { recentMonths, noneFound } = fhir;
  if (mapKind !== 'condition-code-to-value') {
    // Said in the file but unusable for this kind: unmapped, so the author sees it is not applied.
    if (recentMonths !== undefined || noneFound !== undefined) {
      return {
        ok: false,
        reason: `recentMonths and noneFound apply to condition-code-to-value, not ${mapKind}`,
      };
    }
    return { ok: true, mapping: base };
  }
  const values = valueMap(fact, fhir.codes, fhir.map);
  if (typeof values === 'string') return { ok: false, reason: values };
  return {
    ok: true,
    mapping: {
      ...base,
      values,
      ...(recentMonths === undefined ? {} : { recentMonths }),
      ...(noneFound === undefined ? {} : { noneFound }),
    },
  };
}
