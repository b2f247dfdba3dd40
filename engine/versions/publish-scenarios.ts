/**
 * The scenarios a version is checked against before it is published: every scenario naming
 * it, and every scenario of the latest earlier version that scenarios name (the predecessor's
 * tests, which a new version inherits until they are rewritten). An inherited scenario is
 * checked against its predecessor's expectation.
 */
import type { Scenario } from '../model/types';
import { narrowTo } from '../scenarios/split';
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
  return basis === version ? scenario : narrowTo(scenario, basis, version);
}

/**
 * The one rule of which scenarios check `version`, over any list of items holding a scenario
 * (files in the editor, scenarios in the publish route): those naming it first, then — unless
 * `inherit` is false — those of the latest earlier version named anywhere that do not name
 * `version` and whose name no scenario of `version` has (a copy replaces its original), each with the version whose expectation it uses (`basis`).
 */
export function scenarioBases<T>(
  items: readonly T[],
  scenarioOf: (item: T) => Scenario,
  version: string,
  inherit = true,
): { item: T; basis: string }[] {
  const names = (item: T): readonly string[] => scenarioOf(item).versions;
  const direct = items
    .filter((i) => names(i).includes(version))
    .map((item) => ({ item, basis: version }));
  if (!inherit) return direct;
  const earlier = items
    .flatMap(names)
    .filter((v) => compareVersions(v, version) < 0)
    .sort(compareVersions)
    .at(-1);
  if (earlier === undefined) return direct;
  // A scenario of `version` replaces an inherited one of the same name (a copy made for it).
  const own = new Set(direct.map(({ item }) => scenarioOf(item).name));
  const inherited = items
    .filter(
      (i) =>
        !names(i).includes(version) && names(i).includes(earlier) && !own.has(scenarioOf(i).name),
    )
    .map((item) => ({ item, basis: earlier }));
  return [...direct, ...inherited];
}

/** The scenarios to check for `version`, direct ones first, each once, in the order given. */
export function scenariosToPublish(
  scenarios: readonly Scenario[],
  version: string,
): ScenarioToCheck[] {
  return scenarioBases(scenarios, (s) => s, version).map(({ item, basis }) => ({
    scenario: retarget(item, basis, version),
    basis,
  }));
}
