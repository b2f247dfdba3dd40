/**
 * never-true-condition: a condition, or a part of one, that is false by its shape alone
 * whatever the patient's facts (`not` of an empty `all`, an `all` with such a part, an `all`
 * naming a named condition that is never true). Comparisons that exclude each other are
 * `unsatisfiable-condition`; the editor's untouched default is `incomplete-condition`.
 */
import { formatPath } from '../../model/path';
import type { PathwayRule } from '../context';
import { makeIssue } from '../issue';
import { describeOwner } from '../walk';
import { constantParts, shapeReason } from './constant-shape';

/** The `never-true-condition` rule; see the comment at the top of this file. */
export const neverTrueCondition: PathwayRule = {
  rule: 'never-true-condition',
  check({ doc }) {
    return constantParts(doc)
      .filter((part) => part.truth === 'never')
      .map((part) =>
        makeIssue(
          'never-true-condition',
          'warning',
          `The condition of ${describeOwner(part.root.owner)} is never true at ${formatPath(part.path)}, whatever the patient's facts: ${shapeReason(part.node, part.truth)}`,
          part.path,
          part.root.at,
        ),
      );
  },
};
