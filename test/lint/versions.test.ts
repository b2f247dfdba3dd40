/** lintVersions: rules across the versions of one pathway. */
import { describe, expect, it } from 'vitest';
import { lintVersions, type LintRule } from '../../engine/lint';
import type { Pathway } from '../../engine/model/types';
import { miniPathway } from '../fixtures/pathways';
import { only } from './helpers';

/** 1.0.0 retired 2025-01-01 – 2026-07-01, then 1.1.0 active from 2026-07-01: a clean pair. */
function pair(old: Partial<Pathway> = {}, current: Partial<Pathway> = {}): [Pathway, Pathway] {
  return [
    miniPathway({
      version: '1.0.0',
      status: 'retired',
      effective: { from: '2025-01-01', to: '2026-07-01' },
      ...old,
    }),
    miniPathway({
      version: '1.1.0',
      status: 'active',
      effective: { from: '2026-07-01' },
      ...current,
    }),
  ];
}

const issuesOf = (docs: Pathway[], rule: LintRule) =>
  lintVersions(docs).filter((issue) => issue.rule === rule);

describe('overlapping-versions', () => {
  it('flags two versions in effect on the same day, on the later one', () => {
    const docs = pair({ effective: { from: '2025-01-01', to: '2026-08-01' } });
    const issue = only(issuesOf(docs, 'overlapping-versions'));
    expect(issue).toMatchObject({ path: 'effective.from', version: '1.1.0', severity: 'error' });
    expect(issue.message).toContain('overlaps version 1.0.0');
    expect(issue.message).toContain('from 2026-07-01 until 2026-08-01');
  });

  it('flags an open-ended version followed by another', () => {
    const docs = pair({ status: 'active', effective: { from: '2025-01-01' } }, { status: 'draft' });
    docs.push(
      miniPathway({ version: '1.2.0', status: 'active', effective: { from: '2027-01-01' } }),
    );
    expect(only(issuesOf(docs, 'overlapping-versions')).version).toBe('1.2.0');
  });

  it('accepts a version ending on the day the next begins, and overlapping drafts', () => {
    const docs = pair();
    docs.push(
      miniPathway({ version: '1.2.0', status: 'draft', effective: { from: '2026-07-01' } }),
    );
    expect(issuesOf(docs, 'overlapping-versions')).toEqual([]);
  });
});

describe('effective-gap', () => {
  it('flags days between two versions on which none is in effect', () => {
    const docs = pair({ effective: { from: '2025-01-01', to: '2026-06-01' } });
    const issue = only(issuesOf(docs, 'effective-gap'));
    expect(issue).toMatchObject({ path: 'effective.from', version: '1.1.0' });
    expect(issue.message).toContain('No version is in effect from 2026-06-01');
    expect(issue.message).toContain('until 2026-07-01');
  });

  it('flags a gap even when the earlier version allows gaps', () => {
    const docs = pair({
      effective: { from: '2025-01-01', to: '2026-06-01' },
      allowEffectiveGaps: true,
    });
    expect(issuesOf(docs, 'effective-gap')).toHaveLength(1);
  });

  it('accepts a gap that the later version allows', () => {
    const docs = pair(
      { effective: { from: '2025-01-01', to: '2026-06-01' } },
      { allowEffectiveGaps: true },
    );
    expect(issuesOf(docs, 'effective-gap')).toEqual([]);
  });

  it('accepts a gap covered by a third, longer version', () => {
    const docs = pair({ effective: { from: '2025-06-01', to: '2026-06-01' } });
    docs.unshift(
      miniPathway({
        version: '0.9.0',
        status: 'retired',
        effective: { from: '2025-01-01', to: '2026-07-01' },
      }),
    );
    expect(issuesOf(docs, 'effective-gap')).toEqual([]);
  });
});

describe('version-order', () => {
  it('flags a version that takes effect later but has a lower number', () => {
    const docs = pair({}, { version: '0.9.0' });
    const issue = only(issuesOf(docs, 'version-order'));
    expect(issue).toMatchObject({ path: 'version', version: '0.9.0' });
    expect(issue.message).toContain(
      'after version 1.0.0 (2025-01-01), but has a lower version number',
    );
  });

  it('compares version numbers as semver, not as text', () => {
    const docs = pair({ version: '1.0.9' }, { version: '1.0.10' });
    expect(issuesOf(docs, 'version-order')).toEqual([]);
  });

  it('puts a pre-release before its release', () => {
    expect(
      issuesOf(pair({ version: '1.1.0' }, { version: '1.1.0-rc.1' }), 'version-order'),
    ).toHaveLength(1);
    expect(
      issuesOf(pair({ version: '1.1.0-rc.1' }, { version: '1.1.0' }), 'version-order'),
    ).toEqual([]);
  });
});

describe('multiple-active', () => {
  it('flags every active version when there is more than one', () => {
    const issues = issuesOf(pair({ status: 'active' }), 'multiple-active');
    expect(issues.map((i) => [i.version, i.path])).toEqual([
      ['1.0.0', 'status'],
      ['1.1.0', 'status'],
    ]);
    expect(issues[0]?.message).toContain('Version 1.0.0 is active, and so is 1.1.0');
  });

  it('accepts one active version beside retired ones and drafts', () => {
    const docs = pair();
    docs.push(
      miniPathway({ version: '1.2.0', status: 'draft', effective: { from: '2027-01-01' } }),
    );
    expect(issuesOf(docs, 'multiple-active')).toEqual([]);
  });
});

describe('open-ended-retired', () => {
  it('flags a retired version without effective.to', () => {
    const docs = [miniPathway({ status: 'retired', effective: { from: '2025-01-01' } })];
    const issue = only(issuesOf(docs, 'open-ended-retired'));
    expect(issue).toMatchObject({ path: 'effective.to', version: '1.0.0' });
    expect(issue.message).toContain('retired but has no effective.to');
  });

  it('accepts a retired version with an end date', () => {
    expect(issuesOf(pair(), 'open-ended-retired')).toEqual([]);
  });
});

describe('different-ids', () => {
  it('flags a version that belongs to another pathway', () => {
    const issue = only(issuesOf(pair({}, { id: 'other' }), 'different-ids'));
    expect(issue).toMatchObject({ path: 'id', version: '1.1.0' });
    expect(issue.message).toContain('pathway id "other", but version 1.0.0 has "mini"');
  });

  it('accepts versions of one pathway', () => {
    expect(issuesOf(pair(), 'different-ids')).toEqual([]);
  });
});

describe('duplicate-version', () => {
  it('flags a version number given twice', () => {
    const issue = only(issuesOf(pair({}, { version: '1.0.0' }), 'duplicate-version'));
    expect(issue).toMatchObject({ path: 'version', version: '1.0.0' });
    expect(issue.message).toBe('Version 1.0.0 is given twice');
  });

  it('accepts distinct version numbers', () => {
    expect(issuesOf(pair(), 'duplicate-version')).toEqual([]);
  });
});

describe('lintVersions ordering', () => {
  it('lists issues by the position of the version, then by place in the document', () => {
    const docs = pair({ status: 'active', effective: { from: '2025-01-01' } }, { id: 'other' });
    expect(lintVersions(docs).map((i) => `${i.version} ${i.rule} ${i.path}`)).toEqual([
      '1.0.0 multiple-active status',
      '1.1.0 different-ids id',
      '1.1.0 multiple-active status',
      '1.1.0 overlapping-versions effective.from',
    ]);
  });
});

describe('a successor that declares supersedes', () => {
  /** 1.1.0 active and open-ended (frozen), 1.2.0 active from 2026-12-07 superseding it. */
  function superseded(successor: Partial<Pathway> = {}): Pathway[] {
    return [
      ...pair(),
      miniPathway({
        version: '1.2.0',
        status: 'active',
        effective: { from: '2026-12-07' },
        supersedes: '1.1.0',
        ...successor,
      }),
    ];
  }

  it('ends the superseded version at the successor’s start: no overlap, no gap, one active', () => {
    const docs = superseded();
    expect(issuesOf(docs, 'overlapping-versions')).toEqual([]);
    expect(issuesOf(docs, 'effective-gap')).toEqual([]);
    expect(issuesOf(docs, 'multiple-active')).toEqual([]);
  });

  it('still flags two active versions when the successor supersedes another one', () => {
    const issues = issuesOf(superseded({ supersedes: '1.0.0' }), 'multiple-active');
    expect(issues.map((i) => i.version)).toEqual(['1.1.0', '1.2.0']);
  });
});
