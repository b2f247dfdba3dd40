import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import {
  compareVersions,
  effectiveEnd,
  inEffectOn,
  selectVersion,
  supersederOf,
} from '../../engine/versions/select';
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

describe('a successor that supersedes a frozen version', () => {
  const v120 = {
    pathway: miniPathway({
      version: '1.2.0',
      status: 'active',
      effective: { from: '2026-12-07' },
      supersedes: '1.1.0',
    }),
  };
  const all = [v100, v110, v120];

  it('retires the superseded version from the successor’s start, without editing it', () => {
    expect(selectVersion(all, { asOf: '2026-12-06' }).pathway.version).toBe('1.1.0');
    expect(selectVersion(all, { asOf: '2026-12-07' }).pathway.version).toBe('1.2.0');
    expect(v110.pathway.effective.to).toBeUndefined();
  });

  it('still answers with the superseded version when it is named', () => {
    expect(selectVersion(all, { asOf: '2026-12-08', version: '1.1.0' }).pathway.version).toBe(
      '1.1.0',
    );
  });

  it('ends the superseded version at the successor’s start only when that comes first', () => {
    const pathways = all.map((v) => v.pathway);
    expect(effectiveEnd(v110.pathway, pathways)).toBe('2026-12-07');
    expect(effectiveEnd(v100.pathway, pathways)).toBe('2026-07-01');
    expect(inEffectOn(v110.pathway, '2026-12-07', pathways)).toBe(false);
    expect(inEffectOn(v110.pathway, '2026-12-07')).toBe(true);
  });

  it('retires nothing while the successor is a draft', () => {
    const draftSuccessor = {
      pathway: { ...v120.pathway, status: 'draft' as const },
    };
    expect(supersederOf(v110.pathway, [v110.pathway, draftSuccessor.pathway])).toBeUndefined();
    expect(selectVersion([v110, draftSuccessor], { asOf: '2026-12-08' }).pathway.version).toBe(
      '1.1.0',
    );
  });
});
