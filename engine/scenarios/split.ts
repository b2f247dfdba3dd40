/**
 * Splitting a test patient between versions. A scenario may name several versions at once
 * (`versions: [1.3.0, 1.4.0]`); when a draft among them renames a fact or an alert the
 * patient names, the frozen versions must keep checking exactly what they checked, and the
 * draft must get the patient rewritten. The split gives each side its own file: the draft a
 * copy for itself alone, the original the remaining versions. Nothing is lost: every version
 * checks the same expectation as before. Pure.
 */
import type { Scenario } from '../model/types';

/**
 * The scenario aimed at `version` alone, checking what it checked for `basis`: `versions`
 * becomes `[version]`, and `basis`'s own expectation override (if any) becomes `version`'s.
 */
export function narrowTo(scenario: Scenario, basis: string, version: string): Scenario {
  const override = scenario.expectByVersion?.[basis];
  const out: Scenario = { ...scenario, versions: [version] };
  if (override === undefined) delete out.expectByVersion;
  else out.expectByVersion = { [version]: override };
  return out;
}

/** The two halves of a split: the copy for the draft, and the original without it. */
export interface ScenarioSplit {
  /** For `version` alone, checking what the original checked for it. */
  own: Scenario;
  /** The original for its other versions, unchanged for each of them. */
  rest: Scenario;
}

/**
 * Splits `scenario` for `version`, or undefined when there is nothing to split: it does not
 * name `version`, or names nothing else.
 */
export function splitScenario(scenario: Scenario, version: string): ScenarioSplit | undefined {
  if (!scenario.versions.includes(version) || scenario.versions.length < 2) return undefined;
  const rest: Scenario = { ...scenario, versions: scenario.versions.filter((v) => v !== version) };
  if (scenario.expectByVersion !== undefined) {
    const { [version]: _dropped, ...others } = scenario.expectByVersion;
    if (Object.keys(others).length === 0) delete rest.expectByVersion;
    else rest.expectByVersion = others;
  }
  return { own: narrowTo(scenario, version, version), rest };
}
