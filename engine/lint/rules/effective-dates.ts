/** effective-dates: `effective.to` must come after `effective.from` (the range is from ≤ d < to). */
import type { PathwayRule } from '../context';
import { makeIssue } from '../issue';

/** The `effective-dates` rule; see the comment at the top of this file. */
export const effectiveDates: PathwayRule = {
  rule: 'effective-dates',
  check({ doc }) {
    const { from, to } = doc.effective;
    // ISO dates (YYYY-MM-DD) order correctly as strings.
    if (to === undefined || to > from) return [];
    return [
      makeIssue(
        'effective-dates',
        'error',
        `effective.to ${to} is not after effective.from ${from}: version ${doc.version} would never be in effect`,
        ['effective', 'to'],
      ),
    ];
  },
};
