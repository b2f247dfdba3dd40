/**
 * The service's own work per request, without the network: `buildApp` of one or two checkouts
 * in this process (each with its own SQLite audit file), driven with `app.inject` at a fixed
 * concurrency, alternating between the checkouts in short rounds, measured in CPU time. On a
 * machine shared with other work this gives before/after ratios that loopback runs cannot:
 * the CPU a request costs hardly depends on how often the process gets a core.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Load } from './loopback';

/** An app built from a checkout. */
export interface InProcessApp {
  dir: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Builds the app of the checkout `dir` (its engine/http/app.ts) over its pathways folder. */
export async function buildCheckoutApp(dir: string): Promise<InProcessApp> {
  const module = (await import(pathToFileURL(join(dir, 'engine/http/app.ts')).href)) as {
    buildApp(options: Record<string, unknown>): Promise<FastifyInstance>;
  };
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-inject-'));
  const app = await module.buildApp({
    pathwaysDir: join(dir, 'pathways'),
    auditFile: join(dataDir, 'audit.sqlite'),
    editorDir: join(dataDir, 'no-editor'),
    cds: { auth: { mode: 'off' } },
    limits: { clientConcurrency: 0 },
  });
  return {
    dir,
    app,
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `count` requests of `load`, `concurrency` at a time. Resolves with this process's CPU time
 * per request in microseconds (user + system, `process.cpuUsage`): unlike wall time, it does
 * not grow when other processes take the cores.
 */
export async function injectRound(
  app: FastifyInstance,
  load: Load,
  count: number,
  concurrency: number,
  offset = 0,
): Promise<number> {
  let next = 0;
  let failed = 0;
  const start = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const k = offset + next++;
        const response = await app.inject({
          method: 'POST',
          url: load.path,
          headers: { 'content-type': load.type ?? 'application/json' },
          payload: load.bodies[k % load.bodies.length] as string,
        });
        if (response.statusCode !== 200) failed += 1;
      }
    }),
  );
  if (failed > count / 10) throw new Error(`${load.name}: ${failed} of ${count} answers not 200`);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / count;
}
