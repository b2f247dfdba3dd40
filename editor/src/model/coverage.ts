/**
 * Coverage of the test patients laid over the canvas: how many passing patients took each
 * transition, fired each alert and ended in each step. The counting is the engine's
 * `coverage` (the one `pathway test` prints); this only maps its keys to canvas ids.
 */
import type { Pathway, ScenarioOutcome } from '../../../engine/index';
import { alertKey, coverage } from '../../../engine/editor';
import { edgeIdOfSourceKey } from './cohort';

/** Coverage counts by canvas id. */
export interface CoverageBadges {
  /** Passing patients per edge id (0 = not exercised by any passing patient). */
  edges: Readonly<Record<string, number>>;
  /** Passing patients per alert id in whom it fired (0 = never fired). */
  alerts: Readonly<Record<string, number>>;
  /** Passing patients per step id whose walk ended there, and the alerts they fired. */
  steps: Readonly<Record<string, { patients: number; alerts: Readonly<Record<string, number>> }>>;
  /** Patients that ran and passed (only those count, as in `pathway test`). */
  passed: number;
}

/** The coverage badges of `pathway` for these outcomes. */
export function coverageBadges(
  pathway: Pathway,
  outcomes: readonly ScenarioOutcome[],
): CoverageBadges {
  const cov = coverage(pathway, outcomes);
  const edges: Record<string, number> = {};
  for (const [key, n] of Object.entries(cov.transitions.counts)) {
    const id = edgeIdOfSourceKey(key);
    if (id !== undefined) edges[id] = n;
  }
  const alerts: Record<string, number> = {};
  for (const a of pathway.alerts) alerts[a.id] = cov.alerts.counts[alertKey(a.id)] ?? 0;
  const steps: Record<string, { patients: number; alerts: Record<string, number> }> = {};
  let passed = 0;
  for (const o of outcomes) {
    if (!o.passed || o.result === undefined) continue;
    passed += 1;
    const step = (steps[o.result.step.id] ??= { patients: 0, alerts: {} });
    step.patients += 1;
    for (const id of new Set(o.result.alerts.map((a) => a.id)))
      step.alerts[id] = (step.alerts[id] ?? 0) + 1;
  }
  return { edges, alerts, steps, passed };
}
