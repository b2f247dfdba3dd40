/**
 * Loading the medication code table shipped with the project
 * (`terminology/medication-codes.yaml`, see docs/terminology.md). Node-only: it reads a file.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PathwayError } from '../errors';
import { parseMedicationCodes, type MedicationCoding } from '../terminology/medication-codes';

/**
 * The shipped table, found from this module rather than the working directory, so the CLI,
 * the service and tests read the same file wherever they are started.
 */
export const MEDICATION_CODES_FILE = fileURLToPath(
  new URL('../../terminology/medication-codes.yaml', import.meta.url),
);

/** Reads and checks a medication code table (default: the shipped one). */
export async function loadMedicationCodes(
  file: string = MEDICATION_CODES_FILE,
): Promise<readonly MedicationCoding[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const message = `cannot read the medication code table ${file}: ${(error as Error).message}`;
    throw new PathwayError('FILE_READ', message, [{ code: 'FILE_READ', message, file }]);
  }
  return parseMedicationCodes(text, file);
}
