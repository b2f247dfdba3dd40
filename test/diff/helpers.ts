/** Shared helpers for the semantic diff tests: the chronic pain versions and entry shorthands. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DiffEntry } from '../../engine/diff/types';
import type { Pathway } from '../../engine/model/types';
import { parsePathway } from '../../engine/yaml/parse';

const pathways = fileURLToPath(new URL('../../pathways/', import.meta.url));

/** A version of the chronic pain pathway as committed. */
export function chronicPain(version: '1.0.0' | '1.1.0'): Pathway {
  const file = `${pathways}chronic-pain/${version}.yaml`;
  return parsePathway(readFileSync(file, 'utf8'), file);
}

/** A deep copy to edit without touching the original. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** `kind` plus the keys that locate an entry, for compact assertions. */
export function where(entry: DiffEntry): string {
  const at = [
    entry.field,
    entry.factName,
    entry.conditionName,
    entry.measureId,
    entry.stepId,
    entry.oldIndex === undefined && entry.newIndex === undefined
      ? undefined
      : `${entry.oldIndex ?? '_'}→${entry.newIndex ?? '_'}`,
    entry.to,
    entry.alertId,
    entry.followUpId,
  ].filter((x) => x !== undefined);
  return `${entry.kind} ${at.join(' ')}`;
}
