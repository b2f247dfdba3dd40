/**
 * The facts whose absence leaves a condition unknown, found without building its evaluated
 * tree: the same walk as `unknownFacts` in `engine/reference/truth.ts` (only unknown branches
 * are followed; a leaf names its fact when that value is unknown, and the other fact of a
 * fact-to-fact comparison when that one is). Called once per patient whose walk stops on an
 * unknown transition, so it avoids allocating a tree for every such patient.
 */
import type { Condition } from '../model/types';
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

/** A plain closure evaluating a condition's Kleene truth from slots (named conditions by name). */
function truthOf(condition: Condition, layout: SlotLayout, named: (name: string) => Node): Truth {
  if ('all' in condition || 'any' in condition) {
    const all = 'all' in condition;
    const parts = (all ? condition.all : condition.any).map((c) => truthOf(c, layout, named));
    return (s) => {
      let r = all ? T : F;
      for (const p of parts) r = all ? Math.min(r, p(s)) : Math.max(r, p(s));
      return r;
    };
  }
  if ('not' in condition) {
    const part = truthOf(condition.not, layout, named);
    return (s) => T - part(s);
  }
  if ('condition' in condition) {
    const name = condition.condition;
    return (s) => named(name).truth(s);
  }
  const slot = layout.slot(condition.fact);
  const value = condition.value;
  const compare = COMPARISONS[condition.operator];
  const other =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? value.fact : undefined;
  const otherSlot = other === undefined ? -1 : layout.slot(other);
  return (s) => {
    const v = s[slot];
    const e = other === undefined ? value : s[otherSlot];
    if (unknown(v) || unknown(e)) return U;
    return compare(v, e) ? T : F;
  };
}

function compile(condition: Condition, layout: SlotLayout, named: (name: string) => Node): Node {
  const truth = truthOf(condition, layout, named);
  if ('all' in condition || 'any' in condition) {
    const parts = ('all' in condition ? condition.all : condition.any).map((c) =>
      compile(c, layout, named),
    );
    return {
      truth,
      collect(s, out) {
        if (truth(s) !== U) return;
        for (const p of parts) p.collect(s, out);
      },
    };
  }
  if ('not' in condition || 'condition' in condition) {
    const child =
      'not' in condition
        ? compile(condition.not, layout, named)
        : {
            truth,
            collect: (s: readonly unknown[], out: Set<string>) =>
              named(condition.condition).collect(s, out),
          };
    return {
      truth,
      collect(s, out) {
        if (truth(s) === U) child.collect(s, out);
      },
    };
  }
  const slot = layout.slot(condition.fact);
  const value = condition.value;
  const other =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? value.fact : undefined;
  const otherSlot = other === undefined ? -1 : layout.slot(other);
  return {
    truth,
    collect(s, out) {
      if (truth(s) !== U) return;
      if (unknown(s[slot])) out.add(condition.fact);
      if (other !== undefined && unknown(s[otherSlot])) out.add(other);
    },
  };
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
