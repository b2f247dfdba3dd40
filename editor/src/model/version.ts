/** Versions in the editor: the next draft, copied from the version on screen. */
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

/**
 * A new draft copied from `onScreen` (the version the author is looking at, not necessarily
 * the latest): numbered after the highest of `existing` (so it never collides with a
 * version that exists), status draft, in effect from `today`. What belonged to the copied
 * version alone is dropped: its publication record (written when *it* was published) and a
 * `supersedes` naming its own predecessor.
 */
export function newVersionFrom(
  onScreen: Pathway,
  existing: readonly string[],
  today: string,
): Pathway {
  const latest = latestVersion([...existing, onScreen.version]) ?? onScreen.version;
  const draft: Pathway = {
    ...onScreen,
    version: nextMinorVersion(latest),
    status: 'draft',
    effective: { from: today },
  };
  delete draft.publication;
  delete draft.supersedes;
  return draft;
}

/** True for versions that must never change on disk (active and retired). */
export function isFrozenStatus(status: Pathway['status']): boolean {
  return status !== 'draft';
}
