/**
 * A CDS client the tests trust: an ES384 key pair generated for the run, its public key as an
 * inline JWK Set in the service's settings, and fresh signed tokens (a new jti each).
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { CdsSettings } from '../../engine/cds/hooks';

/** The service's CDS base URL as the test client names it in `aud`. */
export const AUDIENCE = 'https://cds.test/cds-services';
/** The test client's `iss`. */
export const ISSUER = 'https://ehr.test/';

/** A trusted test client. */
export interface TestIssuer {
  /** Settings trusting this client (inline JWK Set). */
  settings: CdsSettings;
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** A signed token; `claims` override or (as `undefined`) remove the defaults. */
  token(claims?: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
  /** `{ authorization: 'Bearer <fresh token>' }`. */
  headers(extra?: Record<string, string>): Promise<Record<string, string>>;
}

/** Signs `claims` with `key` (ES384 unless `header.alg` says otherwise). */
export async function sign(
  key: CryptoKey,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  const payload = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES384', typ: 'JWT', kid: 'test-key', ...header })
    .sign(key);
}

/** Default claims of a fresh token to the CDS base URL. */
export function freshClaims(): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: ISSUER,
    sub: 'test-client',
    aud: AUDIENCE,
    iat: now,
    exp: now + 300,
    jti: randomUUID(),
  };
}

let pair: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> | undefined;

/** The test client (its keys generated once per test file). */
export async function testIssuer(): Promise<TestIssuer> {
  pair ??= generateKeyPair('ES384', { extractable: true });
  const { privateKey, publicKey } = await pair;
  const publicJwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES384', use: 'sig' };
  const token = (claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) =>
    sign(privateKey, { ...freshClaims(), ...claims }, header);
  return {
    settings: {
      auth: {
        mode: 'jwt',
        issuers: [{ iss: ISSUER, jwks: { keys: [publicJwk as Record<string, unknown>] } }],
        audience: AUDIENCE,
      },
    },
    privateKey,
    publicJwk,
    token,
    async headers(extra = {}) {
      return { authorization: `Bearer ${await token()}`, ...extra };
    },
  };
}
