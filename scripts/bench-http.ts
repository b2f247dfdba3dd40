/**
 * HTTP load benchmark (not a test): starts `pathway serve` in a child process on a free
 * loopback port, then drives `POST /api/pathways/chronic-pain/evaluate` from this process
 * with N concurrent keep-alive loops for a fixed time, and reports requests/s and latency
 * percentiles. The load is bounded: each loop waits for its answer before sending the next.
 *
 *   npm run bench:http                                   # 16 loops, 10 s, with trace
 *   npm run bench:http -- --connections 32 --duration 20 --no-trace
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chronicPainPatients } from '../test/fixtures/chronic-pain-patients';
import { freePort, percentile, waitForServer } from './bench/loopback';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '16' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    'no-trace': { type: 'boolean', default: false },
  },
});
const connections = Number(values.connections);
const durationMs = Number(values.duration) * 1000;
const warmupMs = Number(values.warmup) * 1000;
const query = values['no-trace'] ? '?trace=false' : '';

const port = await freePort();
const dataDir = await mkdtemp(join(tmpdir(), 'bench-http-'));
const child = spawn(process.execPath, ['bin/pathway.mjs', 'serve', '--port', String(port)], {
  env: { ...process.env, HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

const agent = new Agent({ keepAlive: true, maxSockets: connections });
const bodies = chronicPainPatients(2000, 7).map(({ input, asOf }) =>
  JSON.stringify({ ...input, asOf, version: '1.1.0' }),
);

function post(body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: 'POST',
        path: `/api/pathways/chronic-pain/evaluate${query}`,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function drive(
  ms: number,
): Promise<{ latencies: number[]; errors: number; elapsed: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const end = start + ms;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const body = bodies[next++ % bodies.length] as string;
        const t0 = performance.now();
        const status = await post(body).catch(() => 0);
        latencies.push(performance.now() - t0);
        if (status !== 200) errors += 1;
      }
    }),
  );
  return { latencies, errors, elapsed: performance.now() - start };
}

try {
  await waitForServer(port, agent, 100);
  await drive(warmupMs);
  const { latencies, errors, elapsed } = await drive(durationMs);
  const sorted = latencies.sort((a, b) => a - b);
  const ms = (x: number): string => `${x.toFixed(2)} ms`;
  console.log(
    [
      `POST /api/pathways/chronic-pain/evaluate${query} — ${connections} concurrent loops, ${(elapsed / 1000).toFixed(1)} s, Node ${process.version}`,
      `requests: ${sorted.length} (${errors} not 200)`,
      `requests/s: ${((sorted.length / elapsed) * 1000).toFixed(0)}`,
      `latency p50 ${ms(percentile(sorted, 50))}, p90 ${ms(percentile(sorted, 90))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted[sorted.length - 1] ?? Number.NaN)}`,
    ].join('\n'),
  );
} finally {
  agent.destroy();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await rm(dataDir, { recursive: true, force: true });
}
