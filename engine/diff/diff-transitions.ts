/** Entries for one transition list: a step's own transitions or the global ones. */
import type { Transition } from '../model/types';
import { compareFields } from './fields';
import { matchTransitions } from './match-transitions';
import type { DiffEntry, TransitionPlace } from './types';

const TRANSITION_FIELDS = ['to', 'when', 'reason', 'references'] as const;

/** The order in which a list's transitions are tried, by target. */
function order(list: readonly Transition[]): TransitionPlace[] {
  return list.map((t, index) => ({ index, to: t.to }));
}

/**
 * Compares two versions of a transition list. `stepId` is the owning step, or undefined
 * for the global transitions (then the entries' area is `global-transition`).
 */
export function diffTransitions(
  before: readonly Transition[],
  after: readonly Transition[],
  stepId: string | undefined,
): DiffEntry[] {
  const area = stepId === undefined ? 'global-transition' : 'transition';
  const owner = stepId === undefined ? {} : { stepId };
  const match = matchTransitions(before, after);
  const entries: DiffEntry[] = [];
  for (const oldIndex of match.removed) {
    const old = before[oldIndex];
    if (old !== undefined)
      entries.push({
        kind: `${area}-removed`,
        area,
        change: 'removed',
        ...owner,
        oldIndex,
        to: old.to,
        fields: [],
        old,
      });
  }
  for (const { oldIndex, newIndex } of match.pairs) {
    const old = before[oldIndex];
    const now = after[newIndex];
    if (old === undefined || now === undefined) continue;
    const fields = compareFields(old, now, TRANSITION_FIELDS);
    if (fields.length === 0) continue;
    const change = fields.some((f) => f.field === 'to') ? 'retargeted' : 'changed';
    entries.push({
      kind: `${area}-${change}`,
      area,
      change,
      ...owner,
      oldIndex,
      newIndex,
      to: now.to,
      fields,
      old,
      new: now,
    });
  }
  for (const newIndex of match.added) {
    const now = after[newIndex];
    if (now !== undefined)
      entries.push({
        kind: `${area}-added`,
        area,
        change: 'added',
        ...owner,
        newIndex,
        to: now.to,
        fields: [],
        new: now,
      });
  }
  if (match.reordered)
    entries.push({
      kind: `${area}-reordered`,
      area,
      change: 'reordered',
      ...owner,
      fields: [],
      old: order(before),
      new: order(after),
    });
  return entries;
}
