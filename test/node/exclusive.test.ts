import { utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockHeldError, STALE_AFTER_MS, withFileLock } from '../../engine/node/exclusive';
import { tempDir } from '../fixtures/files';

describe('withFileLock', () => {
  it('runs tasks on one lock file one at a time and refuses a second holder naming the first', async () => {
    const file = join(await tempDir(), '.x.lock');
    let inside = 0;
    let most = 0;
    const task = async (): Promise<string> => {
      inside += 1;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inside -= 1;
      return 'done';
    };
    const [a, b] = await Promise.allSettled([
      withFileLock(file, 'first', task, { details: { version: '1' } }),
      withFileLock(file, 'second', task),
    ]);
    expect(most).toBe(1);
    const rejected = [a, b].filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    const reason = (rejected[0] as PromiseRejectedResult).reason as LockHeldError;
    expect(reason).toBeInstanceOf(LockHeldError);
    expect(reason.holder).toMatchObject({ pid: process.pid, host: hostname() });
  });

  it('waits for the holder when asked to wait', async () => {
    const file = join(await tempDir(), '.x.lock');
    const order: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        withFileLock(
          file,
          name,
          async () => {
            order.push(`${name}+`);
            await new Promise((resolve) => setTimeout(resolve, 10));
            order.push(`${name}-`);
          },
          { waitMs: 5000 },
        ),
      ),
    );
    for (let i = 0; i < order.length; i += 2) expect(order[i]?.[0]).toBe(order[i + 1]?.[0]);
  });

  it('takes over a lock older than the age limit even when its holder looks alive', async () => {
    const file = join(await tempDir(), '.x.lock');
    await writeFile(
      file,
      JSON.stringify({
        pid: process.pid,
        host: 'elsewhere',
        since: '2020-01-01T00:00:00.000Z',
        purpose: 'x',
        token: 't',
      }),
    );
    const old = (Date.now() - STALE_AFTER_MS * 2) / 1000;
    await utimes(file, old, old);
    await expect(withFileLock(file, 'mine', async () => 'ran')).resolves.toBe('ran');
  });

  it('keeps a fresh lock of a live holder on another host', async () => {
    const file = join(await tempDir(), '.x.lock');
    await writeFile(
      file,
      JSON.stringify({
        pid: 1,
        host: 'elsewhere',
        since: new Date().toISOString(),
        purpose: 'x',
        token: 't',
      }),
    );
    await expect(withFileLock(file, 'mine', async () => 'ran')).rejects.toThrow(
      /held by pid 1 on elsewhere/,
    );
  });
});
