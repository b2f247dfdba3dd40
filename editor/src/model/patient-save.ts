/**
 * What must hold before a test patient is saved: a name, a chosen expected step (or an
 * expected error), and a version that exists on disk, so `pathway test` can run it. The
 * expectation is always chosen by the author; `expectFromResult` fills it only on request.
 */
import type { EvaluationResult, Scenario } from '../../../engine/index';

/** Why a patient cannot be saved yet, by form field. */
export type SaveProblem = 'name' | 'expectStep' | 'versions';

/** The problems keeping `scenario` from being saved; empty when it can be. */
export function saveProblems(scenario: Scenario, versionSaved: boolean): SaveProblem[] {
  const problems: SaveProblem[] = [];
  if (scenario.name.trim() === '') problems.push('name');
  if (scenario.expect.step === undefined && scenario.expect.error === undefined)
    problems.push('expectStep');
  if (!versionSaved) problems.push('versions');
  return problems;
}

/** The expectation with today's answer's step and alerts (the author asked for it). */
export function expectFromResult(
  expect: Scenario['expect'],
  result: EvaluationResult,
): Scenario['expect'] {
  return { ...expect, step: result.step.id, alerts: result.alerts.map((a) => a.id) };
}

/** The expectation with step `step` (undefined: not chosen). */
export function withExpectedStep(
  expect: Scenario['expect'],
  step: string | undefined,
): Scenario['expect'] {
  const next = { ...expect };
  if (step === undefined) delete next.step;
  else next.step = step;
  return next;
}

/** The expectation with alert `id` expected to fire or not (an exact list of alerts). */
export function withExpectedAlert(
  expect: Scenario['expect'],
  id: string,
  fires: boolean,
): Scenario['expect'] {
  const current = expect.alerts ?? [];
  const alerts = fires ? [...new Set([...current, id])] : current.filter((a) => a !== id);
  return { ...expect, alerts };
}
