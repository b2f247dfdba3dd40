/**
 * A second reference for evaluated trees: conditions compiled into closures that build the
 * tree with Kleene logic directly (the library's comparisons on known values). Generic over
 * where facts come from — a record keyed by name, or an array of slots — so tests can hold the
 * generated recorders (`engine/fast/recorder.ts`) to it node by node.
 */
import { foldCondition, valueFact } from '../model/condition';
import type { Condition, LeafCondition } from '../model/types';
import { isUnknown } from '../evaluate/operators';
import type { TraceNode, Truth } from '../evaluate/result';
import { referenceLeaf } from './operators';
import { and, not, or } from './truth';

/** Builds one condition's evaluated tree from a source of fact values. */
export type TraceFn<Source> = (source: Source) => TraceNode;

/** Returns a reader of one fact's value from a source, resolved once per leaf. */
export type FactReader<Source> = (fact: string) => (source: Source) => unknown;

function group<Source>(kind: 'all' | 'any', parts: TraceFn<Source>[]): TraceFn<Source> {
  const combine = kind === 'all' ? and : or;
  return (s) => {
    const children = parts.map((p) => p(s));
    return { kind, result: combine(children.map((c) => c.result)), children };
  };
}

function leaf<Source>(condition: LeafCondition, read: FactReader<Source>): TraceFn<Source> {
  const { fact, operator, value } = condition;
  const readFact = read(fact);
  const otherFact = valueFact(condition);
  const readOther = otherFact === undefined ? undefined : read(otherFact);
  return (s) => {
    const factValue = readFact(s);
    const expected = readOther === undefined ? value : readOther(s);
    const decided = referenceLeaf(operator, factValue, expected);
    const result: Truth = decided === undefined ? 'unknown' : decided ? 'true' : 'false';
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

/** One condition's builder; a reference calls its named condition's builder by name. */
function compile<Source>(
  condition: Condition,
  read: FactReader<Source>,
  named: (name: string) => TraceFn<Source>,
): TraceFn<Source> {
  return foldCondition<TraceFn<Source>>(condition, {
    all: (parts) => group('all', parts),
    any: (parts) => group('any', parts),
    not: (part) => (s) => {
      const child = part(s);
      return { kind: 'not', result: not(child.result), child };
    },
    reference: (name) => (s) => {
      const child = named(name)(s);
      return { kind: 'condition', name, result: child.result, child };
    },
    leaf: (node) => leaf(node, read),
  });
}

/**
 * Compiles `conditions` (in order) into trace builders. Named conditions are compiled once,
 * lazily (they may be defined in any order); `onUnknownName` decides what a reference to an
 * undefined name does — compilation of a pathway has already refused those.
 */
export function compileTraces<Source>(
  conditions: readonly Condition[],
  definitions: ReadonlyMap<string, Condition>,
  read: FactReader<Source>,
  onUnknownName: (name: string) => TraceFn<Source>,
): TraceFn<Source>[] {
  const cache = new Map<string, TraceFn<Source>>();
  const named = (name: string): TraceFn<Source> => {
    let fn = cache.get(name);
    if (fn === undefined) {
      const when = definitions.get(name);
      fn = when === undefined ? onUnknownName(name) : compile(when, read, named);
      cache.set(name, fn);
    }
    return fn;
  };
  return conditions.map((c) => compile(c, read, named));
}
