/**
 * The publish dialog's checks: the engine's own publish checks (the ones the publish route
 * runs) on the version on screen among its siblings as they will be, plus the impact on a
 * patients file the author loads. Nothing here decides what passes: engine/versions does.
 */
import type { Pathway, Scenario } from '../../../engine/index';
import {
  impactOn,
  impactVersions,
  type ImpactGroup,
  type PublishChecks,
  publishChecks,
  readLineText,
  replacedVersion,
  retirementsFor,
} from '../../../engine/editor';

/** A patients file as the author loaded it: its name and text (NDJSON, one patient a line). */
export interface PatientsFile {
  name: string;
  text: string;
}

/** Everything the dialog shows. */
export interface DialogChecks extends PublishChecks {
  /** The impact on the loaded patients file, when one is loaded and there is a version to compare. */
  patients?: ImpactGroup;
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
 * disk; `asOf` is the date for patients-file lines without their own.
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
  const checks: DialogChecks = await publishChecks(published, after, scenarios);
  if (overlap !== undefined) checks.overlap = overlap;
  const before = replacedVersion(after, published);
  if (file !== undefined && before !== undefined && checks.lint.errors.length === 0) {
    const patients = [];
    const badLines = [];
    const lines = file.text.split(/\r?\n/);
    for (const [index, text] of lines.entries()) {
      if (text.trim() === '') continue;
      const line = index + 1;
      try {
        const read = readLineText(text, line);
        patients.push({
          who: read.id === undefined ? `line ${line}` : String(read.id),
          line,
          request: read.request,
          asOf: read.request.asOf ?? from,
        });
      } catch (error) {
        badLines.push({ line, message: error instanceof Error ? error.message : String(error) });
      }
    }
    const group = await impactOn(impactVersions(before, published), file.name, patients);
    group.badLines.push(...badLines);
    checks.patients = group;
  }
  return checks;
}
