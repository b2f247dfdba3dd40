/**
 * Undo history in a compact, JSON-safe form, so that it can be kept with unsaved work and
 * survive a reload. Snapshots share almost everything (an edit replaces one step, one alert),
 * so each list element of a pathway (a step, a fact, an alert …) is stored once in a pool and
 * every snapshot lists pool numbers: fifty snapshots of a 130 kB pathway cost about one
 * pathway plus what the edits changed, not fifty pathways.
 */
import type { Pathway } from '../../../engine/index';
import type { Layout } from '../../../engine/editor';
import type { Drawing } from './edit';

/**
 * A pathway whose list fields hold pool numbers instead of elements (`lists`), whose other
 * object fields are pool numbers (`objects`), and whose plain values are kept as they are.
 */
type PackedPathway = Record<string, unknown> & {
  lists: Record<string, number[]>;
  objects: Record<string, number>;
};

/** One packed snapshot; the layout is a pool number too (a drag changes only the layout). */
interface PackedDrawing {
  pathway: PackedPathway;
  layout: number;
}

/** Undo and redo snapshots, packed. */
export interface PackedHistory {
  pool: unknown[];
  past: PackedDrawing[];
  future: PackedDrawing[];
}

/** Packs `past` and `future`; identical elements (by identity, then by text) are pooled once. */
export function packHistory(past: readonly Drawing[], future: readonly Drawing[]): PackedHistory {
  const pool: unknown[] = [];
  const byObject = new Map<unknown, number>();
  const byText = new Map<string, number>();
  const idOf = (element: unknown): number => {
    const known = byObject.get(element);
    if (known !== undefined) return known;
    const text = JSON.stringify(element);
    let id = byText.get(text);
    if (id === undefined) {
      id = pool.length;
      pool.push(element);
      byText.set(text, id);
    }
    byObject.set(element, id);
    return id;
  };
  const packOne = (d: Drawing): PackedDrawing => {
    const rest: Record<string, unknown> = {};
    const lists: Record<string, number[]> = {};
    const objects: Record<string, number> = {};
    for (const [key, value] of Object.entries(d.pathway)) {
      if (Array.isArray(value)) lists[key] = value.map(idOf);
      else if (typeof value === 'object' && value !== null) objects[key] = idOf(value);
      else rest[key] = value;
    }
    return { pathway: { ...rest, lists, objects }, layout: idOf(d.layout) };
  };
  return { pool, past: past.map(packOne), future: future.map(packOne) };
}

/** Unpacks a history; undefined when it is malformed (then there is simply no undo). */
export function unpackHistory(packed: unknown): { past: Drawing[]; future: Drawing[] } | undefined {
  if (typeof packed !== 'object' || packed === null) return undefined;
  const { pool, past, future } = packed as Partial<PackedHistory>;
  if (!Array.isArray(pool) || !Array.isArray(past) || !Array.isArray(future)) return undefined;
  try {
    const pooled = (id: number): unknown => {
      if (!Number.isInteger(id) || id < 0 || id >= pool.length)
        throw new Error(`no pooled element ${id}`);
      return pool[id];
    };
    const unpackOne = (d: PackedDrawing): Drawing => {
      const { lists, objects, ...rest } = d.pathway;
      const pathway: Record<string, unknown> = { ...rest };
      for (const [key, ids] of Object.entries(lists)) pathway[key] = ids.map(pooled);
      for (const [key, id] of Object.entries(objects)) pathway[key] = pooled(id);
      return { pathway: pathway as Pathway, layout: pooled(d.layout) as Layout };
    };
    return { past: past.map(unpackOne), future: future.map(unpackOne) };
  } catch {
    return undefined;
  }
}
