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
import { expectationFor, retarget, scenarioBases } from '../../../engine/editor';

/** A scenario file as the server lists it. */
export interface ScenarioEntry {
  file: string;
  scenario: Scenario;
  /** Content hash of the file as listed: sent back to overwrite it. */
  hash?: string;
  /** A copy made for this version (by a rename) that is written with the next save. */
  unsaved?: boolean;
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
  return scenarioBases(entries, (e) => e.scenario, version, options.inherit !== false).map(
    ({ item, basis }) => ({ ...item, basis }),
  );
}

/** True when a scenario's expectation for `version` does not say which step the patient ends in. */
export function checksNoStep(scenario: Scenario, version: string): boolean {
  const expect = expectationFor(scenario, version);
  return expect.step === undefined && expect.error === undefined;
}

/** The scenario as it must run against `version`: its basis expectation applied to that version. */
export function scenarioFor(entry: ApplicableScenario, version: string): Scenario {
  return retarget(entry.scenario, entry.basis, version);
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
