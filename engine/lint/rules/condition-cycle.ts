/**
 * condition-cycle: named conditions that refer to each other in a circle could never be
 * evaluated. One issue per cycle, at its first reference in document order.
 */
import type { PathwayRule } from '../context';
import { findCycles, type Edge } from '../graph';
import { makeIssue } from '../issue';

/** The `condition-cycle` rule; see the comment at the top of this file. */
export const conditionCycle: PathwayRule = {
  rule: 'condition-cycle',
  check({ nodes, conditions }) {
    const edges: Edge[] = [];
    for (const node of nodes) {
      const owner = node.root.owner;
      if (node.kind !== 'reference' || owner.kind !== 'named-condition') continue;
      // Only the first definition of a name is used; a duplicate's references are not edges.
      if (conditions.get(owner.name)?.index !== owner.index) continue;
      if (!conditions.has(node.name)) continue;
      edges.push({ from: owner.name, to: node.name, path: [...node.path, 'condition'] });
    }
    return findCycles(edges).map(({ edge, names }) =>
      makeIssue(
        'condition-cycle',
        'error',
        `Condition "${edge.from}" refers to itself through ${names.map((n) => `"${n}"`).join(' → ')}`,
        edge.path,
      ),
    );
  },
};
