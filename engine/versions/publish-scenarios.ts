/**
 * The scenarios a version is checked against before it is published: every scenario naming
 * it, and every scenario of the latest earlier version that scenarios name (the predecessor's
 * tests, which a new version inherits until they are rewritten). An inherited scenario is
 * checked against its predecessor's expectation.
 */
import type { Scenario } from '../model/types';
import { compareVersions } from './select';

/** A scenario to run against the version being published, and whose expectation it uses. */
export interface ScenarioToCheck {
  /** The scenario aimed at the version being published. */
  scenario: Scenario;
  /** The version whose expectation is checked: the published one, or the predecessor's. */
  basis: string;
}

/** The scenario re-aimed at `version`, keeping the expectation (and override) of `basis`. */
export function retarget(scenario: Scenario, basis: string, version: string): Scenario {
  if (basis === version) return scenario;
  const override = scenario.expectByVersion?.[basis];
  const out: Scenario = { ...scenario, versions: [version] };
  if (override === undefined) delete out.expectByVersion;
  else out.expectByVersion = { [version]: override };
  return out;
}

/** The scenarios to check for `version`, direct ones first, each once, in the order given. */
export function scenariosToPublish(
  scenarios: readonly Scenario[],
  version: string,
): ScenarioToCheck[] {
  const direct = scenarios.filter((s) => s.versions.includes(version));
  const earlier = scenarios
    .flatMap((s) => s.versions)
    .filter((v) => compareVersions(v, version) < 0)
    .sort(compareVersions)
    .at(-1);
  const inherited =
    earlier === undefined
      ? []
      : scenarios.filter((s) => !s.versions.includes(version) && s.versions.includes(earlier));
  return [
    ...direct.map((scenario) => ({ scenario, basis: version })),
    ...inherited.map((s) => ({
      scenario: retarget(s, earlier ?? version, version),
      basis: earlier ?? version,
    })),
  ];
}
