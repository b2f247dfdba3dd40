/**
 * What must pass, or be knowingly accepted, before a version goes live: its lint (errors
 * block outright), every scenario it is checked against (failures block unless acknowledged
 * by name), and the impact on the scenarios' patients against the version it replaces (any
 * patient whose step, alerts or status change blocks unless acknowledged). Pure and
 * browser-safe: the publish route and the editor's publish dialog run these same checks, so
 * the dialog shows exactly what the route will refuse.
 */
import { compareOne, type ImpactGroup, type ImpactVersions, impactCounts } from '../diff/impact';
import { compilePathway, type CompiledPathway } from '../evaluate/compile';
import type { LintIssue } from '../lint/types';
import { contentHash } from '../model/hash';
import type { Pathway, Scenario } from '../model/types';
import { runScenario } from '../scenarios/run';
import type { EvaluationRequest } from '../service/request';
import { createEvaluationService } from '../service/service';
import type { VersionFile } from '../service/versions';
import { compileErrors, lintVersion } from './lint-version';
import {
  patientsDigest,
  patientsNeedAcknowledging,
  readPatientsFile,
  type PatientsCheck,
  type PatientsFile,
} from './publish-patients';
import { scenariosToPublish } from './publish-scenarios';
import { replacedVersion } from './replaced';

/** The acknowledgements written into a published version (`publication` in the file). */
export type Publication = NonNullable<Pathway['publication']>;

/** One scenario's result against the version being published. */
export interface ScenarioCheck {
  name: string;
  /** The version whose expectation was checked (the predecessor's, for an inherited scenario). */
  basis: string;
  passed: boolean;
  failures: string[];
}

/** Everything the checks found. */
export interface PublishChecks {
  version: string;
  lint: { errors: LintIssue[]; warnings: LintIssue[] };
  scenarios: ScenarioCheck[];
  /** Against the replaced version, on the scenarios' patients; absent for a first version. */
  impact?: { against: string; group: ImpactGroup };
  /**
   * Against the replaced version, on a patients file sent with the request (or loaded in the
   * dialog); absent without a file or a version to compare with, or when lint errors block.
   */
  patients?: PatientsCheck;
}

/** What the publisher accepts knowingly (the request's `acknowledge`). */
export interface PublishAcknowledgement {
  /** Failing scenarios published anyway, by name. */
  failingScenarios?: readonly string[] | undefined;
  /** True: the impact on the scenarios' patients was seen and is intended. */
  impact?: boolean | undefined;
  note?: string | undefined;
  /**
   * The patients file's impact was seen and is intended: names the file by its digest, so an
   * acknowledgement of one file never covers another (or a file the checks never saw).
   */
  patients?: { digest: string } | undefined;
}

/** What still stands in the way (all empty / false: the version may be published). */
export interface PublishBlockers {
  lintErrors: LintIssue[];
  /** Failing scenarios not acknowledged. */
  failingScenarios: string[];
  /** Patients' outcomes change and that was not acknowledged. */
  impact: boolean;
  /** The patients file moves patients (or has unreadable lines) and that was not acknowledged. */
  patients: boolean;
}

/** A pathway as the evaluation service's version file (the hash only keys its compile cache). */
function asVersionFile(pathway: Pathway): VersionFile {
  return {
    pathway,
    hash: contentHash(JSON.stringify(pathway)),
    key: `${pathway.id}/${pathway.version}.yaml`,
  };
}

/** Runs one scenario, never throwing: a scenario that cannot run is a failed one. */
async function runChecked(
  compiled: CompiledPathway,
  scenario: Scenario,
): Promise<{ passed: boolean; failures: string[] }> {
  try {
    return await runScenario(compiled, scenario);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { passed: false, failures: [`the scenario could not run: ${message}`] };
  }
}

/** Both versions, answering through the one evaluation service (as `pathway impact` does). */
export function impactVersions(before: Pathway, after: Pathway): ImpactVersions {
  const old = asVersionFile(before);
  const now = asVersionFile(after);
  const service = createEvaluationService({
    versionsOf: () => [old, now],
    today: () => after.effective.from,
  });
  return { service, before: old, after: now };
}

/** The impact of `after` against `before` on a list of patients (scenarios or file lines). */
export async function impactOn(
  versions: ImpactVersions,
  name: string,
  patients: readonly { who: string; line?: number; request: EvaluationRequest; asOf: string }[],
): Promise<ImpactGroup> {
  const group: ImpactGroup = { name, evaluated: 0, rows: [], badLines: [] };
  for (const p of patients) {
    const who = p.line === undefined ? { name: p.who } : { name: p.who, line: p.line };
    const { row } = await compareOne(versions, who, p.request, p.asOf);
    group.evaluated += 1;
    if (row !== undefined) group.rows.push(row);
  }
  return group;
}

/**
 * Runs the checks for `published` (the version as it will be published: status active, its
 * dates) among its `siblings` (as they will be after publishing), with all of the pathway's
 * `scenarios` and, when given, a patients `file` (lines without `asOf` are evaluated on the
 * day the version starts).
 */
export async function publishChecks(
  published: Pathway,
  siblings: readonly Pathway[],
  scenarios: readonly Scenario[],
  file?: PatientsFile,
): Promise<PublishChecks> {
  const notCompiling = compileErrors(published);
  const issues = [...lintVersion(published, siblings), ...notCompiling];
  const lint = {
    errors: issues.filter((i) => i.severity === 'error'),
    warnings: issues.filter((i) => i.severity !== 'error'),
  };
  const checks: PublishChecks = { version: published.version, lint, scenarios: [] };
  // A version that does not compile cannot run anything; its lint errors already block it.
  if (notCompiling.length > 0) return checks;
  const compiled = compilePathway(published);
  for (const { scenario, basis } of scenariosToPublish(scenarios, published.version)) {
    const outcome = await runChecked(compiled, scenario);
    checks.scenarios.push({
      name: scenario.name,
      basis,
      passed: outcome.passed,
      failures: outcome.failures,
    });
  }
  const before = replacedVersion(siblings, published);
  if (before !== undefined) {
    const group = await impactOn(
      impactVersions(before, published),
      'scenarios',
      scenarios.map((s) => ({ who: s.name, request: s.input, asOf: s.asOf })),
    );
    checks.impact = { against: before.version, group };
    if (file !== undefined && lint.errors.length === 0) {
      const from = published.effective.from;
      const { patients, badLines } = readPatientsFile(file, from);
      const fileGroup = await impactOn(impactVersions(before, published), file.name, patients);
      fileGroup.badLines.push(...badLines);
      checks.patients = { digest: patientsDigest(file), group: fileGroup };
    }
  }
  return checks;
}

/** What still blocks publishing once `ack` is taken into account. */
export function publishBlockers(
  checks: PublishChecks,
  ack: PublishAcknowledgement = {},
): PublishBlockers {
  const accepted = new Set(ack.failingScenarios ?? []);
  return {
    lintErrors: checks.lint.errors,
    failingScenarios: checks.scenarios
      .filter((s) => !s.passed && !accepted.has(s.name))
      .map((s) => s.name),
    impact: (checks.impact?.group.rows.length ?? 0) > 0 && ack.impact !== true,
    patients:
      checks.patients !== undefined &&
      patientsNeedAcknowledging(checks.patients) &&
      ack.patients?.digest !== checks.patients.digest,
  };
}

/** True when nothing blocks. */
export function isClear(blockers: PublishBlockers): boolean {
  return (
    blockers.lintErrors.length === 0 &&
    blockers.failingScenarios.length === 0 &&
    !blockers.impact &&
    !blockers.patients
  );
}

/**
 * The record of what was accepted, to write into the published file: only the failing
 * scenarios and the impact that were actually there (an acknowledgement of a scenario that
 * passed records nothing). Undefined when nothing needed acknowledging and no note was given.
 */
export function publicationRecord(
  checks: PublishChecks,
  ack: PublishAcknowledgement = {},
): Publication | undefined {
  const failing = checks.scenarios.filter((s) => !s.passed).map((s) => s.name);
  const record: Publication = {};
  if (failing.length > 0) record.failingScenarios = failing;
  const impact = checks.impact;
  if (impact !== undefined && impact.group.rows.length > 0) {
    const counts = impactCounts(impact.group);
    record.impact = {
      against: impact.against,
      evaluated: impact.group.evaluated,
      differ: counts.differ,
      step: counts.step,
      alerts: counts.alerts,
    };
  }
  const file = checks.patients;
  if (file !== undefined && patientsNeedAcknowledging(file)) {
    const counts = impactCounts(file.group);
    record.patients = {
      file: file.group.name,
      digest: file.digest,
      evaluated: file.group.evaluated,
      differ: counts.differ,
      step: counts.step,
      alerts: counts.alerts,
      unreadable: file.group.badLines.length,
    };
  }
  if (ack.note !== undefined && ack.note.trim() !== '') record.note = ack.note.trim();
  return Object.keys(record).length === 0 ? undefined : record;
}
