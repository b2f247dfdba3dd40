/**
 * Conditions compiled to closures that build the evaluated tree (the trace), reading facts
 * from slots. The shape and key order of every node match the compiled evaluator's and the
 * json-rules-engine reference's, so `JSON.stringify` of a trace is the same on every path; the
 * differential test checks that. Used only when a trace is asked for and to name the facts
 * that would decide an undecided transition, so clarity wins over speed here.
 */
import type { Condition } from '../model/types';
import { compileTraces, type TraceFn as SharedTraceFn } from '../evaluate/trace-compiler';
import type { SlotLayout } from './layout';

/** Builds one condition's evaluated tree from slots. */
export type TraceFn = SharedTraceFn<readonly unknown[]>;

/** Compiles `conditions` (in order) into trace builders over slots. */
export function traceConditions(
  layout: SlotLayout,
  definitions: ReadonlyMap<string, Condition>,
  conditions: readonly Condition[],
): TraceFn[] {
  return compileTraces<readonly unknown[]>(
    conditions,
    definitions,
    (fact) => {
      const slot = layout.slot(fact);
      return (s) => s[slot];
    },
    // Compilation has already refused unknown names; an empty unknown node keeps this total.
    () => () => ({ kind: 'all', result: 'unknown', children: [] }),
  );
}
