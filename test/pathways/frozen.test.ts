import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLock, readLock } from '../../engine/node/lock';
import { loadRepository } from '../../engine/node/repository';

describe('frozen versions in pathways/', () => {
  it('are all recorded in the lock with the content they were released with', async () => {
    const root = join(process.cwd(), 'pathways');
    const problems = checkLock(await loadRepository(root), await readLock(root));
    expect(problems.map((p) => p.message)).toEqual([]);
  });
});
