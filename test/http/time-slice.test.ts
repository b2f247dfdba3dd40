import { describe, expect, it } from 'vitest';
import { timeSlicer } from '../../engine/http/time-slice';

/** Runs `units` units of work, each awaiting `pause()`, and counts event-loop turns meanwhile. */
async function turnsDuring(sliceMs: number, units: number): Promise<number> {
  const pause = timeSlicer(sliceMs);
  let turns = 0;
  let running = true;
  const tick = (): void => {
    turns += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  for (let i = 0; i < units; i++) await pause();
  running = false;
  return turns;
}

describe('timeSlicer', () => {
  it('gives the event loop a turn after every unit when the slice is 0 ms', async () => {
    expect(await turnsDuring(0, 200)).toBeGreaterThanOrEqual(200);
  });

  it('runs units back to back, without a turn, while the slice lasts', async () => {
    expect(await turnsDuring(60_000, 200)).toBe(0);
  });
});
