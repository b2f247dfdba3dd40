/**
 * The JWK Sets of trusted CDS clients. A set is given inline in the configuration or fetched
 * from the configured URL only (never from a token's `jku`), with a timeout and a size limit,
 * and kept for a time-to-live; an unknown `kid` refetches it, at most once per cool-down, so
 * a stream of forged kids cannot make the service hammer the issuer.
 */
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/** Limits of fetching a JWK Set. */
export interface JwksLimits {
  /** How long a fetched set is used before it is fetched again (ms). Default 10 minutes. */
  ttlMs: number;
  /** Shortest time between two fetches of one set (ms). Default 30 s. */
  cooldownMs: number;
  /** Longest wait for the issuer's answer (ms). Default 5 s. */
  timeoutMs: number;
  /** Largest JWK Set accepted (bytes). Default 64 KiB. */
  maxBytes: number;
}

/** The defaults of {@link JwksLimits}. */
export const DEFAULT_JWKS_LIMITS: JwksLimits = {
  ttlMs: 10 * 60_000,
  cooldownMs: 30_000,
  timeoutMs: 5_000,
  maxBytes: 64 * 1024,
};

/** Why a key set could not be had (a reason code for the 401 answer). */
export class JwksUnavailable extends Error {
  override readonly name = 'JwksUnavailable';
}

/** Reads at most `maxBytes` of a response body, or throws. */
export async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new RangeError(`response over ${maxBytes} bytes`);
  }
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new RangeError(`response over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function isKeySet(value: unknown): value is JSONWebKeySet {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys)
  );
}

/** A key getter for jose's `jwtVerify`, over one issuer's set. */
export interface KeySource {
  /** The current keys (fetched when stale). */
  keys(): Promise<JWTVerifyGetKey>;
  /** Asks for a fresh copy (after an unknown kid); false while cooling down. */
  refresh(): Promise<boolean>;
}

/** A key source over an inline set. */
export function inlineKeys(set: JSONWebKeySet): KeySource {
  const getter = createLocalJWKSet(set);
  return { keys: async () => getter, refresh: async () => false };
}

/** A key source that fetches `url` (GET, no redirects followed), cached per {@link JwksLimits}. */
export function remoteKeys(url: string, limits: JwksLimits = DEFAULT_JWKS_LIMITS): KeySource {
  let cached: { getter: JWTVerifyGetKey; at: number } | undefined;
  let lastFetch = -Infinity;
  let inFlight: Promise<JWTVerifyGetKey> | undefined;

  const load = async (): Promise<JWTVerifyGetKey> => {
    lastFetch = Date.now();
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'error',
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(limits.timeoutMs),
      });
    } catch {
      throw new JwksUnavailable('jwks-unreachable');
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new JwksUnavailable('jwks-unreachable');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readLimited(response, limits.maxBytes));
    } catch {
      throw new JwksUnavailable('jwks-invalid');
    }
    if (!isKeySet(parsed)) throw new JwksUnavailable('jwks-invalid');
    const getter = createLocalJWKSet(parsed);
    cached = { getter, at: Date.now() };
    return getter;
  };

  const fetchOnce = (): Promise<JWTVerifyGetKey> => {
    inFlight ??= load().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    async keys() {
      if (cached !== undefined && Date.now() - cached.at < limits.ttlMs) return cached.getter;
      // A stale set is still used while the issuer cannot be reached within the cool-down.
      if (cached !== undefined && Date.now() - lastFetch < limits.cooldownMs) return cached.getter;
      return fetchOnce();
    },
    async refresh() {
      if (Date.now() - lastFetch < limits.cooldownMs) return false;
      await fetchOnce();
      return true;
    },
  };
}
