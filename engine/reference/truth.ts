/** Three-valued helpers of the reference: Kleene logic on named truths, and the facts an unknown tree lacks. */
import type { TraceNode, Truth } from '../evaluate/result';
import { isLowerBound } from '../facts/bound';

/** Kleene conjunction. */
export function and(values: readonly Truth[]): Truth {
  if (values.includes('false')) return 'false';
  return values.includes('unknown') ? 'unknown' : 'true';
}

/** Kleene disjunction. */
export function or(values: readonly Truth[]): Truth {
  if (values.includes('true')) return 'true';
  return values.includes('unknown') ? 'unknown' : 'false';
}

/** Kleene negation. */
export function not(value: Truth): Truth {
  return value === 'unknown' ? 'unknown' : value === 'true' ? 'false' : 'true';
}

/**
 * The facts whose absence leaves this node unknown. Only unknown branches are followed:
 * a fact under a part that is already decided would not change the answer.
 */
export function unknownFacts(node: TraceNode, into: Set<string> = new Set()): Set<string> {
  if (node.result !== 'unknown') return into;
  switch (node.kind) {
    case 'leaf':
      // A lower bound leaves a comparison unknown as surely as an absent value does.
      if (node.value === undefined || isLowerBound(node.value)) into.add(node.fact);
      if (
        node.expectedFact !== undefined &&
        (node.expected === undefined || isLowerBound(node.expected))
      )
        into.add(node.expectedFact);
      break;
    case 'all':
    case 'any':
      for (const child of node.children) unknownFacts(child, into);
      break;
    case 'not':
    case 'condition':
      unknownFacts(node.child, into);
      break;
  }
  return into;
}
