/**
 * What the HTTP routes and CDS Hooks share: the pathway repository, the evaluation service
 * (version choice, compile cache, audit), the audit log and the clock. Route modules receive
 * a ServiceContext instead of reaching for globals, so tests can build an app over a
 * temporary folder.
 */
import type { AuditLog } from '../audit/types';
import type { LoadedVersion, PathwayRepository } from '../node/repository';
import type { EvaluationService } from '../service/service';
import type { Today } from '../service/today';
import type { MedicationCoding } from '../terminology/medication-codes';

/** Shared state of a running service. */
export interface ServiceContext {
  /** Absolute path of the pathways folder. */
  pathwaysDir: string;
  /** The repository as on disk now (cached; reloaded after a save). */
  repository(): Promise<PathwayRepository>;
  /** The one evaluation service over this repository, recording in {@link audit}. */
  service: EvaluationService<LoadedVersion>;
  audit: AuditLog;
  /** Today's date (YYYY-MM-DD) in a time zone (Europe/Stockholm, the default zone, when none is given). */
  today: Today;
  /** The medication code table (RxNorm/SNOMED CT → ATC), read once and then kept. */
  medicationCodes(): Promise<readonly MedicationCoding[]>;
}
