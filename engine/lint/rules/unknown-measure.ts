/** unknown-measure: a follow-up asks for a measure that is not in the pathway's `measures`. */
import type { PathwayRule } from '../context';
import { makeIssue } from '../issue';
import { didYouMean } from '../suggest';
import { followUpSites } from '../walk';

/** The `unknown-measure` rule; see the comment at the top of this file. */
export const unknownMeasure: PathwayRule = {
  rule: 'unknown-measure',
  check({ doc, measureIds }) {
    return followUpSites(doc).flatMap(({ followUp, path, at }) =>
      followUp.measures.flatMap((id, m) =>
        measureIds.has(id)
          ? []
          : [
              makeIssue(
                'unknown-measure',
                'error',
                `Follow-up "${followUp.id}" asks for measure "${id}", which is not in the pathway's measures${didYouMean(id, measureIds)}`,
                [...path, 'measures', m],
                at,
              ),
            ],
      ),
    );
  },
};
