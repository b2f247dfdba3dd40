/**
 * The evaluation date of a patient as the population path needs it: packed and as a day
 * number. Patients of one run mostly share their date, so the last one read is kept.
 */
import { isoDay, packedDate } from './dates';

/** The evaluation date read last: its text, packed (-1 when not a date) and day number. */
export const lastAsOf = { text: '', packed: -1, day: NaN };

/** Reads `asOf` into {@link lastAsOf} (unless it is the date read last) and returns it. */
export function readAsOf(asOf: string): typeof lastAsOf {
  if (asOf !== lastAsOf.text) {
    lastAsOf.packed = packedDate(asOf);
    lastAsOf.day = lastAsOf.packed < 0 ? NaN : isoDay(asOf);
    lastAsOf.text = asOf;
  }
  return lastAsOf;
}
