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
import type { Pathway } from '../model/types';
import { collectConditions } from './condition-set';
import type { ConditionEvaluator, ConditionOutcome } from './condition-evaluator';
import { compileTraces, type TraceFn } from './trace-compiler';

type Facts = Readonly<Record<string, unknown>>;

/** A compiled evaluator for one pathway version. Stateless per call: safe under any concurrency. */
export class CompiledEvaluator implements ConditionEvaluator {
  private readonly conditions: { key: string; run: TraceFn<Facts> }[];

  constructor(pathway: Pathway) {
    const keyed = collectConditions(pathway);
    const runs = compileTraces<Facts>(
      keyed.map((k) => k.condition),
      new Map(pathway.conditions.map((c) => [c.name, c.when])),
      (fact) => (facts) => facts[fact],
      (name) => {
        throw new PathwayError(
          'UNKNOWN_CONDITION',
          `unknown named condition '${name}'`,
          [],
          pathway.id,
        );
      },
    );
    this.conditions = keyed.map(({ key }, i) => ({ key, run: runs[i] as TraceFn<Facts> }));
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
