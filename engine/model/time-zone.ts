/**
 * The time zone a pathway reckons its calendar days in: "today" (the default evaluation
 * date, a new version's start) and the day of every record's dateTime. A file names it with
 * `timeZone`; a file that does not (the frozen chronic-pain 1.0.0 and 1.1.0 among them) uses
 * {@link DEFAULT_TIME_ZONE}. This module is the one place that default is applied, so the
 * canonical printer never writes it into a file and old files keep their bytes.
 */
import type { Pathway } from './types';

/**
 * The zone of a pathway that declares none: Europe/Stockholm, where the pathway this
 * project serves is written (chronic-pain.md, "Version 1.2.0": a Danish pathway declares
 * Europe/Copenhagen itself).
 */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/** The zone a pathway reckons its days in: its `timeZone`, else {@link DEFAULT_TIME_ZONE}. */
export function timeZoneOf(pathway: Pick<Pathway, 'timeZone'>): string {
  return pathway.timeZone ?? DEFAULT_TIME_ZONE;
}
