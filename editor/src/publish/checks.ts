/**
 * The publish dialog's checks: the engine's own publish checks (the ones the publish route
 * runs, on the same patients file, which the dialog sends with the request) on the version on
 * screen among its siblings as they will be. Nothing here decides what passes: engine/versions does.
 */
import type { Pathway, Scenario } from '../../../engine/index';
import {
  type PatientsFile,
  type PublishChecks,
  publishChecks,
  retirementsFor,
} from '../../../engine/editor';

export type { PatientsFile };

/** Everything the dialog shows. */
export interface DialogChecks extends PublishChecks {
  /** Why publishing from this date cannot work at all (it would overlap an active version). */
  overlap?: string;
}

/** `draft` as it will be published from `from`. */
export function asPublished(draft: Pathway, from: string): Pathway {
  const published: Pathway = {
    ...draft,
    status: 'active',
    effective: { ...draft.effective, from },
  };
  delete published.publication;
  return published;
}

/**
 * Runs the checks for publishing `draft` from `from`. `siblings` are the other versions as on
 * disk; patients-file lines without their own `asOf` are evaluated on `from`.
 */
export async function runDialogChecks(
  draft: Pathway,
  from: string,
  siblings: readonly Pathway[],
  scenarios: readonly Scenario[],
  file?: PatientsFile,
): Promise<DialogChecks> {
  const published = asPublished(draft, from);
  let overlap: string | undefined;
  let after: Pathway[] = [...siblings];
  try {
    const retired = new Map(retirementsFor(siblings, published).map((r) => [r.version, r]));
    after = siblings.map((s) => retired.get(s.version) ?? s);
  } catch (error) {
    overlap = error instanceof Error ? error.message : String(error);
  }
  const checks: DialogChecks = await publishChecks(published, after, scenarios, file);
  if (overlap !== undefined) checks.overlap = overlap;
  return checks;
}
