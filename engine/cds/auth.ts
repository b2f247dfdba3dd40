/**
 * Trusting CDS clients (CDS Hooks 2.0, "Trusting CDS Clients"): each call to a service or to
 * its feedback endpoint carries `Authorization: Bearer <JWT>` signed by the client. The token
 * is accepted only when it is signed by a key of a configured issuer's JWK Set, `iss` is that
 * issuer, `aud` is this service's URL (the discovery base, or the endpoint called), `exp` has
 * not passed, `iat` is present and not in the future or too old, and its `jti` has not been
 * seen before (seen ids are kept until the token expires). Anything else answers 401
 * CDS_UNAUTHORIZED with one reason code; a failed signature is only ever "bad-signature".
 */
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { cdsError } from './errors';
import { inlineKeys, JwksUnavailable, remoteKeys, type JwksLimits, type KeySource } from './jwks';
import type { HttpError } from '../http/errors';

/** One trusted CDS client: its `iss` and where its public keys are. */
export type CdsIssuer =
  { iss: string; jwksUrl: string } | { iss: string; jwks: { keys: Record<string, unknown>[] } };

/** How CDS calls are authenticated. */
export type CdsAuthSettings =
  | { mode: 'off' }
  | {
      mode: 'jwt';
      issuers: readonly CdsIssuer[];
      /** This service's URL as clients name it in `aud` (the discovery base, `…/cds-services`). */
      audience: string;
      /** Clock skew allowed on `exp` and `iat` (s). Default 60. */
      clockToleranceSec?: number;
      /** Oldest `iat` accepted (s); also bounds how long a jti is remembered. Default 300. */
      maxTokenAgeSec?: number;
      /** Most jti values remembered at once. Default 100 000. */
      maxSeenTokens?: number;
      /** Limits of fetching JWK Sets. */
      jwks?: Partial<JwksLimits>;
    };

/** Reason codes of a refused token (the `issues[0].path` is `authorization`). */
export type CdsAuthReason =
  | 'no-issuers-configured'
  | 'missing-token'
  | 'malformed-token'
  | 'unknown-issuer'
  | 'untrusted-jku'
  | 'algorithm-not-allowed'
  | 'unknown-key'
  | 'bad-signature'
  | 'wrong-audience'
  | 'expired'
  | 'not-yet-valid'
  | 'issued-in-future'
  | 'too-old'
  | 'missing-claim'
  | 'replayed'
  | 'replay-window-full'
  | 'jwks-unreachable'
  | 'jwks-invalid';

const MESSAGES: Record<CdsAuthReason, string> = {
  'no-issuers-configured': 'no CDS client is trusted here (CDS_ISSUERS is not configured)',
  'missing-token': "the call needs 'Authorization: Bearer <JWT>' signed by a trusted CDS client",
  'malformed-token': 'the bearer token is not a signed JWT',
  'unknown-issuer': 'the token is not from a trusted issuer',
  'untrusted-jku': "the token's jku is not the configured JWK Set URL of its issuer",
  'algorithm-not-allowed': 'the token is signed with an algorithm that is not accepted',
  'unknown-key': "no key of the issuer's JWK Set matches the token",
  'bad-signature': 'the token signature does not verify',
  'wrong-audience': "the token's aud is not this service's URL",
  expired: 'the token has expired',
  'not-yet-valid': 'the token is not valid yet',
  'issued-in-future': "the token's iat is in the future",
  'too-old': 'the token was issued too long ago',
  'missing-claim': 'the token lacks a required claim (iss, aud, exp, iat, jti)',
  replayed: 'the token (its jti) was already used',
  'replay-window-full': 'too many tokens in the replay window; try again shortly',
  'jwks-unreachable': "the issuer's JWK Set could not be fetched",
  'jwks-invalid': "the issuer's JWK Set is not a JWK Set",
};

/** Algorithms accepted: the spec's ES384/RS384 and their siblings; never `none` or HMAC. */
const ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
];

/** The 401 answer for `reason`. */
export function unauthorized(reason: CdsAuthReason): HttpError {
  return cdsError('CDS_UNAUTHORIZED', MESSAGES[reason], [
    { code: 'CDS_UNAUTHORIZED', message: reason, path: 'authorization' },
  ]);
}

/** The claims of an accepted token. */
export interface CdsClient {
  iss: string;
  sub?: string;
  jti: string;
}

/** Verifies CDS client tokens; `undefined` from {@link CdsAuthenticator.verify} in mode off. */
export interface CdsAuthenticator {
  readonly mode: 'off' | 'jwt';
  /** Verifies the Authorization header of a call to `endpoint` (the path after the base). */
  verify(authorization: string | undefined, endpoint: string): Promise<CdsClient | undefined>;
}

/** Remembers jti values until their token expires, with a bound on how many. */
class SeenTokens {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** Records `key` until `until` (ms); false when already seen, 'full' when no room is left. */
  add(key: string, until: number, now: number): boolean | 'full' {
    const known = this.seen.get(key);
    if (known !== undefined && known > now) return false;
    if (this.seen.size >= this.max) this.sweep(now);
    if (this.seen.size >= this.max) return 'full';
    this.seen.set(key, until);
    return true;
  }

  private sweep(now: number): void {
    for (const [key, until] of this.seen) if (until <= now) this.seen.delete(key);
  }
}

function bearerOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function reasonOf(error: unknown): CdsAuthReason {
  if (error instanceof JwksUnavailable) return error.message as CdsAuthReason;
  if (error instanceof errors.JWTExpired) return error.claim === 'iat' ? 'too-old' : 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return 'missing-claim';
    if (error.claim === 'aud') return 'wrong-audience';
    if (error.claim === 'nbf') return 'not-yet-valid';
    if (error.claim === 'iat')
      return error.reason === 'check_failed' ? 'issued-in-future' : 'missing-claim';
    return 'missing-claim';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm-not-allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
    return 'unknown-key';
  return 'malformed-token';
}

/** Builds the authenticator for `settings`. */
export function createCdsAuthenticator(settings: CdsAuthSettings): CdsAuthenticator {
  if (settings.mode === 'off') return { mode: 'off', verify: async () => undefined };
  const tolerance = settings.clockToleranceSec ?? 60;
  const maxAge = settings.maxTokenAgeSec ?? 300;
  const seen = new SeenTokens(settings.maxSeenTokens ?? 100_000);
  const base = settings.audience.replace(/\/+$/, '');
  const issuers = new Map<string, { source: KeySource; jwksUrl?: string }>();
  for (const issuer of settings.issuers) {
    issuers.set(
      issuer.iss,
      'jwksUrl' in issuer
        ? {
            source: remoteKeys(issuer.jwksUrl, {
              ttlMs: 10 * 60_000,
              cooldownMs: 30_000,
              timeoutMs: 5_000,
              maxBytes: 64 * 1024,
              ...settings.jwks,
            }),
            jwksUrl: issuer.jwksUrl,
          }
        : { source: inlineKeys(issuer.jwks as Parameters<typeof inlineKeys>[0]) },
    );
  }

  const check = async (token: string, endpoint: string): Promise<JWTPayload> => {
    let claimed: JWTPayload;
    let jku: string | undefined;
    try {
      claimed = decodeJwt(token);
      jku = decodeProtectedHeader(token).jku;
    } catch {
      throw unauthorized('malformed-token');
    }
    const issuer = typeof claimed.iss === 'string' ? issuers.get(claimed.iss) : undefined;
    if (claimed.iss === undefined) throw unauthorized('missing-claim');
    if (issuer === undefined) throw unauthorized('unknown-issuer');
    if (jku !== undefined && jku !== issuer.jwksUrl) throw unauthorized('untrusted-jku');
    const audience = [base, `${base}/${endpoint}`];
    if (endpoint.endsWith('/feedback')) audience.push(`${base}/${endpoint.slice(0, -9)}`);
    const options = {
      issuer: claimed.iss,
      audience,
      algorithms: ALGORITHMS,
      requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
      clockTolerance: tolerance,
      maxTokenAge: maxAge,
    };
    try {
      return (await jwtVerify(token, await issuer.source.keys(), options)).payload;
    } catch (error) {
      // A key rotated since the set was fetched: fetch it again (at most once per cool-down).
      if (error instanceof errors.JWKSNoMatchingKey && (await issuer.source.refresh()))
        return (await jwtVerify(token, await issuer.source.keys(), options)).payload;
      throw error;
    }
  };

  return {
    mode: 'jwt',
    async verify(authorization, endpoint) {
      if (issuers.size === 0) throw unauthorized('no-issuers-configured');
      const token = bearerOf(authorization);
      if (token === undefined) throw unauthorized('missing-token');
      let payload: JWTPayload;
      try {
        payload = await check(token, endpoint);
      } catch (error) {
        if ((error as { code?: unknown }).code === 'CDS_UNAUTHORIZED') throw error;
        throw unauthorized(reasonOf(error));
      }
      const now = Date.now();
      const iat = payload.iat ?? 0;
      if (iat * 1000 > now + tolerance * 1000) throw unauthorized('issued-in-future');
      if (typeof payload.jti !== 'string' || payload.jti === '')
        throw unauthorized('missing-claim');
      // Kept until the token can no longer be accepted anyway: its exp, or iat + the max age.
      const until = Math.min(payload.exp ?? 0, iat + maxAge) * 1000 + tolerance * 1000;
      const added = seen.add(`${payload.iss ?? ''}\u0000${payload.jti}`, until, now);
      if (added === 'full') throw unauthorized('replay-window-full');
      if (!added) throw unauthorized('replayed');
      return {
        iss: payload.iss ?? '',
        jti: payload.jti,
        ...(payload.sub === undefined ? {} : { sub: payload.sub }),
      };
    },
  };
}
