/**
 * What the HTTP benchmarks share: a free loopback port for the service they start, waiting
 * until it answers its health route, and percentiles of the latencies they measure.
 */
import { createServer, request, type Agent } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A port on 127.0.0.1 nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/** Waits until `GET /api/health` on `port` answers 200 (every 100 ms, `tries` times at most). */
export async function waitForServer(port: number, agent: Agent, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const up = await new Promise<boolean>((done) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/health', agent }, (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode === 200));
      });
      req.on('error', () => done(false));
      req.end();
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

/** The `p`th percentile of ascending `sorted` (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
