/**
 * dead-end-step: a step that is not an exit but has no transitions of its own, so a
 * patient placed there could never move on. Global transitions do not count: they are for
 * exceptions (red flags, declining care), not the way forward.
 */
import type { PathwayRule } from '../context';
import { makeIssue } from '../issue';

/** The `dead-end-step` rule; see the comment at the top of this file. */
export const deadEndStep: PathwayRule = {
  rule: 'dead-end-step',
  check({ doc }) {
    return doc.steps.flatMap((step, s) =>
      step.level === 'exit' || step.transitions.length > 0
        ? []
        : [
            makeIssue(
              'dead-end-step',
              'error',
              `Step "${step.id}" (${step.level}) has no transitions and is not an exit step: patients would stay there for good`,
              ['steps', s, 'transitions'],
              { stepId: step.id },
            ),
          ],
    );
  },
};
