/** different-ids: versions given together must all belong to the same pathway id. */
import type { VersionRule } from '../versions';
import { finding } from '../versions';

/** The `different-ids` rule; see the comment at the top of this file. */
export const differentIds: VersionRule = {
  rule: 'different-ids',
  check(docs) {
    const first = docs[0];
    if (first === undefined) return [];
    return docs.flatMap((doc, i) =>
      doc.id === first.id
        ? []
        : [
            finding(
              'different-ids',
              'error',
              docs,
              i,
              `Version ${doc.version} has pathway id "${doc.id}", but version ${first.version} has "${first.id}"`,
              ['id'],
            ),
          ],
    );
  },
};
