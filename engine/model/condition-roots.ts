/**
 * Every place in a pathway document that holds a condition tree: named conditions, global
 * transitions, step transitions, alerts, the follow-ups' `appliesWhen` / `dueWhen` /
 * `overdueWhen` and the indicators' `denominator` / `numerator` (whose leaves may also read
 * outcome terms such as `$step`, engine/indicators/terms.ts). Whatever checks or compiles "all conditions" (lint, the compile-time
 * integrity check) takes them from here, so a new place that holds a condition is added
 * once and no checker can skip one.
 */
import type { PathSegment } from './path';
import type { Condition, FollowUp, Pathway } from './types';

/** The follow-up fields that hold a condition, in schema order. */
export const FOLLOW_UP_CONDITION_FIELDS = ['appliesWhen', 'dueWhen', 'overdueWhen'] as const;

/** One of {@link FOLLOW_UP_CONDITION_FIELDS}. */
export type FollowUpConditionField = (typeof FOLLOW_UP_CONDITION_FIELDS)[number];

/** Where a condition tree hangs in the document. */
export type ConditionOwner =
  | { readonly kind: 'named-condition'; readonly name: string; readonly index: number }
  | { readonly kind: 'global-transition'; readonly index: number; readonly to: string }
  | {
      readonly kind: 'transition';
      readonly stepId: string;
      readonly stepIndex: number;
      readonly index: number;
      readonly to: string;
    }
  | { readonly kind: 'alert'; readonly id: string; readonly index: number }
  | {
      readonly kind: 'follow-up';
      readonly id: string;
      readonly field: FollowUpConditionField;
      /** The step whose follow-up it is; absent for the pathway's own follow-ups. */
      readonly stepId?: string;
    }
  | {
      readonly kind: 'indicator';
      readonly id: string;
      readonly index: number;
      readonly part: 'denominator' | 'numerator';
    };

/** One condition tree with its owner and its schema path (`steps[2].transitions[0].when`). */
export interface ConditionRoot {
  readonly owner: ConditionOwner;
  readonly when: Condition;
  readonly path: readonly PathSegment[];
}

/** Every condition tree of the document, in document (schema key) order. */
export function conditionRoots(doc: Pathway): ConditionRoot[] {
  const roots: ConditionRoot[] = [];
  doc.conditions.forEach((named, index) => {
    roots.push({
      owner: { kind: 'named-condition', name: named.name, index },
      when: named.when,
      path: ['conditions', index, 'when'],
    });
  });
  doc.globalTransitions.forEach((transition, index) => {
    roots.push({
      owner: { kind: 'global-transition', index, to: transition.to },
      when: transition.when,
      path: ['globalTransitions', index, 'when'],
    });
  });
  const followUpRoots = (
    followUp: FollowUp,
    path: readonly PathSegment[],
    stepId?: string,
  ): void => {
    for (const field of FOLLOW_UP_CONDITION_FIELDS) {
      const when = followUp[field];
      if (when === undefined) continue;
      const owner: ConditionOwner =
        stepId === undefined
          ? { kind: 'follow-up', id: followUp.id, field }
          : { kind: 'follow-up', id: followUp.id, field, stepId };
      roots.push({ owner, when, path: [...path, field] });
    }
  };
  doc.steps.forEach((step, stepIndex) => {
    step.followUps.forEach((followUp, f) =>
      followUpRoots(followUp, ['steps', stepIndex, 'followUps', f], step.id),
    );
    step.transitions.forEach((transition, index) => {
      roots.push({
        owner: { kind: 'transition', stepId: step.id, stepIndex, index, to: transition.to },
        when: transition.when,
        path: ['steps', stepIndex, 'transitions', index, 'when'],
      });
    });
  });
  doc.alerts.forEach((alert, index) => {
    roots.push({
      owner: { kind: 'alert', id: alert.id, index },
      when: alert.when,
      path: ['alerts', index, 'when'],
    });
  });
  doc.followUps.forEach((followUp, f) => followUpRoots(followUp, ['followUps', f]));
  (doc.indicators ?? []).forEach((indicator, index) => {
    for (const part of ['denominator', 'numerator'] as const)
      roots.push({
        owner: { kind: 'indicator', id: indicator.id, index, part },
        when: indicator[part],
        path: ['indicators', index, part],
      });
  });
  return roots;
}
