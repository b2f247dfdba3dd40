import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RawClient, requestBytes } from '../../../scripts/bench/raw-http';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server answering each path its own way, recording what it received. */
async function server(received: { path: string; type: string; body: string }[]): Promise<number> {
  const s = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', type: req.headers['content-type'] ?? '', body });
      if (req.url === '/chunked') {
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        for (let i = 0; i < 50; i++)
          res.write(`${JSON.stringify({ line: i, pad: 'x'.repeat(i * 40) })}\n`);
        res.end();
      } else if (req.url === '/close') {
        res.writeHead(200, { connection: 'close', 'content-length': '2' });
        res.end('ok');
      } else if (req.url === '/hang') {
        req.socket.destroy();
      } else {
        const answer = JSON.stringify({ echo: body, å: 'ä'.repeat(5000) });
        res.writeHead(req.url === '/bad' ? 400 : 200, { 'content-type': 'application/json' });
        res.end(answer);
      }
    });
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
}

describe('the open loop raw HTTP client', () => {
  it('sends the prepared requests whole and reads each answer to its end, sized or chunked', async () => {
    const received: { path: string; type: string; body: string }[] = [];
    const port = await server(received);
    const client = new RawClient(port, 4);
    const body = JSON.stringify({ facts: { note: 'smärta' } });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        client.send(
          requestBytes(
            port,
            ['/json', '/chunked', '/bad', '/close'][i % 4] ?? '/json',
            'application/json',
            body,
          ),
        ),
      ),
    );
    client.destroy();
    expect(statuses).toEqual(Array.from({ length: 40 }, (_, i) => (i % 4 === 2 ? 400 : 200)));
    expect(received).toHaveLength(40);
    expect(received.every((r) => r.body === body && r.type === 'application/json')).toBe(true);
  });

  it('answers undefined for a request whose connection is cut before the answer', async () => {
    const port = await server([]);
    const client = new RawClient(port);
    expect(
      await client.send(requestBytes(port, '/hang', 'application/json', '{}')),
    ).toBeUndefined();
    expect(await client.send(requestBytes(port, '/json', 'application/json', '{}'))).toBe(200);
    client.destroy();
  });
});
