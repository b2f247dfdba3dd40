/**
 * The facts whose absence leaves a condition unknown, found without building its evaluated
 * tree: the same walk as `unknownFacts` in `engine/reference/truth.ts` (only unknown branches
 * are followed; a leaf names its fact when that value is unknown, and the other fact of a
 * fact-to-fact comparison when that one is). Called once per patient whose walk stops on an
 * unknown transition, so it avoids allocating a tree for every such patient.
 */
import { foldCondition, valueFact } from '../model/condition';
import type { Condition, LeafCondition } from '../model/types';
import { COMPARISONS, isUnknown } from '../evaluate/operators';
import { F, T, U } from './codegen';
import type { SlotLayout } from './layout';

/** One compiled node: its truth, and the unknown facts under it. */
interface Node {
  truth(s: readonly unknown[]): number;
  collect(s: readonly unknown[], out: Set<string>): void;
}

const unknown = isUnknown;
type Truth = (s: readonly unknown[]) => number;

function group(all: boolean, parts: Node[]): Node {
  const truths: Truth[] = parts.map((p) => p.truth);
  const truth: Truth = (s) => {
    let r = all ? T : F;
    for (const p of truths) r = all ? Math.min(r, p(s)) : Math.max(r, p(s));
    return r;
  };
  return {
    truth,
    collect(s, out) {
      if (truth(s) !== U) return;
      for (const p of parts) p.collect(s, out);
    },
  };
}

/** A node whose truth and unknown facts are its one child's, seen through `truth`. */
function through(truth: Truth, child: Node): Node {
  return {
    truth,
    collect(s, out) {
      if (truth(s) === U) child.collect(s, out);
    },
  };
}

function leaf(condition: LeafCondition, layout: SlotLayout): Node {
  const slot = layout.slot(condition.fact);
  const value = condition.value;
  const compare = COMPARISONS[condition.operator];
  const other = valueFact(condition);
  const otherSlot = other === undefined ? -1 : layout.slot(other);
  const truth: Truth = (s) => {
    const v = s[slot];
    const e = other === undefined ? value : s[otherSlot];
    if (unknown(v) || unknown(e)) return U;
    return compare(v, e) ? T : F;
  };
  return {
    truth,
    collect(s, out) {
      if (truth(s) !== U) return;
      if (unknown(s[slot])) out.add(condition.fact);
      if (other !== undefined && unknown(s[otherSlot])) out.add(other);
    },
  };
}

/** A condition's node; named conditions are looked up by name when evaluated (not expanded). */
function compile(condition: Condition, layout: SlotLayout, named: (name: string) => Node): Node {
  return foldCondition<Node>(condition, {
    all: (parts) => group(true, parts),
    any: (parts) => group(false, parts),
    not: (part) => through((s) => T - part.truth(s), part),
    reference: (name) => {
      const lazy: Node = {
        truth: (s) => named(name).truth(s),
        collect: (s, out) => named(name).collect(s, out),
      };
      return through(lazy.truth, lazy);
    },
    leaf: (node) => leaf(node, layout),
  });
}

/** Collectors for `conditions`, each giving the unknown facts of that condition. */
export function unknownFactCollectors(
  layout: SlotLayout,
  definitions: ReadonlyMap<string, Condition>,
  conditions: readonly Condition[],
): ((s: readonly unknown[]) => Set<string>)[] {
  const cache = new Map<string, Node>();
  const named = (name: string): Node => {
    let node = cache.get(name);
    if (node === undefined) {
      const when = definitions.get(name);
      node =
        when === undefined
          ? { truth: () => U, collect: () => undefined }
          : compile(when, layout, named);
      cache.set(name, node);
    }
    return node;
  };
  return conditions.map((c) => {
    const node = compile(c, layout, named);
    return (s) => {
      const out = new Set<string>();
      node.collect(s, out);
      return out;
    };
  });
}
