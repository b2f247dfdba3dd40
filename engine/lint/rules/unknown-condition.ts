/** unknown-condition: a `{ condition: name }` reference to a named condition that is not defined. */
import type { PathwayRule } from '../context';
import { makeIssue } from '../issue';
import { didYouMean } from '../suggest';
import { describeOwner } from '../walk';

/** The `unknown-condition` rule; see the comment at the top of this file. */
export const unknownCondition: PathwayRule = {
  rule: 'unknown-condition',
  check({ conditions, nodes }) {
    const names = [...conditions.keys()];
    return nodes.flatMap((node) =>
      node.kind === 'reference' && !conditions.has(node.name)
        ? [
            makeIssue(
              'unknown-condition',
              'error',
              `Condition "${node.name}" referred to in ${describeOwner(node.root.owner)} is not defined${didYouMean(node.name, names)}`,
              [...node.path, 'condition'],
              node.root.at,
            ),
          ]
        : [],
    );
  },
};
