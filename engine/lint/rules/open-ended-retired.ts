/**
 * open-ended-retired: a retired version without `effective.to` would still be in effect
 * for every later date, competing with its successor.
 */
import type { VersionRule } from '../versions';
import { finding } from '../versions';

/** The `open-ended-retired` rule; see the comment at the top of this file. */
export const openEndedRetired: VersionRule = {
  rule: 'open-ended-retired',
  check(docs) {
    return docs.flatMap((doc, i) =>
      doc.status === 'retired' && doc.effective.to === undefined
        ? [
            finding(
              'open-ended-retired',
              'error',
              docs,
              i,
              `Version ${doc.version} is retired but has no effective.to, so it never stops being in effect`,
              ['effective', 'to'],
            ),
          ]
        : [],
    );
  },
};
