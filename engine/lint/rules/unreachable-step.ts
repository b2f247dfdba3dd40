/**
 * unreachable-step: no walk from the entry step can get there. The walk follows step
 * transitions, and from every non-exit step also the global transitions, except a global
 * whose target is the step itself (the engine never takes a global to where it already is).
 * Conditions are not evaluated: this is about the drawing, not about patients.
 */
import type { PathwayRule } from '../context';
import { makeIssue } from '../issue';

/** The `unreachable-step` rule; see the comment at the top of this file. */
export const unreachableStep: PathwayRule = {
  rule: 'unreachable-step',
  check({ doc, steps }) {
    // An unknown entry step is reported by unknown-step; everything would be unreachable.
    if (!steps.has(doc.entryStep)) return [];
    const reached = new Set([doc.entryStep]);
    const queue = [doc.entryStep];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i];
      const step = id === undefined ? undefined : steps.get(id)?.item;
      if (step === undefined) continue;
      const targets = step.transitions.map((t) => t.to);
      if (step.level !== 'exit') {
        for (const global of doc.globalTransitions)
          if (global.to !== step.id) targets.push(global.to);
      }
      for (const target of targets) {
        if (reached.has(target) || !steps.has(target)) continue;
        reached.add(target);
        queue.push(target);
      }
    }
    return doc.steps.flatMap((step, s) =>
      reached.has(step.id) || steps.get(step.id)?.index !== s
        ? []
        : [
            makeIssue(
              'unreachable-step',
              'error',
              `Step "${step.id}" cannot be reached from the entry step "${doc.entryStep}"`,
              ['steps', s],
              { stepId: step.id },
            ),
          ],
    );
  },
};
