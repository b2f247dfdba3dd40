/**
 * Whether a folder can be written now: writes and removes a small probe file. A full disk,
 * a read-only remount or a vanished folder shows up here before the audit log fails a
 * request. The probe is named like every temporary file (engine/node/write), so one left
 * by a killed process is swept at the next start.
 */
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempName } from './write';

/** undefined when `dir` took a write; otherwise why it did not (e.g. `ENOSPC: no space left…`). */
export async function probeWritable(dir: string): Promise<string | undefined> {
  const probe = tempName(join(dir, 'health-probe'));
  try {
    await writeFile(probe, 'probe\n', { flag: 'wx' });
  } catch (error) {
    // Node says "ENOSPC: no space left on device, open '<path>'": the reason, not the path.
    return (error as Error).message.split(', ')[0] ?? 'cannot write';
  }
  await unlink(probe).catch(() => undefined);
  return undefined;
}
