/**
 * Pairing the transitions of two versions of one list (a step's, or the global ones).
 * Indexes alone would be wrong: a transition inserted at the top would make every other
 * one look changed. Transitions are paired by what they are instead — first the same target
 * and the same condition, then the same target (a changed condition), then the same
 * condition (a new target) — each time in list order. What is left was added or removed.
 */
import type { Transition } from '../model/types';
import { sameValue } from './equal';

/** A transition present in both versions. */
export interface TransitionPair {
  oldIndex: number;
  newIndex: number;
}

/** The outcome of pairing two transition lists. */
export interface TransitionMatch {
  /** Sorted by new index. */
  pairs: TransitionPair[];
  removed: number[];
  added: number[];
  /** True when the paired transitions are tried in another order than before. */
  reordered: boolean;
}

type Same = (a: Transition, b: Transition) => boolean;

const PASSES: Same[] = [
  (a, b) => a.to === b.to && sameValue(a.when, b.when),
  (a, b) => a.to === b.to,
  (a, b) => sameValue(a.when, b.when),
];

/** Pairs the transitions of `before` and `after`. */
export function matchTransitions(
  before: readonly Transition[],
  after: readonly Transition[],
): TransitionMatch {
  const oldFor = new Map<number, number>();
  const usedOld = new Set<number>();
  for (const same of PASSES) {
    after.forEach((t, newIndex) => {
      if (oldFor.has(newIndex)) return;
      const oldIndex = before.findIndex((o, i) => !usedOld.has(i) && same(o, t));
      if (oldIndex < 0) return;
      oldFor.set(newIndex, oldIndex);
      usedOld.add(oldIndex);
    });
  }
  const pairs = [...oldFor.entries()]
    .map(([newIndex, oldIndex]) => ({ oldIndex, newIndex }))
    .sort((a, b) => a.newIndex - b.newIndex);
  return {
    pairs,
    removed: before.flatMap((_, i) => (usedOld.has(i) ? [] : [i])),
    added: after.flatMap((_, i) => (oldFor.has(i) ? [] : [i])),
    reordered: pairs.some((p, i) => i > 0 && p.oldIndex < (pairs[i - 1]?.oldIndex ?? -1)),
  };
}
