import { rm, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { errorCode, errorOf, service, type TestService } from './helpers';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.app.close();
  svc = undefined;
});

describe('GET /api/health', () => {
  it('answers ok while the data folder takes a write, leaving no probe file behind', async () => {
    svc = await service();
    const { status, body } = await svc.call({ method: 'GET', url: '/api/health' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', audit: 'ok' });
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(svc.dataDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('answers 503 naming the data folder when it cannot be written, instead of "audit log ok"', async () => {
    svc = await service();
    // The folder is replaced by a file (as good as a disk that refuses writes): the audit
    // database stays open, but nothing new can be written there.
    await rm(svc.dataDir, { recursive: true, force: true });
    await writeFile(svc.dataDir, 'not a folder');
    const { status, body } = await svc.call({ method: 'GET', url: '/api/health' });
    expect([status, errorCode(body)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(errorOf(body).message).toMatch(/data folder cannot be written.*ENOTDIR/);
    expect(errorOf(body).message).not.toContain(svc.dataDir);
    await rm(svc.dataDir, { force: true });
  });
});
