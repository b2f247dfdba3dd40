/**
 * unused-condition (warning): a named condition that nothing refers to, other than itself.
 * Usually a transition or alert was meant to use it.
 */
import type { PathwayRule } from '../context';
import { makeIssue } from '../issue';

/** The `unused-condition` rule; see the comment at the top of this file. */
export const unusedCondition: PathwayRule = {
  rule: 'unused-condition',
  check({ doc, nodes }) {
    const used = new Set<string>();
    for (const node of nodes) {
      if (node.kind !== 'reference') continue;
      const owner = node.root.owner;
      if (owner.kind === 'named-condition' && owner.name === node.name) continue;
      used.add(node.name);
    }
    return doc.conditions.flatMap((named, i) =>
      used.has(named.name)
        ? []
        : [
            makeIssue(
              'unused-condition',
              'warning',
              `Condition "${named.name}" is not used by any transition, alert, follow-up or other condition`,
              ['conditions', i],
            ),
          ],
    );
  },
};
