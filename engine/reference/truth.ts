/** Three-valued helpers of the reference: Kleene logic on named truths, and the facts an unknown tree lacks. */
import type { TraceNode, Truth } from '../evaluate/result';

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
      if (node.value === undefined) into.add(node.fact);
      if (node.expectedFact !== undefined && node.expected === undefined)
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
