/**
 * The reference's follow-ups, over json-rules-engine's condition outcomes. A scheduled follow-up (`at`) falls due that long after the step
 * was entered, within `windowDays` either side; a condition-based one is due or overdue
 * when its condition is true. `appliesWhen` must be true for either kind to be listed.
 */
import { addDuration, daysBetween } from '../facts/dates';
import type { FollowUp, Pathway, Step } from '../model/types';
import { followUpKey } from '../evaluate/condition-set';
import type { OutcomeFollowUp } from '../evaluate/outcome';
import { DEFAULT_WINDOW_DAYS } from '../fast/follow-ups';
import type { ConditionOutcome } from './condition-evaluator';

/** When the patient entered the final step, as far as it is known. */
export interface StepTiming {
  /** Days the patient has been in the step on the evaluation date; undefined when unknown. */
  daysInStep: number | undefined;
  asOf: string;
}

function isTrue(outcomes: ReadonlyMap<string, ConditionOutcome>, key: string): boolean {
  return outcomes.get(key)?.truth === 'true';
}

function statusOf(
  followUp: FollowUp,
  stepId: string | undefined,
  timing: StepTiming | undefined,
  outcomes: ReadonlyMap<string, ConditionOutcome>,
): Omit<OutcomeFollowUp, 'id'> | undefined {
  if (
    followUp.appliesWhen !== undefined &&
    !isTrue(outcomes, followUpKey(stepId, followUp.id, 'appliesWhen'))
  )
    return undefined;
  const step = { step: stepId };
  if (
    followUp.overdueWhen !== undefined &&
    isTrue(outcomes, followUpKey(stepId, followUp.id, 'overdueWhen'))
  )
    return { ...step, status: 'overdue' };
  if (
    followUp.dueWhen !== undefined &&
    isTrue(outcomes, followUpKey(stepId, followUp.id, 'dueWhen'))
  )
    return { ...step, status: 'due' };
  if (followUp.at === undefined || timing?.daysInStep === undefined) return undefined;
  const entered = addDuration(timing.asOf, { days: -timing.daysInStep });
  const { days, weeks, months } = followUp.at;
  const dueDate = addDuration(entered, {
    ...(days === undefined ? {} : { days }),
    ...(weeks === undefined ? {} : { weeks }),
    ...(months === undefined ? {} : { months }),
  });
  const offset = daysBetween(timing.asOf, dueDate); // > 0: still ahead
  const window = followUp.windowDays ?? DEFAULT_WINDOW_DAYS;
  const status = offset > window ? 'upcoming' : offset >= -window ? 'due' : 'overdue';
  return { ...step, status, dueDate };
}

function itemsOf(
  followUps: readonly FollowUp[],
  stepId: string | undefined,
  timing: StepTiming | undefined,
  outcomes: ReadonlyMap<string, ConditionOutcome>,
): OutcomeFollowUp[] {
  const items: OutcomeFollowUp[] = [];
  for (const followUp of followUps) {
    const status = statusOf(followUp, stepId, timing, outcomes);
    if (status !== undefined) items.push({ id: followUp.id, ...status });
  }
  return items;
}

/** The follow-ups of the final step (in its own context) and of the pathway (in the patient's context). */
export function followUpsDue(
  pathway: Pathway,
  finalStep: Step,
  timing: StepTiming,
  stepOutcomes: ReadonlyMap<string, ConditionOutcome>,
  patientOutcomes: ReadonlyMap<string, ConditionOutcome>,
): OutcomeFollowUp[] {
  return [
    ...itemsOf(finalStep.followUps, finalStep.id, timing, stepOutcomes),
    ...itemsOf(pathway.followUps, undefined, undefined, patientOutcomes),
  ];
}
