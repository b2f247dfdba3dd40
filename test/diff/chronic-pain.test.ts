/** The diff of the chronic pain pathway 1.0.0 → 1.1.0 names exactly what the specification changed. */
import { describe, expect, it } from 'vitest';
import { diffPathways } from '../../engine/diff/diff';
import { renderDiff } from '../../engine/diff/render';
import { chronicPain, where } from './helpers';

const diff = diffPathways(chronicPain('1.0.0'), chronicPain('1.1.0'));

describe('chronic pain 1.0.0 → 1.1.0', () => {
  it('names the two clinical changes, the fact 1.1.0 declares for its new alert, the metadata and nothing else', () => {
    expect(diff.entries.map(where)).toEqual([
      'metadata-changed version',
      'metadata-changed status',
      'metadata-changed effective.from',
      'metadata-changed effective.to',
      'metadata-changed description',
      'fact-added onGabapentinoid',
      'transition-changed primary-care-management 2→2 primary-care-mmr',
      'alert-added opioid-gabapentinoid',
    ]);
  });

  it('reports the transition to primary-care-mmr as a single changed threshold, weeks in step 12 → 8', () => {
    const entry = diff.entries.find((e) => e.area === 'transition');
    expect(entry?.fields.map((f) => f.field)).toEqual(['when', 'reason']);
    expect(entry?.fields[0]?.rule).toEqual({
      kind: 'threshold',
      fact: 'weeksInStep',
      old: { operator: 'greaterThanInclusive', value: 12 },
      new: { operator: 'greaterThanInclusive', value: 8 },
    });
  });

  it('gives the metadata old and new values: version, status and the effective period', () => {
    const metadata = Object.fromEntries(
      diff.entries
        .filter((e) => e.area === 'metadata' && e.field !== 'description')
        .map((e) => [e.field, [e.old, e.new]]),
    );
    expect(metadata).toEqual({
      version: ['1.0.0', '1.1.0'],
      status: ['retired', 'active'],
      'effective.from': ['2025-01-01', '2026-07-01'],
      'effective.to': ['2026-07-01', undefined],
    });
  });

  it('puts the threshold change into words in English and Swedish', () => {
    const en = renderDiff(diff, { format: 'text', lang: 'en' });
    expect(en).toContain('~ primary-care-management → primary-care-mmr (transition 3)');
    expect(en).toContain('condition: weeksInStep ≥ 12 → ≥ 8');
    expect(en).toContain('+ opioid-gabapentinoid (warning): onOpioid and onGabapentinoid');
    const sv = renderDiff(diff, { format: 'text', lang: 'sv' });
    expect(sv).toContain('villkor: weeksInStep ≥ 12 → ≥ 8');
    expect(sv).toContain('onOpioid och onGabapentinoid');
    expect(sv.split('\n')[0]).toBe('chronic-pain 1.0.0 → 1.1.0: 8 ändringar');
  });

  it('reads the same when compared the other way round, with added and removed swapped', () => {
    const back = diffPathways(chronicPain('1.1.0'), chronicPain('1.0.0'));
    expect(back.entries.map((e) => e.kind)).toContain('alert-removed');
    expect(back.entries.map((e) => e.kind)).toContain('fact-removed');
    expect(renderDiff(back, { format: 'text', lang: 'en' })).toContain(
      'condition: weeksInStep ≥ 8 → ≥ 12',
    );
  });
});
