/**
 * The batch route itself yields: while a batch whose whole input is already received runs,
 * small evaluations keep being answered. Without the batch's time slicing
 * (engine/http/time-slice.ts) they get through only when the response stream backs up, and
 * this fails (checked by removing the pause in routes/batch.ts).
 */
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { service, type TestService } from './helpers';

const LINE = `${JSON.stringify({ facts: { painMonths: 8, flags: [] } })}\n`;
const EVALUATE = JSON.stringify({ facts: { painMonths: 8, flags: [] } });

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.app.close();
  svc = undefined;
});

describe('the batch route yields to small requests', () => {
  it(
    'answers more than ten small evaluations a second while a batch received in one piece runs',
    { timeout: 60_000 },
    async () => {
      svc = await service({ limits: { batchSliceMs: 5 } });
      const app = svc.app;
      // Long enough to last over a second on a quiet machine too (6 000 lines took 0.75 s).
      const lines = 24_000;
      const started = performance.now();
      let batchDone = false;
      const batch = app
        .inject({
          method: 'POST',
          url: '/api/pathways/mini/evaluate/batch?trace=false',
          headers: { 'content-type': 'application/x-ndjson' },
          // One chunk: reading the input never waits on I/O.
          payload: Readable.from([Buffer.from(LINE.repeat(lines))]),
        })
        .then((response) => {
          batchDone = true;
          return response;
        });
      const waits: number[] = [];
      const small = async (): Promise<void> => {
        const sent = performance.now();
        const response = await app.inject({
          method: 'POST',
          url: '/api/pathways/mini/evaluate?trace=false',
          headers: { 'content-type': 'application/json' },
          payload: EVALUATE,
        });
        expect(response.statusCode).toBe(200);
        if (!batchDone) waits.push(performance.now() - sent);
      };
      const smalls: Promise<void>[] = [];
      const timer = setInterval(() => smalls.push(small()), 20);
      const response = await batch;
      const batchMs = performance.now() - started;
      clearInterval(timer);
      await Promise.all(smalls);
      expect(response.body.match(/"line":\d+/g)).toHaveLength(lines);
      expect(batchMs).toBeGreaterThan(1000);
      // Small requests are sent every 20 ms whenever the event loop gets a turn: with the
      // slicing that is dozens a second (25/s measured on a loaded 2-core machine); without it
      // the loop turns only when the response stream backs up, about once a second (3/s).
      expect(waits.length).toBeGreaterThan(batchMs / 100);
    },
  );
});
