/**
 * The reference condition evaluator: json-rules-engine runs every condition of the
 * pathway in its two three-valued variants (see `tri-conditions.ts`) in a single `run()`.
 *
 * json-rules-engine keeps one running/finished status per Engine, and overlapping runs on
 * one engine can silently skip rules (see TOOLCHAIN.md). So engines live in a small pool
 * and each run has an engine to itself; an HTTP server evaluating in parallel simply grows
 * the pool.
 */
import { Engine, type RuleResult } from 'json-rules-engine';
import { PathwayError } from '../errors';
import { conditionChildren, isAll, isGroup, isLeaf, isNot, isReference } from '../model/condition';
import type { Condition, Pathway } from '../model/types';
import { collectConditions, type KeyedCondition } from '../evaluate/condition-set';
import { isUnknown } from '../evaluate/operators';
import type { TraceNode, Truth } from '../evaluate/result';
import type { ConditionEvaluator, ConditionOutcome } from './condition-evaluator';
import { baseOperator, registerOperators } from './operators';
import { namedVariant, toTopCondition } from './tri-conditions';

/** The evaluated shape json-rules-engine leaves on a rule result's conditions. */
interface ResultNode {
  all?: ResultNode[];
  any?: ResultNode[];
  not?: ResultNode;
  fact?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

const RULE_SEPARATOR = '~';

function truthOf(f: ResultNode | undefined, t: ResultNode | undefined): Truth {
  if (f?.result === true) return 'true';
  if (t?.result === false) return 'false';
  return 'unknown';
}

/** A json-rules-engine evaluator for one pathway version. */
export class RulesEngineEvaluator implements ConditionEvaluator {
  private readonly conditions: KeyedCondition[];
  private readonly named: ReadonlyMap<string, Condition>;
  private readonly idle: Engine[] = [];

  constructor(private readonly pathway: Pathway) {
    this.conditions = collectConditions(pathway);
    this.named = new Map(pathway.conditions.map((c) => [c.name, c.when]));
    // Build one engine now, so that a broken pathway fails at compile time, not per patient.
    this.idle.push(this.createEngine());
  }

  private createEngine(): Engine {
    const engine = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: false });
    registerOperators(engine);
    for (const [name, when] of this.named) {
      for (const unknownAs of ['F', 'T'] as const)
        engine.setCondition(namedVariant(name, unknownAs), toTopCondition(when, unknownAs));
    }
    for (const { key, condition } of this.conditions) {
      for (const unknownAs of ['F', 'T'] as const) {
        engine.addRule({
          name: `${key}${RULE_SEPARATOR}${unknownAs}`,
          // One priority level: json-rules-engine then evaluates every rule in one group.
          priority: 1,
          conditions: toTopCondition(condition, unknownAs),
          event: { type: key },
        });
      }
    }
    return engine;
  }

  async evaluateAll(
    facts: Readonly<Record<string, unknown>>,
  ): Promise<ReadonlyMap<string, ConditionOutcome>> {
    const engine = this.idle.pop() ?? this.createEngine();
    let results: RuleResult[];
    try {
      const run = await engine.run({ ...facts });
      results = [...run.results, ...run.failureResults];
    } catch (error) {
      throw new PathwayError(
        'INTERNAL',
        `json-rules-engine failed on pathway ${this.pathway.id} ${this.pathway.version}: ${error instanceof Error ? error.message : String(error)}`,
        [],
        this.pathway.id,
      );
    } finally {
      this.idle.push(engine);
    }
    const byName = new Map<string, ResultNode>();
    for (const r of results) {
      // json-rules-engine records the outcome of a top-level all/any/not on the rule result, not on the node.
      byName.set(r.name, { ...(r.conditions as unknown as ResultNode), result: r.result === true });
    }
    const outcomes = new Map<string, ConditionOutcome>();
    for (const { key, condition } of this.conditions) {
      const f = byName.get(`${key}${RULE_SEPARATOR}F`);
      const t = byName.get(`${key}${RULE_SEPARATOR}T`);
      const node = this.traceTop(condition, f, t);
      outcomes.set(key, { truth: node.result, node });
    }
    return outcomes;
  }

  /** A bare leaf was wrapped in `all` for json-rules-engine; unwrap it again. */
  private traceTop(
    condition: Condition,
    f: ResultNode | undefined,
    t: ResultNode | undefined,
  ): TraceNode {
    if (isLeaf(condition)) return this.trace(condition, f?.all?.[0], t?.all?.[0]);
    return this.trace(condition, f, t);
  }

  private trace(
    condition: Condition,
    f: ResultNode | undefined,
    t: ResultNode | undefined,
  ): TraceNode {
    const result = truthOf(f, t);
    // The pathway's tree and json-rules-engine's result trees are walked side by side: the
    // result node of a child sits under the same key (`all`, `any`, `not`) as in the pathway.
    if (isGroup(condition)) {
      const kind = isAll(condition) ? 'all' : 'any';
      return {
        kind,
        result,
        children: conditionChildren(condition).map((c, i) =>
          this.trace(c, f?.[kind]?.[i], t?.[kind]?.[i]),
        ),
      };
    }
    // Under `not` the variants swap: the F run evaluated the child in its T variant and vice versa.
    if (isNot(condition))
      return { kind: 'not', result, child: this.trace(condition.not, t?.not, f?.not) };
    if (isReference(condition)) {
      // json-rules-engine replaces a reference by the referenced condition's content.
      const when = this.named.get(condition.condition);
      if (when === undefined)
        throw new PathwayError(
          'UNKNOWN_CONDITION',
          `unknown named condition '${condition.condition}'`,
          [],
          this.pathway.id,
        );
      return {
        kind: 'condition',
        name: condition.condition,
        result,
        child: this.traceTop(when, f, t),
      };
    }
    const valueIsFact =
      typeof condition.value === 'object' &&
      condition.value !== null &&
      !Array.isArray(condition.value);
    const factValue = f?.factResult;
    const expected = valueIsFact ? f?.valueResult : condition.value;
    return {
      kind: 'leaf',
      fact: condition.fact,
      ...(isUnknown(factValue) ? {} : { value: factValue }),
      operator: baseOperator(f?.operator ?? condition.operator),
      expected: isUnknown(expected) ? undefined : expected,
      ...(valueIsFact ? { expectedFact: (condition.value as { fact: string }).fact } : {}),
      result,
    };
  }
}
