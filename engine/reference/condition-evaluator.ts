/**
 * The seam between the reference walk and json-rules-engine, which evaluates every
 * condition of a pathway at once.
 */
import type { TraceNode, Truth } from '../evaluate/result';

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
