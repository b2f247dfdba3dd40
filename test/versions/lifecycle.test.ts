import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import { frozenHash } from '../../engine/node/lock';
import { retirementsFor } from '../../engine/versions/lifecycle';
import { miniPathway } from '../fixtures/pathways';

const active = miniPathway({
  version: '1.1.0',
  status: 'active',
  effective: { from: '2026-07-01' },
});
const retired = miniPathway({
  version: '1.0.0',
  status: 'retired',
  effective: { from: '2025-01-01', to: '2026-07-01' },
});
const draft = miniPathway({
  version: '1.2.0',
  status: 'active',
  effective: { from: '2027-01-01' },
});

describe('publishing a successor', () => {
  it('retires the open-ended active version from the successor’s start', () => {
    expect(retirementsFor([retired, active, draft], draft)).toEqual([
      { ...active, status: 'retired', effective: { from: '2026-07-01', to: '2027-01-01' } },
    ]);
  });

  it('leaves already retired versions alone', () => {
    expect(retirementsFor([retired], draft)).toEqual([]);
  });

  it('refuses a successor that would start before the active version does', () => {
    const early = miniPathway({
      version: '1.2.0',
      status: 'active',
      effective: { from: '2026-06-01' },
    });
    expect(() => retirementsFor([active], early)).toThrowError(PathwayError);
  });

  it('keeps the frozen hash when only the lifecycle fields change, and not otherwise', () => {
    const [afterRetiring] = retirementsFor([active], draft);
    expect(afterRetiring && frozenHash(afterRetiring)).toBe(frozenHash(active));
    const alert = active.alerts[0];
    if (alert === undefined) throw new Error('fixture');
    const changed = {
      ...active,
      alerts: [{ ...alert, severity: 'critical' as const }, ...active.alerts.slice(1)],
    };
    expect(frozenHash(changed)).not.toBe(frozenHash(active));
  });
});
