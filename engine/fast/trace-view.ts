/**
 * Turns a recorded trace (node truths written by `recorder.ts`) back into the evaluated tree
 * `evaluate()` returns: same node kinds, same keys in the same order, so `JSON.stringify` of a
 * trace is the same on every path. Truths come from the recording; a leaf's `value` and
 * `expected` are read from the slots the condition was evaluated on. Built per patient, on
 * demand, so a population run records traces without allocating a tree for every patient.
 */
import { isUnknown } from '../evaluate/operators';
import type { TraceNode, Truth } from '../evaluate/result';
import type { Condition } from '../model/types';
import type { SlotLayout } from './layout';

/** Builds a condition's tree from the truths recorded at `b[o…]` and the slots `s`. */
export type ViewFn = (b: Uint8Array, o: number, s: readonly unknown[]) => TraceNode;

const TRUTH: readonly Truth[] = ['false', 'unknown', 'true'];

/** The recorded truth at `b[i]` as the trace writes it. */
export function truthAt(b: Uint8Array, i: number): Truth {
  return TRUTH[b[i] ?? 1] ?? 'unknown';
}

/** A view builder for a node at relative offset `k`, and the number of nodes it spans. */
interface Compiled {
  view: (b: Uint8Array, o: number, s: readonly unknown[]) => TraceNode;
  size: number;
}

function compile(
  condition: Condition,
  layout: SlotLayout,
  named: ReadonlyMap<string, Condition>,
): Compiled {
  if ('all' in condition || 'any' in condition) {
    const kind = 'all' in condition ? 'all' : 'any';
    const parts = ('all' in condition ? condition.all : condition.any).map((c) =>
      compile(c, layout, named),
    );
    const offsets: number[] = [];
    let size = 1;
    for (const part of parts) {
      offsets.push(size);
      size += part.size;
    }
    return {
      size,
      view: (b, o, s) => ({
        kind,
        result: truthAt(b, o),
        children: parts.map((part, i) => part.view(b, o + (offsets[i] ?? 0), s)),
      }),
    };
  }
  if ('not' in condition) {
    const part = compile(condition.not, layout, named);
    return {
      size: 1 + part.size,
      view: (b, o, s) => ({ kind: 'not', result: truthAt(b, o), child: part.view(b, o + 1, s) }),
    };
  }
  if ('condition' in condition) {
    const name = condition.condition;
    const part = compile(named.get(name) ?? { all: [] }, layout, named);
    return {
      size: 1 + part.size,
      view: (b, o, s) => ({
        kind: 'condition',
        name,
        result: truthAt(b, o),
        child: part.view(b, o + 1, s),
      }),
    };
  }
  const { fact, operator, value } = condition;
  const slot = layout.slot(fact);
  const otherFact =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? value.fact : undefined;
  const otherSlot = otherFact === undefined ? -1 : layout.slot(otherFact);
  return {
    size: 1,
    view: (b, o, s) => {
      const factValue = s[slot];
      const expected = otherSlot < 0 ? value : s[otherSlot];
      // Keys in the reference's order; optional ones only when set (no spreads: this runs per leaf).
      const node: Record<string, unknown> = { kind: 'leaf', fact };
      if (!isUnknown(factValue)) node['value'] = factValue;
      node['operator'] = operator;
      node['expected'] = isUnknown(expected) ? undefined : expected;
      if (otherFact !== undefined) node['expectedFact'] = otherFact;
      node['result'] = truthAt(b, o);
      return node as TraceNode;
    },
  };
}

/** View builders for `conditions` (in order), matching `generateRecorders`' node numbering. */
export function traceViews(
  layout: SlotLayout,
  named: ReadonlyMap<string, Condition>,
  conditions: readonly Condition[],
): ViewFn[] {
  return conditions.map((c) => compile(c, layout, named).view);
}
