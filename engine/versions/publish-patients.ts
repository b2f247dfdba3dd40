/**
 * A patients file checked before publishing: the impact of the new version against the one
 * it replaces on each patient of an NDJSON file (one evaluation request a line, as the batch
 * route and `pathway impact` read them). The editor's publish dialog and the publish route
 * run this same function on the same text, and the acknowledgement names the file by its
 * content hash, so "acknowledged" is only ever recorded for a file the route itself checked.
 */
import type { ImpactGroup } from '../diff/impact';
import { contentHash } from '../model/hash';
import type { EvaluationRequest } from '../service/request';
import { readLineText } from '../service/lines';

/** A patients file as the author loaded it: its name and text (NDJSON, one patient a line). */
export interface PatientsFile {
  name: string;
  text: string;
}

/** The impact on a patients file, with the digest that names the file it was measured on. */
export interface PatientsCheck {
  /** `sha256:<hex>` of the file's text: what an acknowledgement must name. */
  digest: string;
  group: ImpactGroup;
}

/** The content hash naming a patients file (the same in the browser and the service). */
export function patientsDigest(file: PatientsFile): string {
  return contentHash(file.text);
}

/** One readable line of a patients file. */
export interface FilePatient {
  who: string;
  line: number;
  request: EvaluationRequest;
  asOf: string;
}

/**
 * The file's patients (a line without `asOf` is evaluated on `from`, the day the version
 * starts) and its unreadable lines with why; blank lines are skipped.
 */
export function readPatientsFile(
  file: PatientsFile,
  from: string,
): { patients: FilePatient[]; badLines: { line: number; message: string }[] } {
  const patients: FilePatient[] = [];
  const badLines: { line: number; message: string }[] = [];
  for (const [index, text] of file.text.split(/\r?\n/).entries()) {
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
  return { patients, badLines };
}

/** True when the file's check found something to acknowledge: a patient that moves, or a line not read. */
export function patientsNeedAcknowledging(check: PatientsCheck): boolean {
  return check.group.rows.length > 0 || check.group.badLines.length > 0;
}
