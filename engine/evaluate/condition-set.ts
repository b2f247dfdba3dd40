/**
 * Every condition a pathway evaluates, each under a stable key. The key doubles as the
 * trace's `source`, so people can find the rule in the file from the trace.
 */
import type { Condition, FollowUp, Pathway, Step, Transition } from '../model/types';

export interface KeyedCondition {
  key: string;
  condition: Condition;
}

/** Key of the i-th global transition. */
export const globalKey = (index: number): string => `globalTransitions[${index}]`;
/** Key of a step's i-th transition. */
export const transitionKey = (stepId: string, index: number): string =>
  `steps.${stepId}.transitions[${index}]`;
/** Key of an alert's condition. */
export const alertKey = (alertId: string): string => `alerts.${alertId}`;
/** Key of one of a follow-up's conditions; `stepId` is undefined for pathway-level follow-ups. */
export const followUpKey = (
  stepId: string | undefined,
  followUpId: string,
  part: 'appliesWhen' | 'dueWhen' | 'overdueWhen',
): string => `${stepId === undefined ? '' : `steps.${stepId}.`}followUps.${followUpId}.${part}`;

function followUpConditions(stepId: string | undefined, followUp: FollowUp): KeyedCondition[] {
  const out: KeyedCondition[] = [];
  for (const part of ['appliesWhen', 'dueWhen', 'overdueWhen'] as const) {
    const condition = followUp[part];
    if (condition !== undefined)
      out.push({ key: followUpKey(stepId, followUp.id, part), condition });
  }
  return out;
}

/** Lists all conditions of a pathway in document order. */
export function collectConditions(pathway: Pathway): KeyedCondition[] {
  const out: KeyedCondition[] = [];
  pathway.globalTransitions.forEach((t, i) => out.push({ key: globalKey(i), condition: t.when }));
  for (const step of pathway.steps) {
    step.transitions.forEach((t, i) =>
      out.push({ key: transitionKey(step.id, i), condition: t.when }),
    );
    for (const followUp of step.followUps) out.push(...followUpConditions(step.id, followUp));
  }
  for (const alert of pathway.alerts) out.push({ key: alertKey(alert.id), condition: alert.when });
  for (const followUp of pathway.followUps) out.push(...followUpConditions(undefined, followUp));
  return out;
}

/** A transition the walk may take from a step, under its key. */
export interface CandidateTransition {
  key: string;
  to: string;
  global: boolean;
  transition: Transition;
}

/**
 * The candidates leaving `step`, in the order they are tried: global transitions first (never
 * from their own target), then the step's own, each in file order. An exit step has none.
 */
export function candidatesOf(pathway: Pathway, step: Step): CandidateTransition[] {
  if (step.level === 'exit') return [];
  const globals = pathway.globalTransitions
    .map((transition, i) => ({ key: globalKey(i), to: transition.to, global: true, transition }))
    // A global transition is not taken from its own target.
    .filter((c) => c.to !== step.id);
  const own = step.transitions.map((transition, i) => ({
    key: transitionKey(step.id, i),
    to: transition.to,
    global: false,
    transition,
  }));
  return [...globals, ...own];
}
