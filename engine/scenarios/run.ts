/**
 * Running scenarios (example patients with expected answers) and measuring how much of a
 * pathway they exercise. Pure: the CLI and the editor both use it.
 */
import { isPathwayError } from '../errors';
import type { Expectation, Pathway, Scenario } from '../model/types';
import { alertKey, globalKey, transitionKey } from '../evaluate/condition-set';
import type { CompiledPathway } from '../evaluate/compile';
import { evaluate } from '../evaluate/evaluate';
import type { EvaluationResult } from '../evaluate/result';
import { evaluateOutcome } from '../evaluate/evaluate';
import { prepareInput } from '../evaluate/prepare';
import { compileIndicators, type IndicatorEvaluator } from '../indicators/evaluate';

export interface ScenarioOutcome {
  name: string;
  version: string;
  passed: boolean;
  /** One sentence per mismatch: "step: expected primary-care-mmr, got primary-care-management". */
  failures: string[];
  result?: EvaluationResult;
  errorCode?: string;
}

/** The expectation for one version: `expect` with that version's overrides. */
export function expectationFor(scenario: Scenario, version: string): Expectation {
  return { ...scenario.expect, ...(scenario.expectByVersion?.[version] ?? {}) };
}

const show = (v: unknown): string => JSON.stringify(v);
const sortedEqual = (a: readonly string[], b: readonly string[]): boolean =>
  show([...a].sort()) === show([...b].sort());

function compare(expect: Expectation, result: EvaluationResult): string[] {
  const failures: string[] = [];
  const alertIds = result.alerts.map((a) => a.id);
  if (expect.error !== undefined)
    failures.push(`expected error ${expect.error}, got a result (step ${result.step.id})`);
  if (expect.status !== undefined && expect.status !== result.status)
    failures.push(`status: expected ${expect.status}, got ${result.status}`);
  if (expect.step !== undefined && expect.step !== result.step.id)
    failures.push(`step: expected ${expect.step}, got ${result.step.id}`);
  if (expect.path !== undefined && show(expect.path) !== show(result.path))
    failures.push(`path: expected ${expect.path.join(' → ')}, got ${result.path.join(' → ')}`);
  if (expect.alerts !== undefined && !sortedEqual(expect.alerts, alertIds))
    failures.push(`alerts: expected [${expect.alerts.join(', ')}], got [${alertIds.join(', ')}]`);
  for (const id of expect.alertsInclude ?? [])
    if (!alertIds.includes(id))
      failures.push(`alerts: expected ${id} to fire, it did not (fired: [${alertIds.join(', ')}])`);
  for (const id of expect.alertsExclude ?? [])
    if (alertIds.includes(id)) failures.push(`alerts: expected ${id} not to fire, it did`);
  if (expect.missingFacts !== undefined && !sortedEqual(expect.missingFacts, result.missingFacts))
    failures.push(
      `missingFacts: expected [${expect.missingFacts.join(', ')}], got [${result.missingFacts.join(', ')}]`,
    );
  if (expect.undecidedAlerts !== undefined) {
    const got = result.undecidedAlerts.map((u) => u.id);
    if (!sortedEqual(expect.undecidedAlerts, got))
      failures.push(
        `undecidedAlerts: expected [${expect.undecidedAlerts.join(', ')}], got [${got.join(', ')}]`,
      );
  }
  if (expect.followUps !== undefined) {
    const got = result.followUps.map((f) => `${f.id}:${f.status}`);
    const want = expect.followUps.map((f) => `${f.id}:${f.status}`);
    if (!sortedEqual(want, got))
      failures.push(`followUps: expected [${want.join(', ')}], got [${got.join(', ')}]`);
  }
  for (const [name, value] of Object.entries(expect.facts ?? {})) {
    const got = result.derivedFacts[name];
    if (show(got) !== show(value))
      failures.push(
        `facts.${name}: expected ${show(value)}, got ${got === undefined ? 'unknown' : show(got)}`,
      );
  }
  return failures;
}

/** Indicator evaluators per compiled version, made on the first scenario that asks. */
const indicatorEvaluators = new WeakMap<CompiledPathway, IndicatorEvaluator>();

/**
 * The failures of an `indicators:` expectation: each part given is compared with the
 * patient's membership (booleans read as `true` / `false`), an undeclared id is a failure.
 */
function compareIndicators(
  expected: NonNullable<Expectation['indicators']>,
  compiled: CompiledPathway,
  input: Scenario['input'],
  asOf: string,
): string[] {
  let evaluator = indicatorEvaluators.get(compiled);
  if (evaluator === undefined) {
    evaluator = compileIndicators(compiled.pathway);
    indicatorEvaluators.set(compiled, evaluator);
  }
  const request = { ...input, asOf };
  const facts = prepareInput(compiled.pathway, request, asOf).validated.facts;
  const outcome = evaluateOutcome(compiled, request, { asOf });
  const memberships = new Map(evaluator.evaluate(facts, outcome).map((m) => [m.id, m] as const));
  const failures: string[] = [];
  for (const [id, parts] of Object.entries(expected)) {
    const got = memberships.get(id);
    if (got === undefined) {
      failures.push(
        `indicators.${id}: version ${compiled.pathway.version} declares no such indicator`,
      );
      continue;
    }
    for (const part of ['denominator', 'numerator'] as const) {
      const want = parts[part];
      if (want === undefined || String(want) === got[part]) continue;
      const missing =
        got[part] !== 'unknown' || got.missingFacts.length === 0
          ? ''
          : ` (missing: ${got.missingFacts.join(', ')})`;
      failures.push(
        `indicators.${id}.${part}: expected ${String(want)}, got ${got[part]}${missing}`,
      );
    }
  }
  return failures;
}

/** Evaluates a scenario against one compiled version and compares with its expectation. */
export async function runScenario(
  compiled: CompiledPathway,
  scenario: Scenario,
): Promise<ScenarioOutcome> {
  const version = compiled.pathway.version;
  const expect = expectationFor(scenario, version);
  const base = { name: scenario.name, version };
  try {
    const result = await evaluate(
      compiled,
      { ...scenario.input, asOf: scenario.asOf },
      { language: 'en' },
    );
    const failures = compare(expect, result);
    if (expect.indicators !== undefined)
      failures.push(
        ...compareIndicators(expect.indicators, compiled, scenario.input, scenario.asOf),
      );
    return { ...base, passed: failures.length === 0, failures, result };
  } catch (error) {
    if (!isPathwayError(error)) throw error;
    if (expect.error === error.code)
      return { ...base, passed: true, failures: [], errorCode: error.code };
    const failure =
      expect.error === undefined
        ? `unexpected error ${error.code}: ${error.message}`
        : `expected error ${expect.error}, got ${error.code}: ${error.message}`;
    return { ...base, passed: false, failures: [failure], errorCode: error.code };
  }
}

/** What the scenarios exercised of one version. */
export interface Coverage {
  version: string;
  /** `counts`: passing scenarios per transition key (`steps.<id>.transitions[i]`, `globalTransitions[i]`), 0 when none. */
  transitions: {
    total: number;
    covered: string[];
    uncovered: string[];
    counts: Record<string, number>;
  };
  /** `counts`: passing scenarios per alert key (`alerts.<id>`) in which the alert fired. */
  alerts: { total: number; covered: string[]; uncovered: string[]; counts: Record<string, number> };
}

/**
 * Transitions taken and alerts fired by passing scenarios, against all of the version's
 * transitions and alerts. A failing scenario covers nothing: its walk is not the one expected.
 */
export function coverage(pathway: Pathway, outcomes: readonly ScenarioOutcome[]): Coverage {
  const transitionKeys = [
    ...pathway.globalTransitions.map((_, i) => globalKey(i)),
    ...pathway.steps.flatMap((s) => s.transitions.map((_, i) => transitionKey(s.id, i))),
  ];
  const alertKeys = pathway.alerts.map((a) => alertKey(a.id));
  const taken = new Map<string, number>(transitionKeys.map((k) => [k, 0]));
  const fired = new Map<string, number>(alertKeys.map((k) => [k, 0]));
  const bump = (counts: Map<string, number>, key: string): void => {
    const n = counts.get(key);
    if (n !== undefined) counts.set(key, n + 1);
  };
  for (const o of outcomes) {
    if (!o.passed || o.result === undefined) continue;
    const result = o.result;
    const keys = new Set<string>();
    for (const t of result.trace)
      if (
        t.result === 'true' &&
        t.to !== undefined &&
        result.transitions.some((x) => x.from === t.from && x.to === t.to)
      )
        keys.add(t.source);
    for (const k of keys) bump(taken, k);
    for (const id of new Set(result.alerts.map((a) => a.id))) bump(fired, alertKey(id));
  }
  const part = (keys: string[], counts: Map<string, number>) => ({
    total: keys.length,
    covered: keys.filter((k) => (counts.get(k) ?? 0) > 0),
    uncovered: keys.filter((k) => (counts.get(k) ?? 0) === 0),
    counts: Object.fromEntries(keys.map((k) => [k, counts.get(k) ?? 0])),
  });
  return {
    version: pathway.version,
    transitions: part(transitionKeys, taken),
    alerts: part(alertKeys, fired),
  };
}
