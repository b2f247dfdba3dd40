/**
 * Pairs the items of two lists by their key (a fact's name, an alert's id …). A key that
 * occurs more than once (a lint error, but the diff must still be right) pairs its
 * occurrences in order: the first with the first, the second with the second.
 */

/** Items paired by key; `removed` only in `before`, `added` only in `after`, each in list order. */
export interface KeyedPairs<T> {
  pairs: [T, T][];
  removed: T[];
  added: T[];
}

/** Pairs `before` and `after` by `key`. */
export function pairByKey<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): KeyedPairs<T> {
  const waiting = new Map<string, T[]>();
  for (const item of after) waiting.set(key(item), [...(waiting.get(key(item)) ?? []), item]);
  const paired = new Set<T>();
  const pairs: [T, T][] = [];
  const removed: T[] = [];
  for (const old of before) {
    const now = waiting.get(key(old))?.shift();
    if (now === undefined) removed.push(old);
    else {
      pairs.push([old, now]);
      paired.add(now);
    }
  }
  return { pairs, removed, added: after.filter((item) => !paired.has(item)) };
}
