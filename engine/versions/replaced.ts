/** Which version a newly published one replaces: the one its impact is measured against. */
import type { Pathway } from '../model/types';
import { compareVersions } from './select';

/**
 * The version `successor` replaces among `siblings`: the one it names in `supersedes`; else
 * the active version that starts before it (the one publishing retires); else the highest
 * version below it that was ever published. Undefined for a pathway's first version.
 */
export function replacedVersion(
  siblings: readonly Pathway[],
  successor: Pathway,
): Pathway | undefined {
  const others = siblings.filter((s) => s.id === successor.id && s.version !== successor.version);
  if (successor.supersedes !== undefined) {
    const named = others.find((s) => s.version === successor.supersedes);
    if (named !== undefined) return named;
  }
  const active = others
    .filter((s) => s.status === 'active' && s.effective.from < successor.effective.from)
    .sort((a, b) => a.effective.from.localeCompare(b.effective.from))
    .at(-1);
  if (active !== undefined) return active;
  return others
    .filter((s) => s.status !== 'draft' && compareVersions(s.version, successor.version) < 0)
    .sort((a, b) => compareVersions(a.version, b.version))
    .at(-1);
}
