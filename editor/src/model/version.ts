/** Versions in the editor: the next draft from the latest version. */
import type { Pathway } from '../../../engine/index';
import { compareVersions } from '../../../engine/editor';

/** The next minor version: 1.1.0 → 1.2.0 (a pre-release suffix is dropped). */
export function nextMinorVersion(version: string): string {
  const [major = '0', minor = '0'] = version.split(/[.-]/);
  return `${Number(major)}.${Number(minor) + 1}.0`;
}

/** The highest of a list of versions. */
export function latestVersion(versions: readonly string[]): string | undefined {
  return [...versions].sort(compareVersions).at(-1);
}

/**
 * A new draft copied from `latest`: the next minor version, status draft, in effect from
 * `today` with no end. Everything else is kept, so the first diff shows only real edits.
 */
export function newDraft(latest: Pathway, today: string): Pathway {
  const draft: Pathway = {
    ...latest,
    version: nextMinorVersion(latest.version),
    status: 'draft',
    effective: { from: today },
  };
  return draft;
}

/** True for versions that must never change on disk (active and retired). */
export function isFrozenStatus(status: Pathway['status']): boolean {
  return status !== 'draft';
}
