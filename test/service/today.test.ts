/** "Today" for a request without asOf: the pathway's time zone, and which zone when versions disagree. */
import { describe, expect, it } from 'vitest';
import { chooseVersion } from '../../engine/service/versions';
import { requestTimeZone, systemToday } from '../../engine/service/today';
import type { Pathway } from '../../engine/model/types';
import { miniPathway } from '../fixtures/pathways';

const LATE = systemToday(() => new Date('2026-12-06T23:30:00Z'));
const version = (overrides: Partial<Pathway>) => ({
  pathway: miniPathway(overrides),
  hash: `sha256:${overrides.version ?? ''}`,
  key: `mini/${overrides.version ?? ''}.yaml`,
});

describe('today for a request', () => {
  it('reckons the day in the zone asked for, Europe/Stockholm without one', () => {
    expect([LATE(), LATE('UTC'), LATE('Europe/Stockholm'), LATE('America/New_York')]).toEqual([
      '2026-12-07',
      '2026-12-06',
      '2026-12-07',
      '2026-12-06',
    ]);
  });

  it('turns to the next day at local midnight on a running clock, in whole-hour and 45-minute zones', () => {
    let instant = new Date('2026-12-06T22:59:59.999Z');
    const clock = systemToday(() => instant);
    expect(clock('Europe/Stockholm')).toBe('2026-12-06');
    expect(clock('Europe/Stockholm')).toBe('2026-12-06');
    instant = new Date('2026-12-06T23:00:00.000Z');
    expect(clock('Europe/Stockholm')).toBe('2026-12-07');
    // Kathmandu is UTC+05:45: midnight there is 18:15 UTC.
    instant = new Date('2026-12-06T18:14:59.999Z');
    expect(clock('Asia/Kathmandu')).toBe('2026-12-06');
    instant = new Date('2026-12-06T18:15:00.000Z');
    expect(clock('Asia/Kathmandu')).toBe('2026-12-07');
    expect(clock('UTC')).toBe('2026-12-06');
    instant = new Date('2026-12-05T18:15:00.000Z');
    expect(clock('Asia/Kathmandu')).toBe('2026-12-06');
  });

  it('is already 1 January in Stockholm when the system clock says 23:30 UTC on 31 December', () => {
    const newYearsEve = systemToday(() => new Date('2026-12-31T23:30:00Z'));
    expect(newYearsEve()).toBe('2027-01-01');
    expect(newYearsEve('UTC')).toBe('2026-12-31');
    const plain = [
      version({ version: '1.1.0', status: 'active', effective: { from: '2026-07-01' } }),
    ];
    expect(chooseVersion(plain, {}, newYearsEve).asOf).toBe('2027-01-01');
  });

  it('uses the zone of the version in effect today in the default zone when versions disagree', () => {
    const versions = [
      version({
        version: '1.0.0',
        status: 'retired',
        effective: { from: '2025-01-01', to: '2026-07-01' },
        timeZone: 'UTC',
      }),
      version({
        version: '1.1.0',
        status: 'active',
        effective: { from: '2026-07-01' },
        timeZone: 'Europe/Stockholm',
      }),
      version({
        version: '2.0.0',
        status: 'draft',
        effective: { from: '2027-01-01' },
        timeZone: 'Asia/Tokyo',
      }),
    ];
    expect(requestTimeZone(versions, {}, LATE)).toBe('Europe/Stockholm');
    expect(requestTimeZone(versions, { version: '1.0.0' }, LATE)).toBe('UTC');
    expect(requestTimeZone(versions, { version: '2.0.0' }, LATE)).toBe('Asia/Tokyo');
    expect(chooseVersion(versions, {}, LATE)).toMatchObject({
      asOf: '2026-12-07',
      version: { pathway: { version: '1.1.0' } },
    });
    // An asOf given wins over the clock, in every zone.
    expect(chooseVersion(versions, { asOf: '2026-08-01' }, LATE).asOf).toBe('2026-08-01');
  });

  it('uses Europe/Stockholm when no version declares a zone, and when none is in effect today', () => {
    const plain = [
      version({ version: '1.1.0', status: 'active', effective: { from: '2026-07-01' } }),
    ];
    expect(chooseVersion(plain, {}, LATE).asOf).toBe('2026-12-07');
    const future = [
      version({ version: '1.0.0', status: 'active', effective: { from: '2027-01-01' } }),
      version({
        version: '2.0.0',
        status: 'draft',
        effective: { from: '2027-06-01' },
        timeZone: 'Asia/Tokyo',
      }),
    ];
    expect(requestTimeZone(future, {}, LATE)).toBe('Europe/Stockholm');
  });
});
