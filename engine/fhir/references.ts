/**
 * FHIR references as EHRs write them: relative (`Patient/123`), absolute URLs, `urn:uuid:`
 * fullUrls of Bundle entries, contained resources (`#id`) and logical references by
 * identifier. A reference that cannot be resolved is said to be so, never guessed.
 */
import { isObject } from './codes';

/** A resource and the `fullUrl` its Bundle entry gave it. */
export interface Located {
  readonly resource: Record<string, unknown>;
  readonly fullUrl?: string;
}

/** `Type/id` at the end of a relative or absolute reference (a `_history` suffix dropped). */
export function typedId(reference: string): { type: string; id: string } | undefined {
  const match = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(
    reference,
  );
  return match?.[1] === undefined || match[2] === undefined
    ? undefined
    : { type: match[1], id: match[2] };
}

/** The `reference` string of a Reference, if it has one. */
export function referenceText(reference: unknown): string | undefined {
  if (!isObject(reference)) return undefined;
  const ref = reference['reference'];
  return typeof ref === 'string' && ref.length > 0 ? ref : undefined;
}

/** The identifier (system and value) of a logical Reference, if it has one. */
export function referenceIdentifier(
  reference: unknown,
): { system: string; value: string } | undefined {
  if (!isObject(reference) || !isObject(reference['identifier'])) return undefined;
  const { system, value } = reference['identifier'];
  return typeof system === 'string' && typeof value === 'string' ? { system, value } : undefined;
}

/** The identifiers (system and value) a resource carries. */
export function identifiersOf(
  resource: Record<string, unknown>,
): { system: string; value: string }[] {
  const list = resource['identifier'];
  if (!Array.isArray(list)) return [];
  return (list as unknown[]).flatMap((i) =>
    isObject(i) && typeof i['system'] === 'string' && typeof i['value'] === 'string'
      ? [{ system: i['system'], value: i['value'] }]
      : [],
  );
}

/**
 * Resolves `reference` (made by `from`) to a resource of `type`: a contained resource
 * (`#id`), a Bundle entry whose fullUrl is the reference (`urn:uuid:…`, absolute URL), or
 * one with that type and id (`Type/id`, or an absolute URL ending in it).
 */
export function resolve(
  reference: string,
  type: string,
  from: Record<string, unknown>,
  byFullUrl: ReadonlyMap<string, Located>,
  byId: ReadonlyMap<string, Located>,
): Record<string, unknown> | undefined {
  if (reference.startsWith('#')) {
    const contained = Array.isArray(from['contained']) ? (from['contained'] as unknown[]) : [];
    const found = contained.find(
      (c) => isObject(c) && c['resourceType'] === type && c['id'] === reference.slice(1),
    );
    return isObject(found) ? found : undefined;
  }
  const exact = byFullUrl.get(reference);
  if (exact !== undefined) {
    return exact.resource['resourceType'] === type ? exact.resource : undefined;
  }
  if (reference.startsWith('urn:')) return undefined;
  const parsed = typedId(reference);
  if (parsed?.type !== type) return undefined;
  return byId.get(`${type}/${parsed.id}`)?.resource;
}

/** The patient in context: its id, the fullUrls it came under and its identifiers. */
export interface PatientIdentity {
  readonly id: string;
  readonly fullUrls: ReadonlySet<string>;
  readonly identifiers: readonly { system: string; value: string }[];
}

/** Whether a subject reference is the patient in context. */
export type SubjectMatch =
  | { readonly kind: 'same' }
  | { readonly kind: 'other'; readonly message: string }
  | { readonly kind: 'unresolved'; readonly reference: string; readonly message: string };

/**
 * Decides whether `subject` is `patient`: by `Patient/id` (relative or absolute), by a
 * `urn:uuid:`/URL equal to the fullUrl of a Bundle entry (the patient's, or another
 * Patient's), or by an identifier. An identifier in a system the patient also has, with
 * another value, is another patient; anything else that cannot be tied to a Patient is
 * unresolved.
 */
export function matchSubject(
  subject: unknown,
  patient: PatientIdentity,
  byFullUrl: ReadonlyMap<string, Located>,
): SubjectMatch {
  const ref = referenceText(subject);
  if (ref !== undefined) {
    if (patient.fullUrls.has(ref)) return { kind: 'same' };
    const target = byFullUrl.get(ref);
    if (target !== undefined) {
      const id = target.resource['id'];
      if (target.resource['resourceType'] === 'Patient' && id === patient.id)
        return { kind: 'same' };
      return { kind: 'other', message: `about ${ref}, not Patient/${patient.id}` };
    }
    const parsed = ref.startsWith('urn:') ? undefined : typedId(ref);
    if (parsed !== undefined) {
      if (parsed.type === 'Patient' && parsed.id === patient.id) return { kind: 'same' };
      return {
        kind: 'other',
        message: `about ${parsed.type}/${parsed.id}, not Patient/${patient.id}`,
      };
    }
  }
  const identifier = referenceIdentifier(subject);
  if (identifier !== undefined) {
    const same = patient.identifiers.filter((i) => i.system === identifier.system);
    if (same.some((i) => i.value === identifier.value)) return { kind: 'same' };
    if (same.length > 0) {
      return {
        kind: 'other',
        message: `about the patient with ${identifier.system}|${identifier.value}, not Patient/${patient.id}`,
      };
    }
  }
  const shown =
    ref ?? (identifier === undefined ? undefined : `${identifier.system}|${identifier.value}`);
  return shown === undefined
    ? { kind: 'unresolved', reference: '(no subject)', message: 'no subject reference' }
    : {
        kind: 'unresolved',
        reference: shown,
        message: `subject ${shown} cannot be tied to Patient/${patient.id} with the data given`,
      };
}
