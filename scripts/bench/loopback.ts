/**
 * What the HTTP benchmarks share (bench-http.ts, bench-fairness.ts): starting `pathway serve`
 * from a checkout in a process of its own on a free loopback port, waiting until it answers,
 * and the two ways of loading it:
 *
 * - {@link closedLoop}: autocannon with N keep-alive connections, each sending its next
 *   request when the answer to the last one has arrived (throughput at a fixed concurrency);
 * - {@link openLoop}: requests sent on a fixed schedule (one every 1/rate s) whether or not
 *   earlier answers have arrived, on as many connections as that needs, each latency counted
 *   from the moment the request was due (so a stall is charged to every request it delays).
 *   Its client is `raw-http.ts` (requests prepared as bytes, answers read to their end only),
 *   so that the client's own CPU and garbage take as little of the shared cores as they can.
 *
 * The open loop is not autocannon's `overallRate`: autocannon gives each connection a quota
 * per second and lets it send the quota back to back when the second starts, so the requests
 * arrive in bursts at the top of every second (every connection's timer starts together), and
 * the tail it reports is the burst's queue, not the service's latency at that rate.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { RawClient, requestBytes } from './raw-http';

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

/** A `pathway serve` started by {@link startService}. */
export interface Service {
  /** The checkout it runs from. */
  dir: string;
  port: number;
  /**
   * CPU time the server process has used so far, in milliseconds (user + system, from
   * /proc; NaN where there is none). Per request it changes far less with the machine's
   * load than requests/s do.
   */
  cpuMs(): Promise<number>;
  /** Node flags the server was started with (e.g. `--max-semi-space-size=64`). */
  nodeFlags: readonly string[];
  /**
   * The garbage collector's pauses since the last call, in milliseconds, by kind (`Scavenge`,
   * `Mark-Compact` …), read from the server's `--trace-gc` lines; empty unless `traceGc`.
   */
  takeGcPauses(): Map<string, number[]>;
  /** Stops the process and deletes its data folder (the audit log). */
  stop(): Promise<void>;
}

/** One `--trace-gc` line: `… ms: Scavenge 4.6 (4.7) -> 4.2 (5.7) MB, 5.22 / 0.01 ms …`. */
const GC_LINE =
  /ms: ([A-Za-z-]+)(?: \([a-z]+\))? [\d.]+ \([\d.]+\) -> [\d.]+ \([\d.]+\) MB, ([\d.]+) \/ /;

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** User + system CPU of process `pid` in milliseconds, from /proc (NaN when unreadable). */
async function processCpuMs(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (in parentheses, which may hold spaces): utime is the
    // 14th field of the line, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return Number.NaN;
  }
}

/** How {@link startService} starts the server besides its checkout. */
export interface ServiceStart {
  /** Variables added to (or overriding) the environment. */
  env?: NodeJS.ProcessEnv;
  /** Flags for the server's node (before the script), e.g. `--max-semi-space-size=64`. */
  nodeFlags?: readonly string[];
  /** Start it with `--trace-gc` and collect its pauses ({@link Service.takeGcPauses}). */
  traceGc?: boolean;
}

/**
 * Starts `pathway serve` from the checkout `dir` (its own bin/, engine/ and node_modules) on
 * a free loopback port, with a fresh data folder (a SQLite audit log), logging at `warn`, CDS
 * Hooks authentication off and no per-client limit (all the load comes from one address).
 */
export async function startService(dir: string, start: ServiceStart = {}): Promise<Service> {
  const root = resolve(dir);
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-http-'));
  const nodeFlags = [...(start.nodeFlags ?? []), ...(start.traceGc === true ? ['--trace-gc'] : [])];
  const env = start.env ?? {};
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeFlags, join(root, 'bin/pathway.mjs'), 'serve', '--port', String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        CDS_AUTH: 'off',
        CLIENT_CONCURRENCY: '0',
        ...env,
      },
      stdio: ['ignore', start.traceGc === true ? 'pipe' : 'ignore', 'inherit'],
    },
  );
  let pauses = new Map<string, number[]>();
  let rest = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const match = GC_LINE.exec(line);
      if (match === null) continue;
      const kind = match[1] ?? '?';
      pauses.set(kind, [...(pauses.get(kind) ?? []), Number(match[2])]);
    }
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await waitForServer(port, agent);
  } finally {
    agent.destroy();
  }
  return {
    dir: root,
    port,
    cpuMs: () => processCpuMs(child.pid),
    nodeFlags: start.nodeFlags ?? [],
    takeGcPauses() {
      const taken = pauses;
      pauses = new Map();
      return taken;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One kind of request to load a service with. */
export interface Load {
  name: string;
  path: string;
  /** Request bodies, sent in turn. */
  bodies: readonly string[];
  /** Content type of the bodies (default application/json). */
  type?: string;
  /** Evaluations per request (100 for a batch of 100 lines). */
  per: number;
}

/** What one run measured; latencies in milliseconds. */
export interface Measured {
  requests: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Answers other than 200, and requests that failed on the connection. */
  failed: number;
  /** Open loop: requests sent more than 1 ms after they were due (the client fell behind). */
  late?: number;
  /**
   * Open loop: how late the client sent requests (ms after due; p50, p99, max), and the
   * latency counted from when each request was actually sent (p50, p90, p99). The
   * difference from the latency counted from when it was due is the client's share.
   */
  client?: {
    lateP50: number;
    lateP99: number;
    lateMax: number;
    fromSendP50: number;
    fromSendP90: number;
    fromSendP99: number;
  };
}

/**
 * Closed loop: autocannon with `connections` keep-alive connections for `seconds`, each
 * sending the next body as soon as its answer is in.
 */
export async function closedLoop(
  port: number,
  load: Load,
  connections: number,
  seconds: number,
): Promise<Measured> {
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: load.path,
        headers: { 'content-type': load.type ?? 'application/json' },
        setupRequest: (req) => ({
          ...req,
          body: load.bodies[next++ % load.bodies.length] as string,
        }),
      },
    ],
  });
  const latency = result.latency;
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / (result.duration || seconds),
    p50: latency.p50,
    p90: latency.p90,
    p99: latency.p99,
    max: latency.max,
    failed: result.non2xx + result.errors,
  };
}

/**
 * Open loop: one request due every `1000 / rate` ms for `seconds`, each sent when due on a
 * free keep-alive connection (up to `maxSockets`), its latency counted from when it was due.
 * Answers still missing `drainMs` after the last request was sent count as failed.
 */
export async function openLoop(
  port: number,
  load: Load,
  rate: number,
  seconds: number,
  maxSockets = 512,
  drainMs = 10_000,
): Promise<Measured> {
  const client = new RawClient(port, maxSockets);
  const requests = load.bodies.map((body) =>
    requestBytes(port, load.path, load.type ?? 'application/json', body),
  );
  // Filled in place: no allocation per request while the run lasts.
  const total = Math.round(rate * seconds);
  const latencies = new Float64Array(total);
  const fromSend = new Float64Array(total);
  const lateness = new Float64Array(total);
  let answered = 0;
  const interval = 1000 / rate;
  let failed = 0;
  let late = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now() + 10;
  const send = (k: number): void => {
    const due = start + k * interval;
    const sent = performance.now();
    lateness[k] = Math.max(0, sent - due);
    if (sent - due > 1) late += 1;
    pending.push(
      client.send(requests[k % requests.length] as Buffer).then((status) => {
        if (status === undefined) {
          failed += 1;
          return;
        }
        const now = performance.now();
        latencies[answered] = now - due;
        fromSend[answered] = now - sent;
        answered += 1;
        if (status !== 200) failed += 1;
      }),
    );
  };
  let k = 0;
  await new Promise<void>((finished) => {
    const tick = (): void => {
      const now = performance.now();
      while (k < total && start + k * interval <= now) send(k++);
      if (k >= total) finished();
      else setTimeout(tick, Math.max(0, start + k * interval - performance.now()));
    };
    setTimeout(tick, 10);
  });
  // An overloaded service may hold answers for long: after `drainMs` the rest count as failed.
  const drained = await Promise.race([
    Promise.all(pending).then(() => true),
    new Promise<false>((r) => setTimeout(() => r(false), drainMs)),
  ]);
  if (!drained) client.destroy();
  await Promise.all(pending);
  client.destroy();
  const ascending = (xs: Float64Array, n: number): number[] =>
    Array.from(xs.subarray(0, n)).sort((a, b) => a - b);
  const sorted = ascending(latencies, answered);
  const sent = ascending(fromSend, answered);
  const lateSorted = ascending(lateness, total);
  const elapsed = performance.now() - start;
  return {
    requests: sorted.length,
    perSecond: (sorted.length / elapsed) * 1000,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    failed,
    late,
    client: {
      lateP50: percentile(lateSorted, 50),
      lateP99: percentile(lateSorted, 99),
      lateMax: lateSorted[lateSorted.length - 1] ?? Number.NaN,
      fromSendP50: percentile(sent, 50),
      fromSendP90: percentile(sent, 90),
      fromSendP99: percentile(sent, 99),
    },
  };
}
