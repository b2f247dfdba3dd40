/**
 * Reading a CDS Hooks prefetch. Per the specification, a key that is absent was not
 * satisfied by the client; a key whose value is `null` means "no data". Each key's list is
 * given a state (see `ListState` in engine/fhir/types.ts): a searchset Bundle without a
 * `next` link (or `null`) is `complete`; a Bundle with one is `paged`; an OperationOutcome
 * in place of the list, or one inside it that may mean results were left out (entry
 * `search.mode` = `outcome`), makes it `withheld`; an absent key is `not-sent`.
 *
 * Bundles are passed on whole (their OperationOutcome entries taken out, as they are
 * accounted for in the list's state), so the mapper keeps each entry's fullUrl and can
 * resolve `urn:uuid:` references, including to resources that came with `_include`.
 */
import { isOutcome, outcomeText, withholds } from '../fhir/outcomes';
import type { ListStatus } from '../fhir/types';
import { PREFETCH_KEYS, type PrefetchKey } from './services';

/** What the prefetch gave. */
export interface UnpackedPrefetch {
  /** Every resource found; Bundles passed on whole, without their OperationOutcome entries. */
  resources: unknown[];
  /** Resource types whose complete list was given. */
  completeTypes: string[];
  /** The state of each key's list, for the mapper (`lists` of factsFromFhir). */
  lists: ListStatus[];
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

/** A Bundle entry that is an OperationOutcome (by resource type or `search.mode`). */
function outcomeEntry(entry: unknown): Record<string, unknown> | undefined {
  if (!isObject(entry)) return undefined;
  const resource = entry['resource'];
  if (isObject(resource) && isOutcome(resource)) return resource;
  const search = entry['search'];
  if (isObject(search) && search['mode'] === 'outcome') {
    return isObject(resource) ? resource : { resourceType: 'OperationOutcome' };
  }
  return undefined;
}

/** Unpacks `prefetch` for a service whose templates have `keys`. */
export function unpackPrefetch(
  prefetch: Record<string, unknown>,
  keys: readonly PrefetchKey[],
): UnpackedPrefetch {
  const out: UnpackedPrefetch = {
    resources: [],
    completeTypes: [],
    lists: [],
    notProvided: [],
    problems: [],
  };
  for (const key of keys) {
    const type = PREFETCH_KEYS[key];
    const state = (s: ListStatus['state'], message?: string): void => {
      out.lists.push({
        type,
        state: s,
        source: key,
        ...(message === undefined ? {} : { message }),
      });
      if (s === 'complete') out.completeTypes.push(type);
    };
    if (!Object.hasOwn(prefetch, key)) {
      out.notProvided.push(key);
      state('not-sent');
      continue;
    }
    const value = prefetch[key];
    if (value === null) {
      state('complete');
      continue;
    }
    if (!isObject(value)) {
      out.problems.push({ key, message: 'not a FHIR resource or Bundle' });
      out.notProvided.push(key);
      state('not-sent');
      continue;
    }
    if (isOutcome(value)) {
      out.problems.push({
        key,
        message: `the client could not fetch it (OperationOutcome: ${outcomeText(value)})`,
      });
      out.notProvided.push(key);
      state('withheld', outcomeText(value));
      continue;
    }
    if (value['resourceType'] !== 'Bundle') {
      out.resources.push(value);
      if (key !== 'patient') state('complete');
      continue;
    }
    const entries = Array.isArray(value['entry']) ? (value['entry'] as unknown[]) : [];
    const outcomes = entries.map(outcomeEntry).filter((o) => o !== undefined);
    // Included resources (search mode "include", e.g. Medication) are read too.
    out.resources.push({ ...value, entry: entries.filter((e) => outcomeEntry(e) === undefined) });
    const withholding = outcomes.filter(withholds);
    if (withholding.length > 0) {
      const message = withholding.map(outcomeText).join('; ');
      out.problems.push({ key, message: `results may have been withheld (${message})` });
      state('withheld', message);
    } else if (hasNextPage(value)) {
      out.problems.push({ key, message: 'only the first page of results was sent' });
      state('paged');
    } else {
      state('complete');
    }
  }
  return out;
}
