/**
 * The seam between the walk and whatever evaluates conditions. The reference
 * implementation runs json-rules-engine; a compiled implementation can be added behind the
 * same interface and checked against it with differential tests.
 */
import type { TraceNode, Truth } from './result';

/** One condition's answer with its evaluated tree. */
export interface ConditionOutcome {
  truth: Truth;
  node: TraceNode;
}

/** Evaluates every condition of a pathway against one set of fact values. */
export interface ConditionEvaluator {
  /** `facts` holds known values only; an absent key is an unknown fact. */
  evaluateAll(
    facts: Readonly<Record<string, unknown>>,
  ): Promise<ReadonlyMap<string, ConditionOutcome>>;
}
