/**
 * The idle-timeout exception (engine/http/fairness.ts, registerIdleClose): a connection whose
 * request is complete and which waits for its answer is never closed for idleness, however
 * long the server takes; a connection that stopped half-way through its request is. The
 * server here has the options buildApp gives fastify and one route that takes longer than
 * the idle timeout to answer.
 */
import { connect, type AddressInfo, type Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerIdleClose } from '../../engine/http/fairness';

const IDLE_MS = 150;
const SLOW_MS = 600;

const apps: FastifyInstance[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function slowServer(withException: boolean): Promise<number> {
  const app = Fastify({ connectionTimeout: IDLE_MS, requestTimeout: 0 });
  apps.push(app);
  if (withException) registerIdleClose(app);
  app.post('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    return { ok: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

/** Sends `text` on a new connection; resolves with what came back once the server closed it or answered. */
function exchange(
  port: number,
  text: string,
): Promise<{ received: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('error', () => undefined);
    socket.once('close', () => resolve({ received, closedAfterMs: performance.now() - started }));
    socket.write(text);
  });
}

const BODY = '{"a":1}';
const complete = `POST /slow HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${BODY.length}\r\nconnection: close\r\n\r\n${BODY}`;

describe('the idle timeout spares a connection waiting for its answer', () => {
  it('answers a complete request that takes four idle timeouts to compute', async () => {
    const port = await slowServer(true);
    const { received, closedAfterMs } = await exchange(port, complete);
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received).toContain('{"ok":true}');
    expect(closedAfterMs).toBeGreaterThanOrEqual(SLOW_MS - 20);
  });

  it('is what makes the difference: without it Node cuts the same connection unanswered', async () => {
    const port = await slowServer(false);
    const { received, closedAfterMs } = await exchange(port, complete);
    expect(received).toBe('');
    expect(closedAfterMs).toBeLessThan(SLOW_MS);
  });

  it('still closes a connection whose body stopped half-way, after the idle timeout', async () => {
    const port = await slowServer(true);
    const half = complete.slice(0, complete.length - 3);
    const { received, closedAfterMs } = await exchange(port, half);
    expect(received).not.toMatch(/200/);
    expect(closedAfterMs).toBeGreaterThanOrEqual(IDLE_MS - 20);
    expect(closedAfterMs).toBeLessThan(SLOW_MS * 4);
  });
});
