/** Entries for the steps: each step itself, then its transitions and its follow-ups. */
import type { FollowUp, Step } from '../model/types';
import { compareFields } from './fields';
import { diffKeyed, type KeyedSpec } from './diff-keyed';
import { diffTransitions } from './diff-transitions';
import { pairByKey } from './pair-by-key';
import type { DiffEntry } from './types';

const STEP_FIELDS = ['title', 'level', 'description', 'actions', 'references'] as const;

/** The fields compared for a follow-up (measurement point), wherever it sits. */
export const FOLLOW_UP_FIELDS = [
  'title',
  'measures',
  'at',
  'windowDays',
  'appliesWhen',
  'dueWhen',
  'overdueWhen',
  'references',
] as const;

/** Follow-ups keyed by id; `stepId` is the owning step, undefined for pathway-level ones. */
export function followUpSpec(stepId: string | undefined): KeyedSpec<FollowUp> {
  return {
    area: 'follow-up',
    key: (f) => f.id,
    locate: (followUpId) => ({ ...(stepId === undefined ? {} : { stepId }), followUpId }),
    fields: FOLLOW_UP_FIELDS,
  };
}

function diffStep(old: Step, now: Step): DiffEntry[] {
  const entries: DiffEntry[] = [];
  const fields = compareFields(old, now, STEP_FIELDS);
  if (fields.length > 0) {
    const change = fields.length === 1 && fields[0]?.field === 'title' ? 'renamed' : 'changed';
    entries.push({
      kind: `step-${change}`,
      area: 'step',
      change,
      stepId: now.id,
      fields,
      old,
      new: now,
    });
  }
  entries.push(...diffTransitions(old.transitions, now.transitions, now.id));
  entries.push(...diffKeyed(followUpSpec(now.id), old.followUps, now.followUps));
  return entries;
}

/**
 * Compares the step lists. Steps are matched by id (their order in the file means
 * nothing); an added or removed step is one entry that holds the whole step.
 */
export function diffSteps(before: readonly Step[], after: readonly Step[]): DiffEntry[] {
  const { pairs, removed, added } = pairByKey(before, after, (s) => s.id);
  const entries: DiffEntry[] = [];
  for (const old of before) {
    const now = pairs.find(([o]) => o === old)?.[1];
    if (now !== undefined) entries.push(...diffStep(old, now));
    else if (removed.includes(old))
      entries.push({
        kind: 'step-removed',
        area: 'step',
        change: 'removed',
        stepId: old.id,
        fields: [],
        old,
      });
  }
  for (const now of added)
    entries.push({
      kind: 'step-added',
      area: 'step',
      change: 'added',
      stepId: now.id,
      fields: [],
      new: now,
    });
  return entries;
}
