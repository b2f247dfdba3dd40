/**
 * Choosing a version: the one in effect on a date (`effective.from` ≤ date < `effective.to`),
 * or an explicitly named one. Drafts are never in effect by date; they can be named.
 */
import { PathwayError } from '../errors';
import type { Pathway } from '../model/types';

/**
 * Whether a version is in effect on `date` (YYYY-MM-DD; string order is date order). Give the
 * other versions of the pathway as `siblings` so that a successor's `supersedes` is honoured;
 * without them only the version's own dates count.
 */
export function inEffectOn(
  pathway: Pathway,
  date: string,
  siblings: readonly Pathway[] = [],
): boolean {
  if (pathway.status === 'draft') return false;
  const end = effectiveEnd(pathway, siblings);
  return pathway.effective.from <= date && (end === undefined || date < end);
}

/**
 * The non-draft sibling that declares `supersedes: <this version>` and starts earliest, if any.
 * A draft successor retires nothing until it is published.
 */
export function supersederOf(pathway: Pathway, siblings: readonly Pathway[]): Pathway | undefined {
  let found: Pathway | undefined;
  for (const s of siblings) {
    if (s.id !== pathway.id || s.status === 'draft' || s.supersedes !== pathway.version) continue;
    if (found === undefined || s.effective.from < found.effective.from) found = s;
  }
  return found;
}

/**
 * The exclusive end of a version's effective period: its own `effective.to`, or the start of a
 * successor that supersedes it, whichever comes first. A frozen file cannot be edited to end
 * it, so the successor's declaration is what retires it (docs/versions.md). Undefined = open.
 */
export function effectiveEnd(pathway: Pathway, siblings: readonly Pathway[]): string | undefined {
  const own = pathway.effective.to;
  const next = supersederOf(pathway, siblings)?.effective.from;
  if (next === undefined) return own;
  return own === undefined || next < own ? next : own;
}

/** Compares semantic versions numerically (1.10.0 > 1.9.0); a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2);
  const [coreB = '', preB] = b.split('-', 2);
  const pa = coreA.split('.').map(Number);
  const pb = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

/** Picks one version of one pathway. Throws UNKNOWN_VERSION, NO_VERSION_IN_EFFECT or AMBIGUOUS_VERSION. */
export function selectVersion<T extends { pathway: Pathway }>(
  versions: readonly T[],
  choice: { version?: string | undefined; asOf: string },
): T {
  const id = versions[0]?.pathway.id ?? '?';
  if (choice.version !== undefined) {
    const found = versions.find((v) => v.pathway.version === choice.version);
    if (found === undefined) {
      const known = versions.map((v) => v.pathway.version).join(', ');
      throw new PathwayError(
        'UNKNOWN_VERSION',
        `pathway ${id} has no version ${choice.version} (it has ${known || 'none'})`,
        [
          {
            code: 'UNKNOWN_VERSION',
            message: `no version ${choice.version}`,
            path: 'version',
            value: choice.version,
          },
        ],
        id,
      );
    }
    return found;
  }
  const all = versions.map((v) => v.pathway);
  const inEffect = versions.filter((v) => inEffectOn(v.pathway, choice.asOf, all));
  if (inEffect.length === 0) {
    throw new PathwayError(
      'NO_VERSION_IN_EFFECT',
      `no version of pathway ${id} is in effect on ${choice.asOf}`,
      [
        {
          code: 'NO_VERSION_IN_EFFECT',
          message: `no version in effect on ${choice.asOf}`,
          path: 'asOf',
          value: choice.asOf,
        },
      ],
      id,
    );
  }
  if (inEffect.length > 1) {
    const list = inEffect.map((v) => v.pathway.version).join(' and ');
    throw new PathwayError(
      'AMBIGUOUS_VERSION',
      `versions ${list} of pathway ${id} are both in effect on ${choice.asOf}: fix their effective dates`,
      [{ code: 'AMBIGUOUS_VERSION', message: `${list} overlap`, path: 'asOf', value: choice.asOf }],
      id,
    );
  }
  return inEffect[0] as T;
}
