/**
 * incomplete-condition: a condition still at the editor's safe default, `{ not: { all: [] } }`
 * ("not written yet"). It is never true, so a new transition is never taken and a new alert
 * never fires, and it needs no fact, so it never asks for information either; the warning
 * (and the editor's badge) says the author has not finished it.
 */
import type { PathwayRule } from '../context';
import { isNeverTrue } from '../constant';
import { makeIssue } from '../issue';
import { conditionRoots, describeOwner } from '../walk';

/** The `incomplete-condition` rule; see the comment at the top of this file. */
export const incompleteCondition: PathwayRule = {
  rule: 'incomplete-condition',
  check({ doc }) {
    return conditionRoots(doc)
      .filter((root) => isNeverTrue(root.when))
      .map((root) =>
        makeIssue(
          'incomplete-condition',
          'warning',
          `The condition of ${describeOwner(root.owner)} is not written yet: it is never true until it is edited`,
          root.path,
          root.at,
        ),
      );
  },
};
