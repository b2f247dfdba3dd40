/**
 * The {@link ServiceContext} of a running service: the pathways folder (loaded once and
 * reloaded when it changes), the evaluation service over it (its compile cache keeps
 * compiled pathways by content hash), the audit log and the clock.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AuditLog } from '../audit/types';
import { PathwayError, isPathwayError } from '../errors';
import { loadMedicationCodes } from '../node/medication-codes';
import { loadRepository, versionsOf, type PathwayRepository } from '../node/repository';
import { createEvaluationService } from '../service/service';
import { systemToday, type Today } from '../service/today';
import type { MedicationCoding } from '../terminology/medication-codes';
import type { ServiceContext } from './context';
import { KeyedMutex } from './mutex';
import { repositoryOf } from './repo';

/** Options of {@link createServiceContext}. */
export interface ServiceContextOptions {
  pathwaysDir: string;
  audit: AuditLog;
  /** The clock: today in a time zone (default: the system clock; see engine/service/today). */
  today?: Today;
  /** How often (ms) to look for changes made on disk by others (git pull, an editor). Default 1000. */
  recheckMs?: number;
  /** How many compiled versions to keep. Default 64. */
  compiledCacheSize?: number;
  /** The medication code table to read (default: the one shipped in terminology/). */
  medicationCodesFile?: string;
}

/** A ServiceContext the service owns: it can be told that the folder changed, and closed. */
export interface LocalServiceContext extends ServiceContext {
  /** Forget the loaded repository (after a save), so the next call reads the folder again. */
  invalidate(): void;
  /** Serialises writes to one file. */
  writes: KeyedMutex;
  /** Closes the audit log (after its pending writes). */
  close(): Promise<void>;
}

/** Names, sizes and modification times of the version files: changes when any file does. */
async function signature(root: string): Promise<string> {
  const parts: string[] = [];
  let dirs: string[];
  try {
    dirs = (await readdir(root, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return 'missing';
  }
  for (const dir of dirs.sort()) {
    let files: string[];
    try {
      files = (await readdir(join(root, dir))).filter((f) => f.endsWith('.yaml')).sort();
    } catch {
      continue;
    }
    for (const file of files) {
      try {
        const s = await stat(join(root, dir, file));
        parts.push(`${dir}/${file}:${s.size}:${s.mtimeMs}`);
      } catch {
        parts.push(`${dir}/${file}:gone`);
      }
    }
  }
  return parts.join('|');
}

/**
 * A broken medication code table is the server's fault, not the caller's: it answers 500
 * (FILE_READ) while the issues keep their own codes (ATC_FORMAT, CODE_CONFLICT, …).
 */
function asServerFault(error: unknown): never {
  if (!isPathwayError(error) || error.code === 'FILE_READ') throw error;
  throw new PathwayError(
    'FILE_READ',
    `the medication code table cannot be used: ${error.message}`,
    [...error.issues],
  );
}

/** Builds the context for a pathways folder and an audit log. */
export function createServiceContext(options: ServiceContextOptions): LocalServiceContext {
  const root = resolve(options.pathwaysDir);
  const recheckMs = options.recheckMs ?? 1000;
  let loaded:
    { repo: Promise<PathwayRepository>; signature: Promise<string>; checkedAt: number } | undefined;

  const load = (): NonNullable<typeof loaded> => {
    // The signature is taken before reading, so a change during the read is seen next time.
    const sig = signature(root);
    const repo = sig.then(() => loadRepository(root));
    const entry = { repo, signature: sig, checkedAt: Date.now() };
    // A failed load is not cached: the next request tries again.
    repo.catch(() => {
      if (loaded === entry) loaded = undefined;
    });
    return entry;
  };

  const repository = async (): Promise<PathwayRepository> => {
    if (loaded === undefined) loaded = load();
    else if (Date.now() - loaded.checkedAt >= recheckMs) {
      const current = loaded;
      current.checkedAt = Date.now();
      const [before, now] = await Promise.all([current.signature, signature(root)]);
      if (before !== now && loaded === current) loaded = load();
    }
    return loaded.repo;
  };

  // The table is read on first use and kept: it ships with the code, so it changes only with
  // a new deployment. A failed read is not kept, so the next request tries again.
  let medicationCodes: Promise<readonly MedicationCoding[]> | undefined;
  const loadCodes = (): Promise<readonly MedicationCoding[]> => {
    if (medicationCodes === undefined) {
      const loading = loadMedicationCodes(options.medicationCodesFile).catch(asServerFault);
      loading.catch(() => {
        if (medicationCodes === loading) medicationCodes = undefined;
      });
      medicationCodes = loading;
    }
    return medicationCodes;
  };

  const today = options.today ?? systemToday();
  const ctx: LocalServiceContext = {
    pathwaysDir: root,
    repository,
    service: createEvaluationService({
      // A broken folder answers 500 naming its files: it is not the caller's fault.
      versionsOf: async (id) => versionsOf(await repositoryOf(ctx), id),
      today,
      audit: options.audit,
      ...(options.compiledCacheSize === undefined
        ? {}
        : { compileCacheSize: options.compiledCacheSize }),
    }),
    audit: options.audit,
    today,
    medicationCodes: loadCodes,
    invalidate() {
      loaded = undefined;
    },
    writes: new KeyedMutex(),
    close: () => options.audit.close(),
  };
  return ctx;
}
