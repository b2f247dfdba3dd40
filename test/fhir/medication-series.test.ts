import { describe, expect, it } from 'vitest';
import { readSeries, type SeriesRequest } from '../../engine/fhir/medication-series';
import { recordStatus } from '../../engine/fhir/medication-status';

const request = (date: string, mgPerDay?: number, current = false): SeriesRequest => ({
  date,
  instant: Date.parse(`${date}T12:00:00Z`),
  current,
  ...(mgPerDay === undefined ? {} : { dose: { dose: mgPerDay, unit: 'mg/day' } }),
});

describe('readSeries', () => {
  it('keeps renewals exactly 90 days apart in one series and breaks it at 91', () => {
    const target = request('2026-07-01', 20, true);
    const ninety = request('2026-04-02', 20);
    expect(readSeries(target, [ninety, target]).since).toBe('2026-04-02');
    const ninetyOne = request('2026-04-01', 20);
    expect(readSeries(target, [ninetyOne, target])).toEqual({ since: '2026-07-01', length: 1 });
  });

  it('dates the latest dose increase in the series, also when later renewals kept the dose', () => {
    const target = request('2026-07-01', 40, true);
    const raised = request('2026-05-01', 40);
    const first = request('2026-03-01', 20);
    expect(readSeries(target, [first, raised, target])).toEqual({
      since: '2026-03-01',
      doseIncreasedAt: '2026-05-01',
      length: 3,
    });
  });

  it('sets no dose increase after a decrease or when a dose in between cannot be read', () => {
    const target = request('2026-07-01', 20, true);
    expect(readSeries(target, [request('2026-05-01', 40), target]).doseIncreasedAt).toBeUndefined();
    const unread = request('2026-05-01');
    expect(
      readSeries(request('2026-07-01', 40, true), [request('2026-03-01', 20), unread])
        .doseIncreasedAt,
    ).toBeUndefined();
  });

  it('sets no dose increase when two current requests of the substance overlap', () => {
    const slow = request('2026-07-01', 40, true);
    const quick = request('2026-06-20', 10, true);
    expect(readSeries(slow, [quick, slow])).toEqual({ since: '2026-06-20', length: 2 });
  });
});

describe('recordStatus', () => {
  const mr = (status: string | undefined, intent: string | undefined) => ({
    resourceType: 'MedicationRequest',
    ...(status === undefined ? {} : { status }),
    ...(intent === undefined ? {} : { intent }),
  });

  it('counts every kind of order and none of proposal, plan or option', () => {
    for (const intent of [
      'order',
      'original-order',
      'reflex-order',
      'filler-order',
      'instance-order',
    ])
      expect(recordStatus('MedicationRequest', mr('active', intent)).kind).toBe('current');
    for (const intent of ['proposal', 'plan', 'option'])
      expect(recordStatus('MedicationRequest', mr('active', intent)).kind).toBe('not-current');
  });

  it('reads completed and stopped orders as history, and a missing intent as uncertain', () => {
    expect(recordStatus('MedicationRequest', mr('completed', 'order')).kind).toBe('history');
    expect(recordStatus('MedicationRequest', mr('stopped', 'order')).kind).toBe('history');
    expect(recordStatus('MedicationRequest', mr('active', undefined))).toMatchObject({
      kind: 'uncertain',
      detail: 'no intent',
    });
  });

  it('does not count an active order marked doNotPerform', () => {
    expect(
      recordStatus('MedicationRequest', { ...mr('active', 'order'), doNotPerform: true }).kind,
    ).toBe('not-current');
  });
});
