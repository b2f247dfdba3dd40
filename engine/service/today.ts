/**
 * "Today" for a request without `asOf`: the calendar date in the pathway's time zone (its
 * `timeZone`, else Europe/Stockholm: engine/model/time-zone.ts), so that an evaluation at
 * 00:30 in Stockholm answers for that Stockholm day, not the UTC one before it. The clock is
 * a {@link Today} function, injected by every entrance, so tests fix the instant or the date.
 */
import { PathwayError } from '../errors';
import { today as todayIn } from '../model/dates';
import { DEFAULT_TIME_ZONE, timeZoneOf } from '../model/time-zone';
import type { Pathway } from '../model/types';
import { selectVersion } from '../versions/select';

export { timeZoneOf };

/** Today's date (YYYY-MM-DD) in `timeZone`, in the default zone (Europe/Stockholm) when none is given. */
export type Today = (timeZone?: string) => string;

/** Milliseconds in a minute: every zone in use today changes its date on a whole minute. */
const MINUTE = 60_000;

/**
 * The running process's clock: today in the zone asked for, at the instant `now()` gives.
 * The date of each zone is worked out once per minute of the clock (working it out costs a
 * few microseconds on every request): a zone's midnight falls on a whole minute (every offset
 * in use is a whole number of minutes), so within one clock minute the date cannot change.
 */
export function systemToday(now: () => Date = () => new Date()): Today {
  const known = new Map<string, { minute: number; date: string }>();
  return (timeZone) => {
    const zone = timeZone ?? DEFAULT_TIME_ZONE;
    const instant = now();
    const minute = Math.floor(instant.getTime() / MINUTE);
    const last = known.get(zone);
    if (last !== undefined && last.minute === minute) return last.date;
    const date = todayIn(zone, instant);
    known.set(zone, { minute, date });
    return date;
  };
}

/** Today for a pathway (its versions, no version named): the date its in-effect questions are asked on. */
export function pathwayToday(versions: readonly { pathway: Pathway }[], today: Today): string {
  return today(requestTimeZone(versions, {}, today));
}

/**
 * The zone "today" is reckoned in for a request to a pathway (docs/versions.md): the named
 * version's zone when the request names one; otherwise the zone its versions have, and
 * when they differ, the zone of the version in effect on today in the default zone (the
 * default zone when no version is in effect then, so the choice itself never refuses a
 * request). A version without `timeZone` has the default zone.
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
