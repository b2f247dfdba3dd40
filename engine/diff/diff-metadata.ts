/** Entries for the document's metadata: id, version, status, effective dates, texts, references, case mix. */
import type { Pathway } from '../model/types';
import { fieldChange } from './fields';
import type { DiffEntry } from './types';

/** Metadata fields in the order a reviewer reads them, with how to read each. */
const METADATA: readonly [string, (p: Pathway) => unknown][] = [
  ['id', (p) => p.id],
  ['version', (p) => p.version],
  ['status', (p) => p.status],
  ['effective.from', (p) => p.effective.from],
  ['effective.to', (p) => p.effective.to],
  ['supersedes', (p) => p.supersedes],
  ['timeZone', (p) => p.timeZone],
  ['title', (p) => p.title],
  ['description', (p) => p.description],
  ['languages', (p) => p.languages],
  ['references', (p) => p.references],
  ['entryStep', (p) => p.entryStep],
  ['mmeTable', (p) => p.mmeTable],
  ['allowEffectiveGaps', (p) => p.allowEffectiveGaps],
  ['schemaVersion', (p) => p.schemaVersion],
  ['caseMix', (p) => p.caseMix],
];

/** One `metadata-changed` entry per metadata field that differs. */
export function diffMetadata(before: Pathway, after: Pathway): DiffEntry[] {
  return METADATA.flatMap(([field, read]) => {
    const change = fieldChange(field, read(before), read(after));
    if (change === undefined) return [];
    const entry: DiffEntry = {
      kind: 'metadata-changed',
      area: 'metadata',
      change: 'changed',
      field,
      fields: [change],
      ...(change.old === undefined ? {} : { old: change.old }),
      ...(change.new === undefined ? {} : { new: change.new }),
    };
    return [entry];
  });
}
