/**
 * multiple-active: only one version may be `active`; the older ones are `retired`, or retired by
 * a published successor that declares `supersedes` (a frozen file cannot change its status).
 */
import { supersederOf } from '../../versions/select';
import type { VersionRule } from '../versions';
import { finding } from '../versions';

/** The `multiple-active` rule; see the comment at the top of this file. */
export const multipleActive: VersionRule = {
  rule: 'multiple-active',
  check(docs) {
    const active = docs.flatMap((doc, i) =>
      doc.status === 'active' && supersederOf(doc, docs) === undefined ? [i] : [],
    );
    if (active.length < 2) return [];
    return active.map((i) => {
      const others = active
        .filter((j) => j !== i)
        .map((j) => docs[j]?.version ?? '')
        .join(', ');
      return finding(
        'multiple-active',
        'error',
        docs,
        i,
        `Version ${docs[i]?.version ?? ''} is active, and so is ${others}: only one version may be active`,
        ['status'],
      );
    });
  },
};
