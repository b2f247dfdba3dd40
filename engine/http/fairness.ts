/**
 * Hooks that keep one client from holding the service: a limit on the requests one remote
 * address may have in flight, and a deadline for receiving a JSON body.
 */
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { statusOf } from '../errors';

function errorBody(code: 'TOO_MANY_REQUESTS' | 'REQUEST_TIMEOUT', message: string): object {
  return { error: { code, message, issues: [{ code, message }] } };
}

/**
 * At most `limit` requests in flight per remote address (0: no limit); one more is answered
 * 429 TOO_MANY_REQUESTS with `Retry-After: 1`. Requests to `exempt` route paths (the health
 * route: a load balancer's probe must not be turned away) are neither counted nor refused.
 * A request counts until its connection has answered it or closed.
 */
export function registerClientLimit(
  app: FastifyInstance,
  limit: number,
  exempt: ReadonlySet<string>,
): void {
  if (limit <= 0) return;
  const inFlight = new Map<string, number>();
  app.addHook('onRequest', async (request, reply) => {
    if (exempt.has(request.routeOptions.url ?? '')) return;
    const client = request.socket.remoteAddress ?? 'unknown';
    const count = inFlight.get(client) ?? 0;
    if (count >= limit) {
      const message = `this client already has ${count} requests in flight, the limit is ${limit}: retry after one second`;
      return reply
        .code(statusOf('TOO_MANY_REQUESTS'))
        .header('retry-after', '1')
        .send(errorBody('TOO_MANY_REQUESTS', message));
    }
    inFlight.set(client, count + 1);
    // 'close' fires once per response, whether it finished or the client went away.
    reply.raw.once('close', () => {
      const left = (inFlight.get(client) ?? 1) - 1;
      if (left <= 0) inFlight.delete(client);
      else inFlight.set(client, left);
    });
    return undefined;
  });
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return headers['transfer-encoding'] !== undefined;
}

function timeOut(reply: FastifyReply, ms: number): void {
  const socket = reply.raw.socket;
  if (socket === null || socket.destroyed) return;
  const message = `the body did not arrive within ${ms} ms`;
  const text = JSON.stringify(errorBody('REQUEST_TIMEOUT', message));
  // The body parser is still waiting for bytes, so the answer is written on the socket itself
  // (as Node does for its own request timeout) and the connection is closed: what the client
  // sends after is not read.
  socket.end(
    `HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
  );
  socket.destroySoon();
}

/**
 * A request with a body must have sent all of it `ms` after its headers (0: no deadline),
 * else it is answered 408 REQUEST_TIMEOUT and its connection closed. Streamed bodies (route
 * paths in `streaming`, the batch) are exempt: they may take as long as they keep sending,
 * and the server's idle timeout ends them when they stop.
 */
export function registerBodyTimeout(
  app: FastifyInstance,
  ms: number,
  streaming: ReadonlySet<string>,
): void {
  if (ms <= 0) return;
  app.addHook('onRequest', async (request, reply) => {
    if (streaming.has(request.routeOptions.url ?? '')) return;
    if (!hasBody(request.headers) || request.raw.complete) return;
    const timer = setTimeout(() => {
      if (!request.raw.complete) timeOut(reply, ms);
    }, ms);
    timer.unref();
    const clear = (): void => clearTimeout(timer);
    request.raw.once('end', clear);
    reply.raw.once('close', clear);
  });
}

/**
 * What the server does when a connection has been idle for the idle timeout: it closes it,
 * unless the client has sent its whole request and is waiting for the answer (the server is
 * busy, not the client: a request queued behind heavy work must not be cut for that). A
 * half-sent body, an idle keep-alive connection or one that never sent a request is closed.
 */
export function registerIdleClose(app: FastifyInstance): void {
  const waiting = new WeakSet<object>();
  app.addHook('onRequest', async (request, reply) => {
    const socket = request.raw.socket;
    const answered = (): void => {
      waiting.delete(socket);
    };
    if (request.raw.complete) waiting.add(socket);
    else request.raw.once('end', () => waiting.add(socket));
    reply.raw.once('close', answered);
  });
  // With a listener here, Node no longer closes timed-out sockets itself: this one decides.
  app.server.on('timeout', (socket: Socket) => {
    if (!waiting.has(socket)) socket.destroy();
  });
}
