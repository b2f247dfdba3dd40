/**
 * Reading a CDS Hooks prefetch. Per the specification, a key that is absent was not
 * satisfied by the client; a key whose value is `null` means "no data". A searchset Bundle
 * without a `next` link (or `null`) is a complete list of its resource type.
 */
import { PREFETCH_KEYS, type PrefetchKey } from './services';

/** What the prefetch gave. */
export interface UnpackedPrefetch {
  /** Every resource found, Bundles unpacked. */
  resources: unknown[];
  /** Resource types whose complete list was given. */
  completeTypes: string[];
  /** Keys of the service's templates that the request did not satisfy. */
  notProvided: PrefetchKey[];
  /** Problems with the prefetch itself (an OperationOutcome, a paged Bundle …). */
  problems: { key: string; message: string }[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasNextPage(bundle: Record<string, unknown>): boolean {
  const links = bundle['link'];
  return (
    Array.isArray(links) && links.some((l: unknown) => isObject(l) && l['relation'] === 'next')
  );
}

/** Unpacks `prefetch` for a service whose templates have `keys`. */
export function unpackPrefetch(
  prefetch: Record<string, unknown>,
  keys: readonly PrefetchKey[],
): UnpackedPrefetch {
  const out: UnpackedPrefetch = { resources: [], completeTypes: [], notProvided: [], problems: [] };
  for (const key of keys) {
    const type = PREFETCH_KEYS[key];
    if (!Object.hasOwn(prefetch, key)) {
      out.notProvided.push(key);
      continue;
    }
    const value = prefetch[key];
    if (value === null) {
      out.completeTypes.push(type);
      continue;
    }
    if (!isObject(value)) {
      out.problems.push({ key, message: 'not a FHIR resource or Bundle' });
      out.notProvided.push(key);
      continue;
    }
    if (value['resourceType'] === 'OperationOutcome') {
      out.problems.push({ key, message: 'the client could not fetch it (OperationOutcome)' });
      out.notProvided.push(key);
      continue;
    }
    if (value['resourceType'] !== 'Bundle') {
      out.resources.push(value);
      if (key !== 'patient') out.completeTypes.push(type);
      continue;
    }
    const entries = Array.isArray(value['entry']) ? (value['entry'] as unknown[]) : [];
    for (const entry of entries) {
      if (isObject(entry) && entry['resource'] !== undefined) {
        // Included resources (search mode "include", e.g. Medication) are read too.
        out.resources.push(entry['resource']);
      }
    }
    if (hasNextPage(value)) {
      out.problems.push({ key, message: 'only the first page of results was sent' });
    } else {
      out.completeTypes.push(type);
    }
  }
  return out;
}
