import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import { compareVersions, inEffectOn, selectVersion } from '../../engine/versions/select';
import { miniPathway } from '../fixtures/pathways';

const v100 = {
  pathway: miniPathway({
    version: '1.0.0',
    status: 'retired',
    effective: { from: '2025-01-01', to: '2026-07-01' },
  }),
};
const v110 = {
  pathway: miniPathway({ version: '1.1.0', status: 'active', effective: { from: '2026-07-01' } }),
};
const draft = {
  pathway: miniPathway({ version: '1.2.0', status: 'draft', effective: { from: '2026-01-01' } }),
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof PathwayError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('choosing a version', () => {
  it('picks the version in effect on the date, with effective.to exclusive', () => {
    expect(selectVersion([v100, v110], { asOf: '2026-06-30' }).pathway.version).toBe('1.0.0');
    expect(selectVersion([v100, v110], { asOf: '2026-07-01' }).pathway.version).toBe('1.1.0');
  });

  it('picks an explicitly named version whatever the date', () => {
    expect(
      selectVersion([v100, v110], { asOf: '2026-09-01', version: '1.0.0' }).pathway.version,
    ).toBe('1.0.0');
    expect(
      selectVersion([v100, v110, draft], { asOf: '2026-09-01', version: '1.2.0' }).pathway.version,
    ).toBe('1.2.0');
  });

  it('never puts a draft in effect by date', () => {
    expect(inEffectOn(draft.pathway, '2026-03-01')).toBe(false);
  });

  it('says so when no version is in effect', () => {
    expect(codeOf(() => selectVersion([v100, v110], { asOf: '2024-12-31' }))).toBe(
      'NO_VERSION_IN_EFFECT',
    );
  });

  it('refuses to guess between two versions in effect on the same date', () => {
    const overlapping = {
      pathway: miniPathway({
        version: '1.0.1',
        status: 'active',
        effective: { from: '2026-01-01' },
      }),
    };
    expect(codeOf(() => selectVersion([v100, overlapping], { asOf: '2026-03-01' }))).toBe(
      'AMBIGUOUS_VERSION',
    );
  });

  it('names the versions that exist when an unknown one is asked for', () => {
    expect(() =>
      selectVersion([v100, v110], { asOf: '2026-03-01', version: '9.9.9' }),
    ).toThrowError(/has no version 9\.9\.9 \(it has 1\.0\.0, 1\.1\.0\)/);
  });

  it('compares versions numerically, not as text', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0-rc.1', '2.0.0')).toBeLessThan(0);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
  });
});
