/**
 * HTTP fairness and load benchmark (not a test). Starts `pathway serve` in a child process on
 * a free loopback port (from this checkout, or from `--server-dir` to measure another one, e.g.
 * the code before a change), then measures from this process:
 *
 * - load: throughput, p50 and p99 of evaluate, batch (100 lines per request) and CDS Hooks
 *   patient-view (the test/fixtures/fhir patients), each at concurrency 16 and 64;
 * - fairness: the latency of small evaluations, sent one after another, while one large
 *   NDJSON batch (200 000 lines by default) streams through the same service.
 *
 * The server is started by scripts/bench/loopback.ts (CLIENT_CONCURRENCY=0: all the load comes
 * from one address; CDS Hooks authentication off) and loaded closed loop, as bench-http.ts
 * does: each connection waits for its answer before sending the next.
 *
 *   npm run bench:fairness
 *   npm run bench:fairness -- --duration 5 --batch-lines 200000 --only fairness
 *   npm run bench:fairness -- --only evaluate      # one load (by name) or `load` for all
 *   npm run bench:fairness -- --server-dir /tmp/before
 */
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chronicPainPatients } from '../test/fixtures/chronic-pain-patients';
import { FHIR_PATIENTS, loadPrefetch } from '../test/fixtures/fhir/load';
import { closedLoop, percentile, startService, type Load } from './bench/loopback';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    'batch-lines': { type: 'string', default: '200000' },
    'server-dir': { type: 'string' },
    only: { type: 'string' },
  },
});
const seconds = Number(values.duration);
const warmup = Number(values.warmup);
const batchLines = Number(values['batch-lines']);
const serverDir = resolve(values['server-dir'] ?? '.');

const service = await startService(serverDir);
const port = service.port;
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** One request; resolves with its status and the answer's size once the answer has ended. */
function send(
  path: string,
  body: string,
  type = 'application/json',
): Promise<{ status: number; bytes: number }> {
  return new Promise((done, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: 'POST',
        path,
        headers: { 'content-type': type, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () => done({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const patients = chronicPainPatients(2000, 7).map(({ input, asOf }) =>
  JSON.stringify({ ...input, asOf, version: '1.1.0' }),
);
const evaluateBodies = patients;
const batchBodies = Array.from({ length: 20 }, (_, b) =>
  Array.from({ length: 100 }, (_, i) => patients[(b * 100 + i) % patients.length]).join('\n'),
);
const cdsBodies = await Promise.all(
  FHIR_PATIENTS.map(async (name) => {
    const prefetch = await loadPrefetch(name);
    const patientId = (prefetch['patient'] as { id: string } | null)?.id ?? 'unknown';
    return JSON.stringify({
      hook: 'patient-view',
      hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
      fhirServer: 'https://fhir.example.se/r4',
      context: { userId: 'Practitioner/dr-lind', patientId },
      prefetch,
    });
  }),
);

const LOADS: Load[] = [
  { name: 'evaluate', path: '/api/pathways/chronic-pain/evaluate', bodies: evaluateBodies, per: 1 },
  {
    name: 'batch (100 lines)',
    path: '/api/pathways/chronic-pain/evaluate/batch',
    bodies: batchBodies,
    type: 'application/x-ndjson',
    per: 100,
  },
  {
    name: 'CDS patient-view',
    path: '/cds-services/chronic-pain-pathway',
    bodies: cdsBodies,
    per: 1,
  },
];

const ms = (x: number): string => `${x.toFixed(1)} ms`;

async function loadTable(): Promise<string[]> {
  const rows = [
    '| route | concurrency | requests/s | evaluations/s | p50 | p99 | not 200 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const load of LOADS) {
    if (values.only !== undefined && values.only !== 'load' && !load.name.startsWith(values.only))
      continue;
    for (const connections of [16, 64]) {
      await closedLoop(port, load, connections, warmup);
      const m = await closedLoop(port, load, connections, seconds);
      rows.push(
        `| ${load.name} | ${connections} | ${m.perSecond.toFixed(0)} | ${(m.perSecond * load.per).toFixed(0)} | ${ms(m.p50)} | ${ms(m.p99)} | ${m.failed} |`,
      );
      console.error(rows[rows.length - 1]);
    }
  }
  return rows;
}

/** Small evaluations one after another (10 ms apart) while one large batch streams. */
async function fairness(): Promise<string[]> {
  const quiet: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await send('/api/pathways/chronic-pain/evaluate', evaluateBodies[i] as string);
    quiet.push(performance.now() - t0);
  }
  let batchDone = false;
  const batchStart = performance.now();
  const lines: string[] = [];
  for (let i = 0; i < batchLines; i++) lines.push(patients[i % patients.length] as string);
  const batch = send(
    '/api/pathways/chronic-pain/evaluate/batch?trace=false',
    lines.join('\n'),
    'application/x-ndjson',
  ).then((answer) => {
    batchDone = true;
    return { ...answer, elapsed: performance.now() - batchStart };
  });
  const during: number[] = [];
  let failed = 0;
  const failures = new Map<number, number>();
  await new Promise((r) => setTimeout(r, 200));
  for (let i = 0; !batchDone; i++) {
    const t0 = performance.now();
    const { status } = await send(
      '/api/pathways/chronic-pain/evaluate',
      evaluateBodies[i % 2000] as string,
    ).catch(() => ({ status: 0 }));
    if (status !== 200) {
      failed += 1;
      failures.set(status, (failures.get(status) ?? 0) + 1);
    } else if (!batchDone) during.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 10));
  }
  const { status, elapsed } = await batch;
  quiet.sort((a, b) => a - b);
  during.sort((a, b) => a - b);
  return [
    `| small evaluate | samples | p50 | p99 | max |`,
    '| --- | --- | --- | --- | --- |',
    `| alone | ${quiet.length} | ${ms(percentile(quiet, 50))} | ${ms(percentile(quiet, 99))} | ${ms(quiet[quiet.length - 1] ?? Number.NaN)} |`,
    `| during a ${batchLines.toLocaleString('en')}-line batch | ${during.length} | ${ms(percentile(during, 50))} | ${ms(percentile(during, 99))} | ${ms(during[during.length - 1] ?? Number.NaN)} |`,
    '',
    `batch: status ${status}, ${(elapsed / 1000).toFixed(1)} s, ${((batchLines / elapsed) * 1000).toFixed(0)} lines/s; small evaluations not 200: ${failed}${failed === 0 ? '' : ` (by status, 0: connection failed: ${JSON.stringify([...failures])})`}`,
  ];
}

try {
  const out = [`server: ${serverDir}, Node ${process.version}, ${values.duration} s per load`, ''];
  if (values.only !== 'fairness') out.push(...(await loadTable()), '');
  if (values.only === undefined || values.only === 'fairness') out.push(...(await fairness()));
  console.log(out.join('\n'));
} finally {
  agent.destroy();
  await service.stop();
}
