/**
 * Indicators in the semantic diff: added, removed and changed indicators, a changed
 * numerator threshold, target or direction, and a changed case mix, in words in sv, da and en.
 */
import { describe, expect, it } from 'vitest';
import { diffPathways } from '../../engine/diff/diff';
import { renderDiff } from '../../engine/diff/render';
import type { Pathway } from '../../engine/model/types';
import { leaf } from '../fixtures/pathways';
import { indicator, opioidIndicatorPathway } from '../indicators/fixture';

const before = opioidIndicatorPathway();

function edited(edit: (p: Pathway) => Pathway): Pathway {
  return edit(structuredClone(before));
}

describe('indicators in the semantic diff', () => {
  it('finds no change between a file and itself', () => {
    expect(diffPathways(before, structuredClone(before)).entries).toEqual([]);
  });

  it('names an added and a removed indicator', () => {
    const after = edited((p) => ({
      ...p,
      indicators: [
        ...(p.indicators ?? []).filter((i) => i.id !== 'mme-90'),
        indicator(
          'benzodiazepine',
          leaf('onOpioid', 'equal', false),
          leaf('onBenzodiazepine', 'equal', true),
        ),
      ],
    }));
    const entries = diffPathways(before, after).entries;
    expect(entries.map((e) => `${e.kind} ${e.indicatorId ?? ''}`)).toEqual([
      'indicator-removed mme-90',
      'indicator-added benzodiazepine',
    ]);
    const text = renderDiff(diffPathways(before, after), { format: 'text', lang: 'en' });
    expect(text).toContain('Indicators');
    expect(text).toMatch(/\+ benzodiazepine/);
    expect(text).toMatch(/- mme-90/);
  });

  it('reads a changed numerator threshold, target and direction as field changes', () => {
    const after = edited((p) => ({
      ...p,
      indicators: (p.indicators ?? []).map((i) =>
        i.id === 'mme-50'
          ? {
              ...i,
              numerator: leaf('opioidMme', 'greaterThanInclusive', 40),
              target: 0.1,
              direction: 'higher-is-better' as const,
            }
          : i,
      ),
    }));
    const [entry] = diffPathways(before, after).entries;
    expect(entry?.kind).toBe('indicator-changed');
    expect(entry?.fields.map((f) => f.field)).toEqual(['numerator', 'direction', 'target']);
    expect(entry?.fields[0]?.rule).toEqual({
      kind: 'threshold',
      fact: 'opioidMme',
      old: { operator: 'greaterThanInclusive', value: 50 },
      new: { operator: 'greaterThanInclusive', value: 40 },
    });
    const en = renderDiff(diffPathways(before, after), { format: 'text', lang: 'en' });
    expect(en).toContain('opioidMme ≥ 50 → ≥ 40');
    const sv = renderDiff(diffPathways(before, after), { format: 'text', lang: 'sv' });
    expect(sv).toContain('Indikatorer');
    expect(sv).toContain('täljare');
    expect(sv).toContain('målvärde');
    const da = renderDiff(diffPathways(before, after), { format: 'text', lang: 'da' });
    expect(da).toContain('tæller');
    expect(da).toContain('retning');
  });

  it('reads a changed denominator over an outcome term', () => {
    const after = edited((p) => ({
      ...p,
      indicators: (p.indicators ?? []).map((i) =>
        i.id === 'opioid-benzodiazepine'
          ? { ...i, denominator: leaf('$alert:long-term-opioid', 'equal', true) }
          : i,
      ),
    }));
    const [entry] = diffPathways(before, after).entries;
    expect(entry?.fields.map((f) => f.field)).toEqual(['denominator']);
    const text = renderDiff(diffPathways(before, after), { format: 'text', lang: 'en' });
    expect(text).toContain('$alert:long-term-opioid');
  });

  it('reads a changed case mix as a metadata change', () => {
    const after = edited((p) => ({ ...p, caseMix: [{ fact: 'age', bands: [18, 65] }] }));
    const entries = diffPathways(before, after).entries;
    expect(entries.map((e) => `${e.kind} ${e.field ?? ''}`)).toEqual(['metadata-changed caseMix']);
    expect(renderDiff(diffPathways(before, after), { format: 'text', lang: 'en' })).toContain(
      'case mix',
    );
  });
});
