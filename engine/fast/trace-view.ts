/**
 * Turns a recorded trace (node truths written by `recorder.ts`) back into the evaluated tree
 * `evaluate()` returns: same node kinds, same keys in the same order, so `JSON.stringify` of a
 * trace is the same on every path. Truths come from the recording; a leaf's `value` and
 * `expected` are read from the slots the condition was evaluated on. Built per patient, on
 * demand, so a population run records traces without allocating a tree for every patient.
 */
import { isUnknown } from '../evaluate/operators';
import type { TraceNode, Truth } from '../evaluate/result';
import { foldCondition, valueFact, type NamedConditions } from '../model/condition';
import type { Condition, LeafCondition } from '../model/types';
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

function group(kind: 'all' | 'any', parts: Compiled[]): Compiled {
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

function leaf(condition: LeafCondition, layout: SlotLayout): Compiled {
  const { fact, operator, value } = condition;
  const slot = layout.slot(fact);
  const otherFact = valueFact(condition);
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

/** Named conditions are expanded in place, as the recorder numbers them. */
function compile(condition: Condition, layout: SlotLayout, named: NamedConditions): Compiled {
  return foldCondition<Compiled>(
    condition,
    {
      all: (parts) => group('all', parts),
      any: (parts) => group('any', parts),
      not: (part) => ({
        size: 1 + part.size,
        view: (b, o, s) => ({ kind: 'not', result: truthAt(b, o), child: part.view(b, o + 1, s) }),
      }),
      reference: (name, expanded) => {
        // An undefined name is refused at compilation; as a node it is an empty `all`.
        const part = expanded ?? group('all', []);
        return {
          size: 1 + part.size,
          view: (b, o, s) => ({
            kind: 'condition',
            name,
            result: truthAt(b, o),
            child: part.view(b, o + 1, s),
          }),
        };
      },
      leaf: (node) => leaf(node, layout),
    },
    { named },
  );
}

/** View builders for `conditions` (in order), matching `generateRecorders`' node numbering. */
export function traceViews(
  layout: SlotLayout,
  named: ReadonlyMap<string, Condition>,
  conditions: readonly Condition[],
): ViewFn[] {
  return conditions.map((c) => compile(c, layout, named).view);
}
