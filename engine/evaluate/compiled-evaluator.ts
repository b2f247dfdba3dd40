/**
 * The compiled condition evaluator: every condition of a pathway turned once into nested
 * closures that apply Kleene logic directly. It gives the same answers and the same trace
 * as the json-rules-engine reference (`rules-engine-evaluator.ts`) — a differential test
 * checks that on generated patients — without json-rules-engine's per-run deep copies and
 * promise machinery.
 *
 * Comparisons of known values use the very operator functions the reference registers
 * (`COMPARISONS`, taken from json-rules-engine), so the two paths cannot drift apart on
 * operator semantics; only the three-valued structure is re-implemented here.
 */
import { PathwayError } from '../errors';
import type { Condition, Pathway } from '../model/types';
import { collectConditions } from './condition-set';
import type { ConditionEvaluator, ConditionOutcome } from './condition-evaluator';
import { COMPARISONS, isUnknown } from './operators';
import type { TraceNode, Truth } from './result';
import { and, not, or } from './truth';

type Facts = Readonly<Record<string, unknown>>;
type Compiled = (facts: Facts) => TraceNode;

/** Compiles one condition into a closure; `named` resolves `{ condition: name }` lazily (names may come in any order). */
function compile(condition: Condition, named: (name: string) => Compiled): Compiled {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compile(c, named));
    return (facts) => {
      const children = parts.map((p) => p(facts));
      return { kind: 'all', result: and(children.map((c) => c.result)), children };
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compile(c, named));
    return (facts) => {
      const children = parts.map((p) => p(facts));
      return { kind: 'any', result: or(children.map((c) => c.result)), children };
    };
  }
  if ('not' in condition) {
    const part = compile(condition.not, named);
    return (facts) => {
      const child = part(facts);
      return { kind: 'not', result: not(child.result), child };
    };
  }
  if ('condition' in condition) {
    const name = condition.condition;
    return (facts) => {
      const child = named(name)(facts);
      return { kind: 'condition', name, result: child.result, child };
    };
  }
  const { fact, operator, value } = condition;
  const compare = COMPARISONS[operator];
  const otherFact =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? value.fact : undefined;
  return (facts) => {
    const factValue = facts[fact];
    const expected = otherFact === undefined ? value : facts[otherFact];
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

/** A compiled evaluator for one pathway version. Stateless per call: safe under any concurrency. */
export class CompiledEvaluator implements ConditionEvaluator {
  private readonly conditions: { key: string; run: Compiled }[];

  constructor(pathway: Pathway) {
    const cache = new Map<string, Compiled>();
    const definitions = new Map(pathway.conditions.map((c) => [c.name, c.when]));
    const named = (name: string): Compiled => {
      let run = cache.get(name);
      if (run === undefined) {
        const when = definitions.get(name);
        if (when === undefined)
          throw new PathwayError(
            'UNKNOWN_CONDITION',
            `unknown named condition '${name}'`,
            [],
            pathway.id,
          );
        run = compile(when, named);
        cache.set(name, run);
      }
      return run;
    };
    this.conditions = collectConditions(pathway).map(({ key, condition }) => ({
      key,
      run: compile(condition, named),
    }));
  }

  evaluateAll(facts: Facts): Promise<ReadonlyMap<string, ConditionOutcome>> {
    const outcomes = new Map<string, ConditionOutcome>();
    for (const { key, run } of this.conditions) {
      const node = run(facts);
      outcomes.set(key, { truth: node.result, node });
    }
    return Promise.resolve(outcomes);
  }
}
