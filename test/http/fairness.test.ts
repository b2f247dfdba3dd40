import { connect, type AddressInfo, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceLimits } from '../../engine/http/limits';
import { DEFAULT_LIMITS, limitsFromEnv } from '../../engine/http/limits';
import { service, type TestService } from './helpers';

const LINE = `${JSON.stringify({ facts: { painMonths: 8, flags: [] } })}\n`;
const EVALUATE = JSON.stringify({ facts: { painMonths: 8, flags: [] } });

let svc: TestService | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await svc?.app.close();
  svc = undefined;
});

async function listening(limits: Partial<ServiceLimits>): Promise<{ port: number }> {
  svc = await service({ limits });
  await svc.app.listen({ host: '127.0.0.1', port: 0 });
  return { port: (svc.app.server.address() as AddressInfo).port };
}

/** A raw connection that collects what the server sends and says when it closes. */
function open(port: number): { socket: Socket; received: () => string; closed: Promise<void> } {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    text += chunk;
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, received: () => text, closed };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('a large batch yields to small requests', () => {
  it('gives the event loop a turn between lines when the slice is 0 ms, even with the whole batch already received', async () => {
    const { port } = await listening({ batchSliceMs: 0 });
    const total = 300;
    const body = LINE.repeat(total);
    const { socket, received, closed } = open(port);
    let turns = 0;
    let running = true;
    const tick = (): void => {
      turns += 1;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    // One write: the server has every line before it answers the first.
    socket.write(
      `POST /api/pathways/mini/evaluate/batch?trace=false HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-ndjson\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
    );
    await closed;
    running = false;
    expect(received().match(/"line":\d+/g)).toHaveLength(total);
    expect(turns).toBeGreaterThanOrEqual(total);
  });

  it('answers a small evaluation sent after a large batch started before the batch ends, and the batch stays complete and in order', async () => {
    svc = await service({ limits: { batchSliceMs: 0 } });
    const app = svc.app;
    const events: string[] = [];
    const total = 1000;
    let sent = 0;
    // The whole batch is ready to read at once: nothing in it waits on I/O.
    const payload = Readable.from(
      (function* () {
        for (; sent < total; sent++) yield LINE;
      })(),
    );
    const batch = app
      .inject({
        method: 'POST',
        url: '/api/pathways/mini/evaluate/batch?trace=false',
        headers: { 'content-type': 'application/x-ndjson' },
        payload,
      })
      .then((response) => {
        events.push('batch');
        return response;
      });
    while (sent < 100) await new Promise((r) => setImmediate(r));
    const small = app
      .inject({
        method: 'POST',
        url: '/api/pathways/mini/evaluate?trace=false',
        headers: { 'content-type': 'application/json' },
        payload: EVALUATE,
      })
      .then((response) => {
        events.push('small');
        return response;
      });
    const [batchResponse, smallResponse] = await Promise.all([batch, small]);
    expect(events).toEqual(['small', 'batch']);
    expect(smallResponse.statusCode).toBe(200);
    const lines = batchResponse.body
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { line: number; result?: { step: { id: string } } });
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(lines.every((l) => l.result?.step.id === 'treat')).toBe(true);
  });
});

describe('timeouts', () => {
  it('answers 408 and closes the connection when a JSON body stops half-sent', async () => {
    const { port } = await listening({ bodyTimeoutMs: 150, idleTimeoutMs: 5000 });
    const { socket, received, closed } = open(port);
    socket.write(
      `POST /api/pathways/mini/evaluate HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${EVALUATE.length}\r\n\r\n${EVALUATE.slice(0, 10)}`,
    );
    await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(received()).toContain('"code":"REQUEST_TIMEOUT"');
  });

  it('closes an idle half-sent batch upload after the idle timeout', async () => {
    const { port } = await listening({ bodyTimeoutMs: 100, idleTimeoutMs: 300 });
    const { socket, closed } = open(port);
    socket.write(
      `POST /api/pathways/mini/evaluate/batch?trace=false HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-ndjson\r\ntransfer-encoding: chunked\r\n\r\n`,
    );
    socket.write(`${LINE.length.toString(16)}\r\n${LINE}\r\n`);
    let closedYet = false;
    void closed.then(() => {
      closedYet = true;
    });
    await sleep(150);
    expect(closedYet).toBe(false); // past the JSON body deadline: the batch is exempt from it
    await closed; // idle for 300 ms: closed
  });

  it('keeps a batch upload that keeps sending open past the body and idle timeouts', async () => {
    const { port } = await listening({ bodyTimeoutMs: 100, idleTimeoutMs: 200 });
    const { socket, received, closed } = open(port);
    socket.write(
      `POST /api/pathways/mini/evaluate/batch?trace=false HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-ndjson\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n`,
    );
    for (let i = 0; i < 8; i++) {
      socket.write(`${LINE.length.toString(16)}\r\n${LINE}\r\n`);
      await sleep(80); // 640 ms in all, never 200 ms idle
    }
    socket.write('0\r\n\r\n');
    await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(received().match(/"line":\d+/g)).toHaveLength(8);
  });
});

describe('per-client concurrency limit', () => {
  it('answers 429 with Retry-After past the limit, and still answers the health route', async () => {
    const { port } = await listening({ clientConcurrency: 2, bodyTimeoutMs: 10_000 });
    const head = `POST /api/pathways/mini/evaluate HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${EVALUATE.length}\r\n\r\n`;
    const pending = [open(port), open(port)];
    for (const { socket } of pending) socket.write(head);
    await sleep(100); // both are in flight, waiting for their bodies
    const refused = await fetch(`http://127.0.0.1:${port}/api/pathways/mini/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: EVALUATE,
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'TOO_MANY_REQUESTS',
    );
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    // One finishes: the client may send again.
    pending[0]?.socket.write(EVALUATE);
    await sleep(100);
    expect(pending[0]?.received()).toMatch(/^HTTP\/1\.1 200 /);
    const again = await fetch(`http://127.0.0.1:${port}/api/pathways/mini/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: EVALUATE,
    });
    expect(again.status).toBe(200);
  });
});

describe('limits from the environment', () => {
  it('reads each limit from its variable and keeps defaults for unset ones', () => {
    expect(
      limitsFromEnv({ IDLE_TIMEOUT_MS: '1500', CLIENT_CONCURRENCY: '0', BODY_TIMEOUT_MS: '' }),
    ).toEqual({
      idleTimeoutMs: 1500,
      clientConcurrency: 0,
    });
    expect(DEFAULT_LIMITS.clientConcurrency).toBe(32);
  });

  it('refuses a limit that is not a whole number, naming the variable', () => {
    expect(() => limitsFromEnv({ KEEP_ALIVE_TIMEOUT_MS: '5s' })).toThrow(/KEEP_ALIVE_TIMEOUT_MS/);
  });
});
