/**
 * The evaluation service over a pathways folder loaded from disk: what the CLI commands
 * (evaluate, replay, cohort) use, and what the HTTP service builds on (with its own reloading
 * repository). Node-only because of the repository it reads.
 */
import type { AuditSink } from '../service/audit';
import { createEvaluationService, type EvaluationService } from '../service/service';
import type { Today } from '../service/today';
import { versionsOf, type LoadedVersion, type PathwayRepository } from './repository';

/** A service answering from `repo`, recording in `audit` when given. */
export function repositoryService(
  repo: PathwayRepository,
  options: { today: Today; audit?: AuditSink | undefined },
): EvaluationService<LoadedVersion> {
  return createEvaluationService({
    versionsOf: (id) => versionsOf(repo, id),
    today: options.today,
    audit: options.audit,
  });
}
