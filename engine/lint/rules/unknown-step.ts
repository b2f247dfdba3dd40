/** unknown-step: the entry step, a global transition or a step transition names no step. */
import type { PathwayRule } from '../context';
import { makeIssue } from '../issue';
import { didYouMean } from '../suggest';
import type { LintIssue } from '../types';

/** The `unknown-step` rule; see the comment at the top of this file. */
export const unknownStep: PathwayRule = {
  rule: 'unknown-step',
  check({ doc, steps }) {
    const ids = [...steps.keys()];
    const issues: LintIssue[] = [];
    if (!steps.has(doc.entryStep)) {
      issues.push(
        makeIssue(
          'unknown-step',
          'error',
          `Entry step "${doc.entryStep}" is not a step${didYouMean(doc.entryStep, ids)}`,
          ['entryStep'],
        ),
      );
    }
    doc.globalTransitions.forEach((transition, t) => {
      if (steps.has(transition.to)) return;
      issues.push(
        makeIssue(
          'unknown-step',
          'error',
          `Global transition ${t + 1} goes to "${transition.to}", which is not a step${didYouMean(transition.to, ids)}`,
          ['globalTransitions', t, 'to'],
          { transitionIndex: t },
        ),
      );
    });
    doc.steps.forEach((step, s) => {
      step.transitions.forEach((transition, t) => {
        if (steps.has(transition.to)) return;
        issues.push(
          makeIssue(
            'unknown-step',
            'error',
            `Step "${step.id}" transition ${t + 1} goes to "${transition.to}", which is not a step${didYouMean(transition.to, ids)}`,
            ['steps', s, 'transitions', t, 'to'],
            { stepId: step.id, transitionIndex: t },
          ),
        );
      });
    });
    return issues;
  },
};
