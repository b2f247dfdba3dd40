/**
 * Who may write (save, publish) and read the audit log: clients on the loopback interface,
 * or anyone presenting `Authorization: Bearer <token>` when a token is configured.
 *
 * A request counts as loopback only if its socket is loopback, it names a loopback host
 * (guards against DNS rebinding), its Origin (when a browser sends one) is loopback too,
 * and it did not come through a proxy (no Forwarded / X-Forwarded-For header).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** `localhost:8080` → `localhost`; `[::1]:8080` → `[::1]`. */
function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return (colon === -1 ? host : host.slice(0, colon)).toLowerCase();
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(origin).hostname.toLowerCase());
  } catch {
    return false;
  }
}

/** Whether the request comes from this machine, directly. */
export function isLoopbackRequest(request: FastifyRequest): boolean {
  const headers = request.headers;
  if (headers['forwarded'] !== undefined || headers['x-forwarded-for'] !== undefined) return false;
  if (!isLoopbackAddress(request.socket.remoteAddress)) return false;
  const host = headers.host;
  if (host === undefined || !LOOPBACK_HOSTS.has(hostName(host))) return false;
  const origin = headers.origin;
  return origin === undefined || isLoopbackOrigin(origin);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function bearer(request: FastifyRequest): string | undefined {
  const value = request.headers.authorization;
  if (value === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1] ?? '';
}

/**
 * Throws 403 WRITE_FORBIDDEN unless the request may write. A presented token must be
 * right even from loopback; a configured token lets remote clients in.
 */
export function requireWriteAccess(
  request: FastifyRequest,
  token: string | undefined,
  what = 'write',
): void {
  const presented = bearer(request);
  if (presented !== undefined) {
    if (token !== undefined && token !== '' && timingSafeEqual(digest(presented), digest(token)))
      return;
    throw new HttpError(
      'WRITE_FORBIDDEN',
      `the bearer token presented is not the configured one: cannot ${what}`,
    );
  }
  if (isLoopbackRequest(request)) return;
  throw new HttpError(
    'WRITE_FORBIDDEN',
    token === undefined || token === ''
      ? `only clients on this machine may ${what} (no PATHWAY_WRITE_TOKEN is configured)`
      : `only clients on this machine may ${what} without 'Authorization: Bearer <PATHWAY_WRITE_TOKEN>'`,
  );
}
