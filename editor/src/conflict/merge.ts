/**
 * Merging a save conflict element by element. When the file changed on disk after it was
 * loaded, the author's document ("mine") and the file ("theirs") are split into elements —
 * each step (with its transitions and follow-ups), alert, fact, named condition, measure,
 * pathway follow-up, indicator and drug class by its id, and every other field of the file
 * as a whole — and for each element that differs the author keeps theirs or mine. The
 * semantic diff (engine/diff) says in words what the other change did to each element.
 */
import type { DiffEntry, Layout } from '../../../engine/editor';
import { diffPathways, type Language, type Pathway } from '../../../engine/index';
import { diffEntryTexts } from '../model/compare';

/** The list fields whose elements are merged one by one, and each element's key. */
const KEYED: Readonly<Record<string, (element: unknown) => string | undefined>> = {
  steps: (e) => (e as { id?: string }).id,
  alerts: (e) => (e as { id?: string }).id,
  facts: (e) => (e as { name?: string }).name,
  conditions: (e) => (e as { name?: string }).name,
  measures: (e) => (e as { id?: string }).id,
  followUps: (e) => (e as { id?: string }).id,
  indicators: (e) => (e as { id?: string }).id,
  drugClasses: (e) => (e as { id?: string }).id,
};

/** Who changed an element since the common base (unknown base: both, to be safe). */
export type ChangedBy = 'both' | 'theirs' | 'mine';

/** One element that differs between mine and theirs. */
export interface ConflictElement {
  /** `steps:intake-assessment`, `alerts:red-flag`, or a whole field such as `globalTransitions`. */
  key: string;
  changedBy: ChangedBy;
  /** What the other change did, in words (engine/diff), one line per change. */
  theirChange: string[];
  /** What my change did, in words. */
  myChange: string[];
  /** The choice offered first: theirs when only they changed it, else mine. */
  preferred: 'mine' | 'theirs';
}

/** Keep mine or take theirs, per element key. */
export type Choices = Readonly<Record<string, 'mine' | 'theirs'>>;

type Doc = Record<string, unknown>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The element of `doc` at `key`, or undefined when it has none. */
function elementAt(doc: Doc, key: string): unknown {
  const colon = key.indexOf(':');
  if (colon < 0) return doc[key];
  const field = key.slice(0, colon);
  const id = key.slice(colon + 1);
  const list = doc[field];
  const keyOf = KEYED[field];
  return Array.isArray(list) && keyOf !== undefined ? list.find((e) => keyOf(e) === id) : undefined;
}

/** Every element key of a document. */
function keysOf(doc: Doc): string[] {
  const keys: string[] = [];
  for (const [field, value] of Object.entries(doc)) {
    const keyOf = KEYED[field];
    if (keyOf !== undefined && Array.isArray(value))
      for (const e of value) {
        const id = keyOf(e);
        if (id !== undefined) keys.push(`${field}:${id}`);
      }
    else keys.push(field);
  }
  return keys;
}

/** The element a diff entry is about. */
export function elementOfEntry(entry: DiffEntry): string {
  switch (entry.area) {
    case 'step':
    case 'transition':
      return `steps:${entry.stepId ?? ''}`;
    case 'follow-up':
      return entry.stepId === undefined
        ? `followUps:${entry.followUpId ?? ''}`
        : `steps:${entry.stepId}`;
    case 'alert':
      return `alerts:${entry.alertId ?? ''}`;
    case 'fact':
      return `facts:${entry.factName ?? ''}`;
    case 'condition':
      return `conditions:${entry.conditionName ?? ''}`;
    case 'measure':
      return `measures:${entry.measureId ?? ''}`;
    case 'indicator':
      return `indicators:${entry.indicatorId ?? ''}`;
    case 'drug-class':
      return `drugClasses:${entry.drugClassId ?? ''}`;
    case 'mme-row':
      return 'mmeTables';
    case 'global-transition':
      return 'globalTransitions';
    case 'metadata':
      return (entry.field ?? '').split('.')[0] ?? '';
  }
}

/** The diff from `before` to `after` in words, grouped by element. */
function wordsByElement(
  before: Pathway,
  after: Pathway,
  language: Language,
): Map<string, string[]> {
  const diff = diffPathways(before, after);
  const texts = diffEntryTexts(diff, language);
  const out = new Map<string, string[]>();
  diff.entries.forEach((entry, i) => {
    const key = elementOfEntry(entry);
    out.set(key, [...(out.get(key) ?? []), ...(texts[i] ?? [])]);
  });
  return out;
}

/**
 * The elements that differ between `mine` and `theirs`, in the file's order. With the common
 * `base` (the file as it was loaded) each says who changed it; without one, every difference
 * counts as changed by both.
 */
export function conflictElements(
  base: Pathway | null,
  mine: Pathway,
  theirs: Pathway,
  language: Language,
): ConflictElement[] {
  const m = mine as unknown as Doc;
  const t = theirs as unknown as Doc;
  const b = base as unknown as Doc | null;
  const keys = [...new Set([...keysOf(t), ...keysOf(m)])];
  const theirWords = wordsByElement(base ?? mine, theirs, language);
  const myWords =
    base === null ? new Map<string, string[]>() : wordsByElement(base, mine, language);
  const out: ConflictElement[] = [];
  for (const key of keys) {
    const mineValue = elementAt(m, key);
    const theirValue = elementAt(t, key);
    if (same(mineValue, theirValue)) continue;
    let changedBy: ChangedBy = 'both';
    if (b !== null) {
      const baseValue = elementAt(b, key);
      const iChanged = !same(baseValue, mineValue);
      const theyChanged = !same(baseValue, theirValue);
      changedBy = iChanged && theyChanged ? 'both' : theyChanged ? 'theirs' : 'mine';
    }
    out.push({
      key,
      changedBy,
      theirChange: theirWords.get(key) ?? [],
      myChange: myWords.get(key) ?? [],
      preferred: changedBy === 'theirs' ? 'theirs' : 'mine',
    });
  }
  return out;
}

/** Puts `element` (or its absence) at `key` of `doc`, in place; new list elements go where theirs are. */
function setElement(doc: Doc, key: string, element: unknown, theirs: Doc): void {
  const colon = key.indexOf(':');
  if (colon < 0) {
    if (element === undefined) delete doc[key];
    else doc[key] = element;
    return;
  }
  const field = key.slice(0, colon);
  const id = key.slice(colon + 1);
  const keyOf = KEYED[field];
  if (keyOf === undefined) return;
  const list = Array.isArray(doc[field]) ? [...(doc[field] as unknown[])] : [];
  const at = list.findIndex((e) => keyOf(e) === id);
  if (element === undefined) {
    if (at >= 0) list.splice(at, 1);
  } else if (at >= 0) list[at] = element;
  else {
    // Added by them: after the element that precedes it in their list, else first.
    const theirList = (theirs[field] as unknown[] | undefined) ?? [];
    const theirAt = theirList.findIndex((e) => keyOf(e) === id);
    const before = theirAt > 0 ? keyOf(theirList[theirAt - 1]) : undefined;
    const after = before === undefined ? -1 : list.findIndex((e) => keyOf(e) === before);
    list.splice(after + 1, 0, element);
  }
  doc[field] = list;
}

/**
 * The merged document: mine, with theirs taken for every element chosen so. The layout keeps
 * my positions and adds theirs for steps only they have.
 */
export function mergeDocuments(
  mine: { pathway: Pathway; layout: Layout },
  theirs: { pathway: Pathway; layout: Layout },
  elements: readonly ConflictElement[],
  choices: Choices,
): { pathway: Pathway; layout: Layout } {
  const doc: Doc = { ...(mine.pathway as unknown as Doc) };
  const t = theirs.pathway as unknown as Doc;
  for (const e of elements) {
    if ((choices[e.key] ?? e.preferred) === 'theirs')
      setElement(doc, e.key, elementAt(t, e.key), t);
  }
  const layout: Layout = {
    ...mine.layout,
    nodes: { ...theirs.layout.nodes, ...mine.layout.nodes },
  };
  return { pathway: doc as unknown as Pathway, layout };
}
