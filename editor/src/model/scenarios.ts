/**
 * Scenarios (example patients with expected answers) against the document being edited.
 * The engine's own runScenario does the work, in the browser, so a pass here is the pass
 * the CLI and CI will report.
 */
import {
  type CompiledPathway,
  compilePathway,
  isPathwayError,
  type Pathway,
  runScenario,
  type Scenario,
  type ScenarioOutcome,
} from '../../../engine/index';
import { compareVersions, expectationFor } from '../../../engine/editor';

/** A scenario file as the server lists it. */
export interface ScenarioEntry {
  file: string;
  scenario: Scenario;
  /** Content hash of the file as listed: sent back to overwrite it. */
  hash?: string;
}

/** The key under which a test patient not saved yet is edited and run. */
export const NEW_PATIENT = '(new)';

/** A scenario that applies to the version being edited, and whose expectation it uses. */
export interface ApplicableScenario extends ScenarioEntry {
  /** The version whose expectation is checked: the edited one, or for a new draft the latest earlier one named. */
  basis: string;
}

/** Options of {@link applicableScenarios}. */
export interface ApplicableOptions {
  /**
   * Whether the version also inherits its predecessor's scenarios (a draft does; an active or
   * retired version runs exactly what `pathway test` runs for it). Default true.
   */
  inherit?: boolean;
}

/**
 * The scenarios for `version`: those naming it, plus (for a draft) those naming the latest
 * earlier version that no scenario of `version` replaces, so a draft keeps its predecessor's
 * tests after its own first test patient is saved. Direct scenarios come first.
 */
export function applicableScenarios(
  entries: readonly ScenarioEntry[],
  version: string,
  options: ApplicableOptions = {},
): ApplicableScenario[] {
  const direct = entries
    .filter((e) => e.scenario.versions.includes(version))
    .map((e) => ({ ...e, basis: version }));
  if (options.inherit === false) return direct;
  const earlier = [
    ...new Set(
      entries.flatMap((e) => e.scenario.versions).filter((v) => compareVersions(v, version) < 0),
    ),
  ].sort(compareVersions);
  const basis = earlier.at(-1);
  if (basis === undefined) return direct;
  const inherited = entries
    .filter((e) => e.scenario.versions.includes(basis) && !e.scenario.versions.includes(version))
    .map((e) => ({ ...e, basis }));
  return [...direct, ...inherited];
}

/** True when a scenario's expectation for `version` does not say which step the patient ends in. */
export function checksNoStep(scenario: Scenario, version: string): boolean {
  const expect = expectationFor(scenario, version);
  return expect.step === undefined && expect.error === undefined;
}

/** The scenario as it must run against `version`: its basis expectation applied to that version. */
export function scenarioFor(entry: ApplicableScenario, version: string): Scenario {
  const s = entry.scenario;
  if (entry.basis === version) return s;
  const override = s.expectByVersion?.[entry.basis];
  const scenario: Scenario = { ...s, versions: [version] };
  if (override === undefined) delete scenario.expectByVersion;
  else scenario.expectByVersion = { [version]: override };
  return scenario;
}

/** The pathway compiled for evaluation, or the reason it cannot be evaluated. */
export function tryCompile(pathway: Pathway): { compiled: CompiledPathway } | { error: string } {
  try {
    return { compiled: compilePathway(pathway) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs one scenario, never throwing: an engine failure becomes a failed outcome. */
export async function runOne(
  compiled: CompiledPathway,
  scenario: Scenario,
): Promise<ScenarioOutcome> {
  try {
    return await runScenario(compiled, scenario);
  } catch (error) {
    const message = isPathwayError(error) || error instanceof Error ? error.message : String(error);
    return {
      name: scenario.name,
      version: compiled.pathway.version,
      passed: false,
      failures: [message],
    };
  }
}
