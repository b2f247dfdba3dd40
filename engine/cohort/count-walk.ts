/**
 * Counting one evaluated batch patient straight from the batch's result columns (through a
 * {@link BatchWalk}): the same counts as `countResult` of that patient's Outcome
 * (engine/cohort/counts.ts), in the same order, without building the Outcome. Missing facts
 * are worked out only for patients whose placement needs information, the only ones counted.
 */
import type { BatchWalk } from '../indicators/batch-walk';
import { bump, emptyGroup, type CohortCounts, type GroupCounts } from './counts';

/** Counts the walk, alerts and follow-ups of the patient `walk` points at into `group`. */
export function countWalk(counts: CohortCounts, group: string, walk: BatchWalk): GroupCounts {
  const g = (counts.groups[group] ??= emptyGroup());
  const c = walk.compiled;
  g.patients++;
  if (walk.status() === 'needs-information') {
    g.needsInformation++;
    for (const fact of walk.missingFacts()) bump(g.missingFacts, fact);
  }
  const length = walk.pathLength;
  const final = walk.pathStep(length - 1);
  bump(g.finalStep, final.id);
  for (let j = 0; j < length; j++) bump(g.visited, walk.pathStep(j).id);
  for (let j = 0; j + 1 < length; j++) bump(g.transitions, walk.takenKey(j));
  // Fired alerts in the order an outcome lists them (severity, then file order).
  for (const a of c.alertsBySeverity) if (walk.alertAt(a.order) === 2) bump(g.alerts, a.id);
  for (let k = 0; k < c.alerts.length; k++)
    if (walk.alertAt(k) === 1) bump(g.undecidedAlerts, (c.alerts[k] as { id: string }).id);
  // The final step's follow-ups first, then the pathway's, as an outcome lists them.
  for (const rules of [final.followUps, c.followUps])
    for (const rule of rules) {
      const status = walk.followUpAt(rule.index);
      if (status === 'overdue') bump(g.followUpsOverdue, rule.id);
      else if (status === 'due') bump(g.followUpsDue, rule.id);
    }
  return g;
}
