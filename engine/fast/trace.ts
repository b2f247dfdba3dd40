/**
 * Conditions compiled to closures that build the evaluated tree (the trace), reading facts
 * from slots. The shape and key order of every node match the compiled evaluator's and the
 * json-rules-engine reference's, so `JSON.stringify` of a trace is the same on every path; the
 * differential test checks that. Used only when a trace is asked for and to name the facts
 * that would decide an undecided transition, so clarity wins over speed here.
 */
import type { Condition } from '../model/types';
import { COMPARISONS, isUnknown } from '../evaluate/operators';
import type { TraceNode, Truth } from '../evaluate/result';
import { and, not, or } from '../evaluate/truth';
import type { SlotLayout } from './layout';

/** Builds one condition's evaluated tree from slots. */
export type TraceFn = (slots: readonly unknown[]) => TraceNode;

function compile(
  condition: Condition,
  layout: SlotLayout,
  named: (name: string) => TraceFn,
): TraceFn {
  if ('all' in condition || 'any' in condition) {
    const kind = 'all' in condition ? 'all' : 'any';
    const parts = ('all' in condition ? condition.all : condition.any).map((c) =>
      compile(c, layout, named),
    );
    const combine = kind === 'all' ? and : or;
    return (s) => {
      const children = parts.map((p) => p(s));
      return { kind, result: combine(children.map((c) => c.result)), children };
    };
  }
  if ('not' in condition) {
    const part = compile(condition.not, layout, named);
    return (s) => {
      const child = part(s);
      return { kind: 'not', result: not(child.result), child };
    };
  }
  if ('condition' in condition) {
    const name = condition.condition;
    return (s) => {
      const child = named(name)(s);
      return { kind: 'condition', name, result: child.result, child };
    };
  }
  const { fact, operator, value } = condition;
  const slot = layout.slot(fact);
  const compare = COMPARISONS[operator];
  const otherFact =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? value.fact : undefined;
  const otherSlot = otherFact === undefined ? -1 : layout.slot(otherFact);
  return (s) => {
    const factValue = s[slot];
    const expected = otherFact === undefined ? value : s[otherSlot];
    const result: Truth =
      isUnknown(factValue) || isUnknown(expected)
        ? 'unknown'
        : compare(factValue, expected)
          ? 'true'
          : 'false';
    return {
      kind: 'leaf',
      fact,
      ...(isUnknown(factValue) ? {} : { value: factValue }),
      operator,
      expected: isUnknown(expected) ? undefined : expected,
      ...(otherFact === undefined ? {} : { expectedFact: otherFact }),
      result,
    };
  };
}

/** Compiles `conditions` (in order) into trace builders. */
export function traceConditions(
  layout: SlotLayout,
  definitions: ReadonlyMap<string, Condition>,
  conditions: readonly Condition[],
): TraceFn[] {
  const cache = new Map<string, TraceFn>();
  const named = (name: string): TraceFn => {
    let fn = cache.get(name);
    if (fn === undefined) {
      const when = definitions.get(name);
      fn =
        when === undefined
          ? () => ({ kind: 'all', result: 'unknown', children: [] })
          : compile(when, layout, named);
      cache.set(name, fn);
    }
    return fn;
  };
  return conditions.map((c) => compile(c, layout, named));
}
