/**
 * The publish route's answers to checks that did not pass: `409 PUBLISH_BLOCKED` naming the
 * lint errors, the failing scenarios and the impact that the request did not acknowledge,
 * and the reading of the pathway's scenarios (a scenario file that cannot be read blocks
 * publishing: its check cannot be run, and "not run" must never pass for "passed").
 */
import { isPathwayError } from '../../errors';
import type { Scenario } from '../../model/types';
import { loadScenarios } from '../../node/repository';
import { impactCounts } from '../../diff/impact';
import {
  publishBlockers,
  type PublishAcknowledgement,
  type PublishChecks,
} from '../../versions/publish-checks';
import { HttpError, type HttpIssue } from '../errors';
import { scenariosDir } from '../repo';

/** All scenarios of pathway `id`, read from disk now; an unreadable one blocks publishing. */
export async function scenariosOf(root: string, id: string): Promise<Scenario[]> {
  try {
    return (await loadScenarios(scenariosDir(root, id))).map((l) => l.scenario);
  } catch (error) {
    if (!isPathwayError(error)) throw error;
    throw new HttpError(
      'PUBLISH_BLOCKED',
      `the scenarios of ${id} cannot be read, so they cannot be checked: ${error.message}`,
      error.issues.map((i) => ({ code: i.code, message: i.message, path: i.path ?? 'scenarios' })),
    );
  }
}

/** Throws 409 PUBLISH_BLOCKED unless every check passed or was acknowledged. */
export function refuseUnlessClear(
  key: string,
  checks: PublishChecks,
  ack: PublishAcknowledgement | undefined,
): void {
  const blockers = publishBlockers(checks, ack);
  const { lintErrors, failingScenarios } = blockers;
  if (lintErrors.length > 0) {
    const first = lintErrors[0];
    throw new HttpError(
      'PUBLISH_BLOCKED',
      `${key} cannot be published: ${lintErrors.length} lint error(s), first: ${first?.path ?? ''}: ${first?.message ?? ''}`,
      lintErrors.map((e) => ({
        code: 'PUBLISH_BLOCKED',
        message: `${e.rule}: ${e.message}`,
        path: e.path,
      })),
    );
  }
  if (failingScenarios.length === 0 && !blockers.impact && !blockers.patients) return;
  const issues: HttpIssue[] = checks.scenarios
    .filter((s) => failingScenarios.includes(s.name))
    .map((s) => ({
      code: 'SCENARIO',
      message: `scenario ${s.name} fails: ${s.failures.join('; ')}`,
      path: 'acknowledge.failingScenarios',
      value: s.name,
    }));
  const impact = checks.impact;
  const counts = impact === undefined ? undefined : impactCounts(impact.group);
  if (blockers.impact && impact !== undefined && counts !== undefined)
    issues.push({
      code: 'PUBLISH_BLOCKED',
      message: `${counts.differ} of ${impact.group.evaluated} scenario patients answer differently than with ${impact.against} (${counts.step} change step, ${counts.alerts} change alerts): ${impact.group.rows.map((r) => r.who).join(', ')}`,
      path: 'acknowledge.impact',
      value: counts.differ,
    });
  const file = checks.patients;
  const fileCounts = file === undefined ? undefined : impactCounts(file.group);
  const acked = ack?.patients?.digest;
  const fileWords =
    file === undefined || fileCounts === undefined
      ? ''
      : `${fileCounts.differ} of ${file.group.evaluated} patients in ${file.group.name} answer differently than with ${impact?.against ?? 'the replaced version'}${file.group.badLines.length > 0 ? `, ${file.group.badLines.length} line(s) could not be read` : ''}${acked === undefined ? '' : ` (acknowledge.patients names ${acked}, the file sent is ${file.digest})`}`;
  if (blockers.patients && file !== undefined && fileCounts !== undefined)
    issues.push({
      code: 'PUBLISH_BLOCKED',
      message: fileWords,
      path: 'acknowledge.patients',
      value: file.digest,
    });
  const parts = [
    ...(failingScenarios.length > 0
      ? [`${failingScenarios.length} failing scenario(s): ${failingScenarios.join(', ')}`]
      : []),
    ...(blockers.impact && counts !== undefined && impact !== undefined
      ? [`${counts.differ} patient(s) answer differently than with ${impact.against}`]
      : []),
    ...(blockers.patients ? [fileWords] : []),
  ];
  throw new HttpError(
    'PUBLISH_BLOCKED',
    `${key} is not published: ${parts.join('; ')}. Fix them, or acknowledge them in the request (acknowledge.failingScenarios, acknowledge.impact, acknowledge.patients)`,
    issues,
    {
      failingScenarios,
      ...(blockers.impact && impact !== undefined && counts !== undefined
        ? { impact: { against: impact.against, evaluated: impact.group.evaluated, ...counts } }
        : {}),
      ...(blockers.patients && file !== undefined && fileCounts !== undefined
        ? {
            patients: {
              file: file.group.name,
              digest: file.digest,
              evaluated: file.group.evaluated,
              unreadable: file.group.badLines.length,
              ...fileCounts,
            },
          }
        : {}),
    },
  );
}
