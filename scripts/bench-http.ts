/**
 * HTTP load benchmark (not a test): starts `pathway serve` in a process of its own on a free
 * loopback port (from this checkout, or `--server-dir <checkout>`), then loads it from this
 * process with three kinds of request, the audit write included (a fresh SQLite log):
 *
 * - evaluate: `POST /api/pathways/chronic-pain/evaluate`, one generated patient per request,
 *   with trace (the route's default);
 * - batch: `POST /api/pathways/chronic-pain/evaluate/batch`, 100 NDJSON lines per request;
 * - cds: CDS Hooks patient-view with a 7.7 kB FHIR prefetch
 *   (test/fixtures/fhir/greta-ten-medication-requests.json: two conditions, three
 *   observations, two questionnaire responses, ten MedicationRequests with dosage).
 *
 * Each load runs closed loop (autocannon, `--connections` keep-alive connections; req/s and
 * p50/p90/p99) and open loop (one request due every 1/rate s, latency counted from when it was
 * due; see scripts/bench/loopback.ts for why this is not autocannon's `overallRate`), and
 * reports the server process's CPU time per request answered, which a busy machine moves far
 * less than requests/s.
 *
 * `--compare <checkout>` also starts the server of another checkout (e.g. the code before a
 * change: `git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/`)
 * and runs every measurement on both, alternating which goes first, so that both see the
 * same machine load; the table then gives the ratio after/before. `--node-flags` and
 * `--compare-node-flags` start the two servers with node flags of their own, so one checkout
 * can be compared with itself under another setting (`--compare . --compare-node-flags
 * --max-semi-space-size=16`).
 *
 * Open-loop runs also say how late the client sent (p50/p99/max after the due time) and the
 * latency counted from when each request was actually sent: what the tail owes to the client
 * sharing the cores. `--gc` starts the servers with `--trace-gc` and adds the garbage
 * collector's pauses during each run (count, p50, p99, max, total by kind).
 *
 * The script prints the machine (CPU model and cores), Node, the durations and the load
 * average at start and end.
 *
 *   npm run bench:http
 *   npm run bench:http -- --only evaluate --mode closed --duration 20
 *   npm run bench:http -- --compare /tmp/before --rounds 2
 *   npm run bench:http -- --inject --compare /tmp/before   # in process, no network (see bench/in-process.ts)
 *   npm run bench:http -- --only evaluate --mode open --gc --compare . --compare-node-flags=--max-semi-space-size=16
 *   npm run bench:http -- --stages --compare /tmp/before   # the CDS call stage by stage (bench/cds-stages.ts)
 */
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chronicPainPatients } from '../test/fixtures/chronic-pain-patients';
import {
  closedLoop,
  openLoop,
  percentile,
  startService,
  type Load,
  type Measured,
  type Service,
} from './bench/loopback';
import { buildCheckoutApp, injectRound, type InProcessApp } from './bench/in-process';
import { cdsStages } from './bench/cds-stages';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' },
    rate: { type: 'string', default: '1000' },
    'batch-rate': { type: 'string', default: '10' },
    'cds-rate': { type: 'string', default: '500' },
    mode: { type: 'string', default: 'both' },
    only: { type: 'string' },
    'server-dir': { type: 'string', default: '.' },
    compare: { type: 'string' },
    rounds: { type: 'string' },
    inject: { type: 'boolean', default: false },
    stages: { type: 'boolean', default: false },
    calls: { type: 'string', default: '2000' },
    'node-flags': { type: 'string', default: '' },
    'compare-node-flags': { type: 'string', default: '' },
    gc: { type: 'boolean', default: false },
  },
});
/** Node flags given as one string, split on spaces. */
const flagsOf = (text: string): string[] => text.split(' ').filter((f) => f !== '');
const seconds = Number(values.duration);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const rounds = Number(values.rounds ?? (values.inject ? '10' : '1'));
const modes = values.mode === 'both' ? ['closed', 'open'] : [values.mode];

const patients = chronicPainPatients(2000, 7).map(({ input, asOf }) =>
  JSON.stringify({ ...input, asOf, version: '1.1.0' }),
);
const prefetch = JSON.parse(
  await readFile(
    join(import.meta.dirname, '../test/fixtures/fhir/greta-ten-medication-requests.json'),
    'utf8',
  ),
) as unknown;
const cdsBody = JSON.stringify({
  hook: 'patient-view',
  hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
  fhirServer: 'https://fhir.example.se/r4',
  context: { userId: 'Practitioner/dr-lind', patientId: 'pat-greta' },
  prefetch,
});

/** A load and its open-loop rate (requests/s). */
const LOADS: { load: Load; rate: number }[] = [
  {
    load: {
      name: 'evaluate',
      path: '/api/pathways/chronic-pain/evaluate',
      bodies: patients,
      per: 1,
    },
    rate: Number(values.rate),
  },
  {
    load: {
      name: 'batch',
      path: '/api/pathways/chronic-pain/evaluate/batch',
      bodies: Array.from({ length: 20 }, (_, b) =>
        Array.from({ length: 100 }, (_, i) => patients[(b * 100 + i) % patients.length]).join('\n'),
      ),
      type: 'application/x-ndjson',
      per: 100,
    },
    rate: Number(values['batch-rate']),
  },
  {
    load: { name: 'cds', path: '/cds-services/chronic-pain-pathway', bodies: [cdsBody], per: 1 },
    rate: Number(values['cds-rate']),
  },
];

/** Server CPU per request answered, ms. */
const perRequest = (m: Run): number => m.cpuMs / m.requests;
const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

/** A run's figures, the server's CPU time during it (ms) and its GC pauses (ms, by kind). */
type Run = Measured & { cpuMs: number; gc: Map<string, number[]> };

/** The machine the figures come from. */
const machine = (): string => {
  const all = cpus();
  return `${all[0]?.model.trim() ?? 'unknown CPU'}, ${all.length} cores`;
};

/** GC pauses of a run in words: count, p50, p99, max and total by kind. */
const gcWords = (gc: Map<string, number[]>): string =>
  [...gc]
    .map(([kind, pauses]) => {
      const sorted = [...pauses].sort((a, b) => a - b);
      const total = sorted.reduce((sum, x) => sum + x, 0);
      return `${kind} ${sorted.length}× p50 ${ms(percentile(sorted, 50))} p99 ${ms(percentile(sorted, 99))} max ${ms(sorted[sorted.length - 1] ?? Number.NaN)} total ${total.toFixed(0)} ms`;
    })
    .join('; ') || 'none';

async function measure(
  service: Service,
  entry: (typeof LOADS)[number],
  mode: string,
): Promise<Run> {
  const run = (s: number): Promise<Measured> =>
    mode === 'closed'
      ? closedLoop(service.port, entry.load, connections, s)
      : openLoop(service.port, entry.load, entry.rate, s);
  await run(warmup);
  const cpuBefore = await service.cpuMs();
  service.takeGcPauses();
  const measured = await run(seconds);
  return { ...measured, cpuMs: (await service.cpuMs()) - cpuBefore, gc: service.takeGcPauses() };
}

/** Requests per round of `--inject`, by load. */
const INJECT_COUNT: Record<string, number> = { evaluate: 400, batch: 4, cds: 200 };

/** `--inject`: each checkout's app in this process, alternating in short rounds. */
async function injected(): Promise<void> {
  const apps: InProcessApp[] = [];
  try {
    apps.push(await buildCheckoutApp(resolve(values['server-dir'])));
    if (values.compare !== undefined) apps.push(await buildCheckoutApp(resolve(values.compare)));
    console.log(
      `Node ${process.version}, in process (app.inject, ${connections} at a time), ${rounds} rounds, load average at start ${load()}`,
    );
    console.log(apps.map((a, i) => `${i === 0 ? 'this' : 'compared'}: ${a.dir}`).join('; '));
    console.log('');
    console.log('| load | CPU µs/request (this, median of rounds) | compared | this / compared |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const { load: l } of LOADS) {
      if (values.only !== undefined && values.only !== l.name) continue;
      const count = INJECT_COUNT[l.name] ?? 100;
      const times = apps.map((): number[] => []);
      for (const a of apps) await injectRound(a.app, l, count, connections); // warm-up
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? apps : [...apps].reverse();
        for (const a of order)
          times[apps.indexOf(a)]?.push(await injectRound(a.app, l, count, connections, round));
      }
      const median = (xs: number[]): number => {
        const sorted = [...xs].sort((x, y) => x - y);
        return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
      };
      const [mine, theirs] = times.map(median) as [number, number | undefined];
      console.log(
        `| ${l.name} | ${mine.toFixed(0)} | ${theirs === undefined ? '' : theirs.toFixed(0)} | ${theirs === undefined ? '' : `×${(mine / theirs).toFixed(2)}`} |`,
      );
    }
    console.log('');
    console.log(`load average at the end ${load()}`);
  } finally {
    for (const a of apps) await a.close();
  }
}

const servers: Service[] = [];
// Interrupted: stop the servers this script started before leaving.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void Promise.all(servers.map((s) => s.stop())).finally(() => process.exit(130));
  });
if (values.inject) {
  await injected();
  process.exit(0);
}
if (values.stages) {
  console.log(`Node ${process.version}, ${machine()}, load average at start ${load()}`);
  await cdsStages(
    [
      resolve(values['server-dir']),
      ...(values.compare === undefined ? [] : [resolve(values.compare)]),
    ],
    Number(values.calls),
  );
  console.log(`load average at the end ${load()}`);
  process.exit(0);
}
try {
  servers.push(
    await startService(resolve(values['server-dir']), {
      nodeFlags: flagsOf(values['node-flags']),
      traceGc: values.gc,
    }),
  );
  if (values.compare !== undefined)
    servers.push(
      await startService(resolve(values.compare), {
        nodeFlags: flagsOf(values['compare-node-flags']),
        traceGc: values.gc,
      }),
    );
  const [after, before] = servers as [Service, Service | undefined];
  const named = (s: Service): string =>
    `${s.dir}${s.nodeFlags.length === 0 ? '' : ` (node ${s.nodeFlags.join(' ')})`}`;
  console.log(
    `${machine()}; Node ${process.version}, ${seconds} s per run (${warmup} s warm-up), load average at start ${load()}`,
  );
  console.log(
    `server: ${named(after)}${before === undefined ? '' : `; compared with ${named(before)}`}`,
  );
  const notes: string[] = [];
  console.log('');
  console.log(
    '| load | mode | server | requests/s | evaluations/s | p50 ms | p90 ms | p99 ms | server CPU ms/request | not 200 |',
  );
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const entry of LOADS) {
    if (values.only !== undefined && values.only !== entry.load.name) continue;
    for (const mode of modes) {
      const label = mode === 'closed' ? `closed, ${connections} conn.` : `open, ${entry.rate}/s`;
      const byServer = new Map<Service, Run[]>();
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? servers : [...servers].reverse();
        for (const service of order) {
          const measured = await measure(service, entry, mode);
          byServer.set(service, [...(byServer.get(service) ?? []), measured]);
          const name = service === after ? 'this' : 'compared';
          const late = measured.late === undefined ? '' : ` (${measured.late} sent late)`;
          console.log(
            `| ${entry.load.name} | ${label} | ${name} | ${measured.perSecond.toFixed(0)} | ${(measured.perSecond * entry.load.per).toFixed(0)} | ${ms(measured.p50)} | ${ms(measured.p90)} | ${ms(measured.p99)} | ${perRequest(measured).toFixed(3)} | ${measured.failed}${late} |`,
          );
          const c = measured.client;
          const words = [
            c === undefined
              ? ''
              : `client sent late p50 ${ms(c.lateP50)}, p99 ${ms(c.lateP99)}, max ${ms(c.lateMax)} ms; latency from the actual send p50 ${ms(c.fromSendP50)}, p90 ${ms(c.fromSendP90)}, p99 ${ms(c.fromSendP99)} ms`,
            values.gc ? `GC: ${gcWords(measured.gc)}` : '',
          ].filter((w) => w !== '');
          if (words.length > 0)
            notes.push(
              `${entry.load.name}, ${label}, ${name} (round ${round + 1}): ${words.join('; ')}`,
            );
        }
      }
      if (before !== undefined) {
        const mean = (s: Service, f: (m: Run) => number): number => {
          const runs = byServer.get(s) ?? [];
          return runs.reduce((sum, m) => sum + f(m), 0) / runs.length;
        };
        const ratio = (f: (m: Run) => number): string =>
          (mean(after, f) / mean(before, f)).toFixed(2);
        console.log(
          `| ${entry.load.name} | ${label} | this / compared | ×${ratio((m) => m.perSecond)} | | ×${ratio((m) => m.p50)} | ×${ratio((m) => m.p90)} | ×${ratio((m) => m.p99)} | ×${ratio(perRequest)} | |`,
        );
      }
    }
  }
  if (notes.length > 0) {
    console.log('');
    for (const note of notes) console.log(`- ${note}`);
  }
  console.log('');
  console.log(`load average at the end ${load()}`);
} finally {
  for (const service of servers) await service.stop();
}
