/**
 * "Today" for a request without `asOf`: the calendar date in the pathway's `timeZone` (UTC when
 * it declares none), so that an evaluation at 00:30 in Stockholm answers for that Stockholm
 * day, not the UTC one before it. The clock is a {@link Today} function, injected by every
 * entrance, so tests fix the instant or the date.
 */
import { PathwayError } from '../errors';
import { DEFAULT_TIME_ZONE, today as todayIn } from '../model/dates';
import type { Pathway } from '../model/types';
import { selectVersion } from '../versions/select';

/** Today's date (YYYY-MM-DD) in `timeZone`, UTC when none is given. */
export type Today = (timeZone?: string) => string;

/** The running process's clock: today in the zone asked for, at the instant `now()` gives. */
export function systemToday(now: () => Date = () => new Date()): Today {
  return (timeZone) => todayIn(timeZone ?? DEFAULT_TIME_ZONE, now());
}

/** The zone a pathway reckons its days in. */
export function timeZoneOf(pathway: Pathway): string {
  return pathway.timeZone ?? DEFAULT_TIME_ZONE;
}

/** Today for a pathway (its versions, no version named): the date its in-effect questions are asked on. */
export function pathwayToday(versions: readonly { pathway: Pathway }[], today: Today): string {
  return today(requestTimeZone(versions, {}, today));
}

/**
 * The zone "today" is reckoned in for a request to a pathway (docs/versions.md): the named
 * version's zone when the request names one; otherwise the zone its versions declare, and
 * when they disagree, the zone of the version in effect on today's UTC date (UTC when no
 * version is in effect then, so the choice itself never refuses a request).
 */
export function requestTimeZone(
  versions: readonly { pathway: Pathway }[],
  request: { version?: string | undefined },
  today: Today,
): string {
  const named = versions.find((v) => v.pathway.version === request.version);
  if (request.version !== undefined)
    return named === undefined ? DEFAULT_TIME_ZONE : timeZoneOf(named.pathway);
  const zones = new Set(versions.map((v) => timeZoneOf(v.pathway)));
  const [only] = zones;
  if (zones.size <= 1) return only ?? DEFAULT_TIME_ZONE;
  try {
    return timeZoneOf(selectVersion(versions, { asOf: today(DEFAULT_TIME_ZONE) }).pathway);
  } catch (error) {
    if (error instanceof PathwayError) return DEFAULT_TIME_ZONE;
    throw error;
  }
}
