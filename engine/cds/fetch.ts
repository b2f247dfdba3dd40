/**
 * Fetching what the prefetch did not bring (CDS Hooks 2.0: a service may query the client's
 * FHIR server with the `fhirAuthorization` access token). Only the service's own prefetch
 * templates are asked for, with the context patient substituted, by GET, from the given
 * server only: a `next` link elsewhere is not followed. Each call has a deadline, each answer
 * a size limit, a list at most a number of pages. Whatever fails leaves the key absent, so
 * the answer says "not sent" as before — never a 5xx because the FHIR server was slow.
 */
import { readLimited } from './jwks';
import type { PrefetchKey } from './services';

/** Limits of fetching from a FHIR server. */
export interface FhirFetchLimits {
  /** Deadline for everything fetched for one CDS request (ms). Default 5 s. */
  timeoutMs: number;
  /** Largest single answer (bytes). Default 2 MiB. */
  maxBytes: number;
  /** Most pages of one search followed through `next` links. Default 5. */
  maxPages: number;
}

/** The defaults of {@link FhirFetchLimits}. */
export const DEFAULT_FHIR_FETCH_LIMITS: FhirFetchLimits = {
  timeoutMs: 5_000,
  maxBytes: 2 * 1024 * 1024,
  maxPages: 5,
};

/** What to fetch and from where. */
export interface FetchRequest {
  /** The request's `fhirServer` (base URL). */
  fhirServer: string;
  /** The request's `fhirAuthorization.access_token`. */
  accessToken: string;
  /** The service's prefetch templates of the keys not sent. */
  templates: Partial<Record<PrefetchKey, string>>;
  patientId: string;
}

/** One key that could not be fetched, and why (for the log; the card says "not sent"). */
export interface FetchFailure {
  key: PrefetchKey;
  reason: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The base as a URL ending in `/`, so that relative queries resolve beneath it. */
function baseOf(fhirServer: string): URL {
  const url = new URL(fhirServer);
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  url.search = '';
  url.hash = '';
  return url;
}

/** Whether `url` lies under `base` (same origin, path beneath). */
function isUnder(url: URL, base: URL): boolean {
  return url.origin === base.origin && url.pathname.startsWith(base.pathname);
}

async function getJson(
  url: URL,
  token: string,
  limits: FhirFetchLimits,
  signal: AbortSignal,
): Promise<unknown> {
  const response = await fetch(url, {
    method: 'GET',
    redirect: 'error',
    signal,
    headers: { accept: 'application/fhir+json', authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status}`);
  }
  return JSON.parse(await readLimited(response, limits.maxBytes)) as unknown;
}

function nextLink(bundle: Record<string, unknown>): string | undefined {
  const links = bundle['link'];
  if (!Array.isArray(links)) return undefined;
  const next = links.find((l: unknown) => isObject(l) && l['relation'] === 'next') as
    Record<string, unknown> | undefined;
  return typeof next?.['url'] === 'string' ? next['url'] : undefined;
}

/**
 * A search followed through its pages: the entries of every page fetched in one Bundle,
 * which keeps the last `next` link when pages were left (over the limit, or a link off the
 * server), so the list reads as paged, not complete.
 */
async function fetchKey(
  url: URL,
  base: URL,
  token: string,
  limits: FhirFetchLimits,
  signal: AbortSignal,
): Promise<unknown> {
  const first = await getJson(url, token, limits, signal);
  if (!isObject(first) || first['resourceType'] !== 'Bundle') return first;
  const entries: unknown[] = Array.isArray(first['entry'])
    ? [...(first['entry'] as unknown[])]
    : [];
  let page = first;
  for (let pages = 1; ; pages += 1) {
    const next = nextLink(page);
    if (next === undefined) return { ...first, entry: entries, link: [] };
    let nextUrl: URL;
    try {
      nextUrl = new URL(next, base);
    } catch {
      return { ...first, entry: entries, link: [{ relation: 'next', url: next }] };
    }
    if (pages >= limits.maxPages || !isUnder(nextUrl, base))
      return { ...first, entry: entries, link: [{ relation: 'next', url: next }] };
    const answer = await getJson(nextUrl, token, limits, signal);
    if (!isObject(answer) || answer['resourceType'] !== 'Bundle')
      throw new Error('a next page that is not a Bundle');
    if (Array.isArray(answer['entry'])) entries.push(...(answer['entry'] as unknown[]));
    page = answer;
  }
}

/**
 * Fetches the templates of `request` from its FHIR server, in parallel, under one deadline.
 * Returns the values fetched by key, and the keys that failed.
 */
export async function fetchMissing(
  request: FetchRequest,
  limits: FhirFetchLimits = DEFAULT_FHIR_FETCH_LIMITS,
): Promise<{ fetched: Partial<Record<PrefetchKey, unknown>>; failed: FetchFailure[] }> {
  const fetched: Partial<Record<PrefetchKey, unknown>> = {};
  const failed: FetchFailure[] = [];
  let base: URL;
  try {
    base = baseOf(request.fhirServer);
  } catch {
    return { fetched, failed: [] };
  }
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const patient = encodeURIComponent(request.patientId);
  await Promise.all(
    (Object.entries(request.templates) as [PrefetchKey, string][]).map(async ([key, template]) => {
      const query = template.split('{{context.patientId}}').join(patient);
      try {
        const url = new URL(query, base);
        // A template never leaves the server, but check: the query is resolved, not trusted.
        if (!isUnder(url, base)) throw new Error('outside the FHIR server');
        fetched[key] = await fetchKey(url, base, request.accessToken, limits, signal);
      } catch (error) {
        const reason = signal.aborted
          ? 'timed out'
          : error instanceof Error
            ? error.message
            : String(error);
        failed.push({ key, reason });
      }
    }),
  );
  return { fetched, failed };
}
