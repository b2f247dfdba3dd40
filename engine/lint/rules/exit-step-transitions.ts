/** exit-step-transitions: the walk stops at an exit step, so its transitions are never taken. */
import type { PathwayRule } from '../context';
import { makeIssue } from '../issue';

/** The `exit-step-transitions` rule; see the comment at the top of this file. */
export const exitStepTransitions: PathwayRule = {
  rule: 'exit-step-transitions',
  check({ doc }) {
    return doc.steps.flatMap((step, s) =>
      step.level !== 'exit' || step.transitions.length === 0
        ? []
        : [
            makeIssue(
              'exit-step-transitions',
              'warning',
              `Exit step "${step.id}" has ${step.transitions.length} transition(s), which are never taken: the walk stops at an exit step`,
              ['steps', s, 'transitions'],
              { stepId: step.id },
            ),
          ],
    );
  },
};
