/**
 * A lock across processes: a file created atomically (a hard link, which fails if the name
 * is taken, like O_EXCL), holding who took it and when.
 * Several service instances may share one pathways folder, so an in-process mutex is not
 * enough to keep two publishes of one pathway apart.
 *
 * A holder killed with -9 leaves its lock file behind. Such a lock is stale, and taken over,
 * when its process is gone (same host, pid not alive) or when it is older than
 * {@link STALE_AFTER_MS}: publishing takes well under a second, so a lock that old is
 * abandoned, not busy.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { tempName } from './write';

/** A lock older than this is taken over, whoever holds it. */
export const STALE_AFTER_MS = 60_000;

/** What a lock file says about its holder. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the lock was taken (ISO instant). */
  since: string;
  /** What the holder is doing, for the message the loser gets (e.g. `publish 1.3.0`). */
  purpose: string;
  /** Random, so that two holders in one process at the same millisecond differ. */
  token: string;
  /** Extra facts about the holder (e.g. the version being published). */
  details?: Record<string, string>;
}

/** The lock was held by someone else. */
export class LockHeldError extends Error {
  constructor(
    readonly file: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(
      holder === undefined
        ? `${file} is locked`
        : `${file} is held by pid ${holder.pid} on ${holder.host} since ${holder.since} (${holder.purpose})`,
    );
  }
}

function isLockHolder(value: unknown): value is LockHolder {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.pid === 'number' &&
    typeof v.host === 'string' &&
    typeof v.since === 'string' &&
    typeof v.purpose === 'string' &&
    typeof v.token === 'string'
  );
}

/** The holder written in `file`, or undefined when it is gone or half written. */
export async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return isLockHolder(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(
  file: string,
  holder: LockHolder | undefined,
  now: number,
): Promise<boolean> {
  if (holder !== undefined && holder.host === hostname() && !processAlive(holder.pid)) return true;
  let modified: number;
  try {
    modified = (await stat(file)).mtimeMs;
  } catch {
    return false; // gone: the next attempt creates it
  }
  const since = holder === undefined ? modified : Date.parse(holder.since);
  return now - (Number.isNaN(since) ? modified : since) > STALE_AFTER_MS;
}

/**
 * Takes a stale lock out of the way. Renaming (atomic) to a unique name first, then checking
 * that what was moved is still the stale holder read before, means two processes breaking
 * the same stale lock at once cannot remove a fresh lock the other one just took: the
 * second rename fails (ENOENT) or moves a fresh lock, which is then put back.
 */
async function breakStale(file: string, seen: LockHolder | undefined): Promise<void> {
  const aside = tempName(file);
  try {
    await rename(file, aside);
  } catch {
    return;
  }
  const moved = await readHolder(aside);
  const same =
    moved === undefined ? seen === undefined : seen !== undefined && moved.token === seen.token;
  if (same) {
    await unlink(aside).catch(() => undefined);
    return;
  }
  // A fresh lock was moved: put it back unless someone has taken the name meanwhile.
  await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  /** How long to keep trying while someone else holds the lock (ms). 0 (default): fail at once. */
  waitMs?: number;
  /** Extra facts written into the lock file for a loser to report. */
  details?: Record<string, string>;
}

/**
 * Creates the lock file already holding its holder: written to a temporary file, then
 * hard-linked to the lock's name, which fails with EEXIST atomically if the lock is taken.
 * So a loser never reads a lock file half written.
 */
async function tryTake(file: string, holder: LockHolder): Promise<boolean> {
  const temp = tempName(file);
  await writeFile(temp, JSON.stringify(holder), { encoding: 'utf8', flag: 'wx' });
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Runs `task` holding the lock file `file`, removing it afterwards. Throws
 * {@link LockHeldError} naming the holder when the lock stays taken for `waitMs`.
 */
export async function withFileLock<T>(
  file: string,
  purpose: string,
  task: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    purpose,
    token: randomBytes(8).toString('hex'),
    ...(options.details === undefined ? {} : { details: options.details }),
  };
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    if (await tryTake(file, holder)) break;
    const current = await readHolder(file);
    if (await isStale(file, current, Date.now())) {
      await breakStale(file, current);
      continue;
    }
    if (Date.now() >= deadline) throw new LockHeldError(file, current);
    await new Promise((resolve) => setTimeout(resolve, 15 + Math.random() * 20));
  }
  try {
    return await task();
  } finally {
    // Remove only our own lock (a lock judged stale by others may have been replaced).
    const now = await readHolder(file);
    if (now?.token === holder.token) await unlink(file).catch(() => undefined);
  }
}
