/**
 * The condition that is never true and needs no fact: `{ not: { all: [] } }`. An empty `all`
 * is true in json-rules-engine and in the engine alike, so its `not` is false for every
 * patient, known facts or not. The editor gives it to a new transition, alert or named
 * condition ("not written yet"), so that adding one changes no patient's answer; the linter
 * reports it as `incomplete-condition` until the author writes a real condition.
 */
import { isAll, isNot } from './condition';
import type { Condition } from './types';

/** The "not written yet" condition. */
export const NEVER_TRUE: Condition = { not: { all: [] } };

/** True when `condition` is {@link NEVER_TRUE}. */
export function isNeverTrue(condition: unknown): boolean {
  if (!isNot(condition)) return false;
  const inner = condition.not;
  return isAll(inner) && inner.all.length === 0;
}
