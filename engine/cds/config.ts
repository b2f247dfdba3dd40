/**
 * CDS Hooks settings from the environment (docs/cds-hooks.md, "Authentication"):
 * `CDS_AUTH=off` turns authentication off (development only); otherwise `CDS_ISSUERS`
 * (JSON: `[{ "iss", "jwksUrl" }]` or `[{ "iss", "jwks": { "keys": [...] } }]`) and
 * `CDS_AUDIENCE` (this service's CDS base URL, e.g. `https://cds.example.se/cds-services`).
 * With neither, authentication stays on and every service call is refused (401).
 */
import type { CdsAuthSettings, CdsIssuer } from './auth';

/** A CDS setting that cannot be used; `message` is the one line to show at start. */
export class CdsConfigError extends Error {
  override readonly name = 'CdsConfigError';
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function issuerOf(value: unknown, index: number): CdsIssuer {
  const where = `CDS_ISSUERS[${index}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CdsConfigError(`${where} must be an object { iss, jwksUrl | jwks }`);
  const { iss, jwksUrl, jwks } = value as Record<string, unknown>;
  if (typeof iss !== 'string' || iss === '')
    throw new CdsConfigError(`${where}.iss must be a non-empty string`);
  if (typeof jwksUrl === 'string' && jwks === undefined) {
    if (!isHttpUrl(jwksUrl)) throw new CdsConfigError(`${where}.jwksUrl must be an http(s) URL`);
    return { iss, jwksUrl };
  }
  if (jwksUrl === undefined && typeof jwks === 'object' && jwks !== null) {
    const keys = (jwks as { keys?: unknown }).keys;
    if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'object' || k === null))
      throw new CdsConfigError(`${where}.jwks must be a JWK Set { keys: [...] }`);
    return { iss, jwks: { keys: keys as Record<string, unknown>[] } };
  }
  throw new CdsConfigError(`${where} needs exactly one of jwksUrl and jwks`);
}

/** Reads the CDS authentication settings; throws {@link CdsConfigError} on a bad value. */
export function cdsAuthFromEnv(env: NodeJS.ProcessEnv): CdsAuthSettings {
  const mode = (env.CDS_AUTH ?? '').trim().toLowerCase();
  if (mode === 'off') return { mode: 'off' };
  if (mode !== '' && mode !== 'jwt')
    throw new CdsConfigError(`CDS_AUTH must be 'jwt' (the default) or 'off', got ${env.CDS_AUTH}`);
  const raw = env.CDS_ISSUERS ?? '';
  let parsed: unknown = [];
  if (raw.trim() !== '') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new CdsConfigError('CDS_ISSUERS must be JSON: [{ "iss": …, "jwksUrl": … }]');
    }
  }
  if (!Array.isArray(parsed)) throw new CdsConfigError('CDS_ISSUERS must be a JSON array');
  const issuers = parsed.map(issuerOf);
  const audience = (env.CDS_AUDIENCE ?? '').trim();
  if (issuers.length > 0 && !isHttpUrl(audience))
    throw new CdsConfigError(
      'CDS_AUDIENCE must be the http(s) URL clients call (…/cds-services) when CDS_ISSUERS is set',
    );
  return { mode: 'jwt', issuers, audience };
}
