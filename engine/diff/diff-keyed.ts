/**
 * Comparing two lists of items that carry their own key (facts by name, alerts and
 * measures by id …). Their order in the file carries no meaning, so only membership and
 * content are compared.
 */
import { compareFields } from './fields';
import { pairByKey } from './pair-by-key';
import type { DiffArea, DiffEntry } from './types';

/** How to read one kind of keyed item. */
export interface KeyedSpec<T extends object> {
  area: DiffArea;
  /** The item's key. */
  key: (item: T) => string;
  /** The entry property that names the item (`factName`, `alertId` …). */
  locate: (key: string) => Partial<DiffEntry>;
  /** The fields compared, in the order a reviewer reads them. */
  fields: readonly (keyof T & string)[];
}

/** Entries for removed and changed items in old order, then added items in new order. */
export function diffKeyed<T extends object>(
  spec: KeyedSpec<T>,
  before: readonly T[],
  after: readonly T[],
): DiffEntry[] {
  const { area } = spec;
  const { pairs, removed, added } = pairByKey(before, after, spec.key);
  const entries: DiffEntry[] = [];
  for (const old of before) {
    const locate = spec.locate(spec.key(old));
    if (removed.includes(old)) {
      entries.push({
        kind: `${area}-removed`,
        area,
        change: 'removed',
        ...locate,
        fields: [],
        old,
      });
      continue;
    }
    const now = pairs.find(([o]) => o === old)?.[1];
    const fields = now === undefined ? [] : compareFields(old, now, spec.fields);
    if (fields.length > 0)
      entries.push({
        kind: `${area}-changed`,
        area,
        change: 'changed',
        ...locate,
        fields,
        old,
        new: now,
      });
  }
  for (const now of added)
    entries.push({
      kind: `${area}-added`,
      area,
      change: 'added',
      ...spec.locate(spec.key(now)),
      fields: [],
      new: now,
    });
  return entries;
}
