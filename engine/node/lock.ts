/**
 * Frozen versions. The clinical content of an active or retired version never changes:
 * its hash is recorded in `<root>/frozen.lock.json`, and a changed, missing or unrecorded
 * frozen file is an error (checked by `pathway lint` and by the test suite).
 *
 * One change is allowed, because without it no version could ever be replaced: retiring.
 * Publishing a successor sets the active version's `status` to retired and gives it an
 * `effective.to`. So the recorded hash is that of the canonical document with those two
 * lifecycle fields left out ({@link frozenHash}); anything else that changes, even one
 * threshold, breaks the lock.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PathwayError } from '../errors';
import { contentHash } from '../model/hash';
import type { Pathway } from '../model/types';
import { printPathway } from '../yaml/print';
import type { PathwayRepository } from './repository';
import { withFileLock } from './exclusive';
import { writeFileAtomic } from './write';
import { parseJsonText } from '../model/input-text';

export const LOCK_FILE = 'frozen.lock.json';

/**
 * The hash a frozen version is held to: its canonical form with the lifecycle fields
 * (`status`, `effective.to`) normalised away, so retiring it keeps the hash.
 */
export function frozenHash(pathway: Pathway): string {
  return contentHash(
    printPathway({ ...pathway, status: 'active', effective: { from: pathway.effective.from } }),
  );
}

/** File key (`chronic-pain/1.0.0.yaml`) → frozen hash. */
export type Lock = Record<string, string>;

export interface LockProblem {
  key: string;
  problem: 'changed' | 'not-recorded' | 'missing';
  message: string;
}

/** Reads the lock; a missing lock file is an empty lock. */
export async function readLock(root: string): Promise<Lock> {
  let text: string;
  try {
    text = await readFile(join(root, LOCK_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    const parsed: unknown = parseJsonText(text);
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      Array.isArray(parsed) ||
      !Object.values(parsed).every((v) => typeof v === 'string')
    )
      throw new Error('expected an object of file → hash');
    return parsed as Lock;
  } catch (error) {
    throw new PathwayError(
      'FROZEN_CHANGED',
      `${LOCK_FILE} is malformed: ${(error as Error).message}`,
      [{ code: 'FROZEN_CHANGED', message: (error as Error).message, file: join(root, LOCK_FILE) }],
    );
  }
}

/** Compares the frozen versions on disk with the lock. */
export function checkLock(repo: PathwayRepository, lock: Lock): LockProblem[] {
  const problems: LockProblem[] = [];
  const seen = new Set<string>();
  for (const versions of repo.pathways.values()) {
    for (const v of versions) {
      seen.add(v.key);
      const recorded = lock[v.key];
      if (v.pathway.status === 'draft') continue;
      if (recorded === undefined)
        problems.push({
          key: v.key,
          problem: 'not-recorded',
          message: `${v.key} is ${v.pathway.status} but not recorded in ${LOCK_FILE}: run \`pathway freeze\``,
        });
      else if (recorded !== frozenHash(v.pathway))
        problems.push({
          key: v.key,
          problem: 'changed',
          message: `${v.key} is frozen (${v.pathway.status}) but its clinical content changed: put the change in a new version`,
        });
    }
  }
  for (const key of Object.keys(lock)) {
    if (!seen.has(key))
      problems.push({
        key,
        problem: 'missing',
        message: `${key} is recorded as frozen but the file is gone`,
      });
  }
  return problems;
}

/**
 * Records newly frozen versions in the lock. Never rewrites an existing entry: a changed
 * frozen file stays an error. Returns the keys added.
 */
export async function freeze(repo: PathwayRepository): Promise<string[]> {
  const added: string[] = [];
  await updateLock(repo.root, 'freeze', (lock) => {
    for (const versions of repo.pathways.values()) {
      for (const v of versions) {
        if (v.pathway.status !== 'draft' && lock[v.key] === undefined) {
          lock[v.key] = frozenHash(v.pathway);
          added.push(v.key);
        }
      }
    }
    return added.length > 0;
  });
  return added;
}

/** The file that keeps two writers of `frozen.lock.json` apart (see engine/node/exclusive). */
export const LOCK_GUARD = `.${LOCK_FILE}.lock`;

/**
 * Reads, changes and writes the lock as one step across processes: publishes of different
 * pathways (perhaps from different service instances) each add an entry, and without the
 * guard one could write back a lock read before the other's entry was added. `change`
 * edits the lock in place and says whether to write it.
 */
export async function updateLock(
  root: string,
  purpose: string,
  change: (lock: Lock) => boolean,
): Promise<void> {
  await withFileLock(
    join(root, LOCK_GUARD),
    purpose,
    async () => {
      const lock = await readLock(root);
      if (change(lock)) await writeLock(root, lock);
    },
    { waitMs: 10_000 },
  );
}

/** Writes the lock atomically, entries sorted by file, so the file diffs cleanly in review. */
export async function writeLock(root: string, lock: Lock): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(lock).sort(([a], [b]) => a.localeCompare(b)));
  await writeFileAtomic(join(root, LOCK_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
}
