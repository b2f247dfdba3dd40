import { describe, expect, it } from 'vitest';
import { diffPathways } from '../../engine/diff/diff';
import { renderDiff } from '../../engine/diff/render';
import { medicationPathway } from '../fixtures/medication-pathway';

describe('the semantic diff of drug classes and MME tables', () => {
  const before = medicationPathway();
  const table = before.mmeTables![0]!;
  const after = medicationPathway({
    drugClasses: [
      ...before.drugClasses!.map((c) =>
        c.id === 'opioid' ? { ...c, atc: { ...c.atc, codes: [...c.atc.codes, 'R05DA05'] } } : c,
      ),
    ],
    mmeTables: [
      {
        ...table,
        rows: [
          ...table.rows.map((r) => (r.atc === 'N02AX02' ? { ...r, factor: 0.1 } : r)),
          {
            atc: 'N02AB01',
            drug: 'ketobemidone',
            noFactor: 'no-published-factor',
            source: 'cdc-2022',
          },
        ],
      },
    ],
  });

  it('lists a changed factor, an added row and a changed class as their own entries', () => {
    const kinds = diffPathways(before, after).entries.map((e) => [
      e.kind,
      e.drugClassId ?? e.mmeRow,
    ]);
    expect(kinds).toEqual([
      ['drug-class-changed', 'opioid'],
      ['mme-row-changed', 'test-table N02AX02'],
      ['mme-row-added', 'test-table N02AB01'],
    ]);
  });

  it('reads as a reviewer’s list under its own headings', () => {
    const text = renderDiff(diffPathways(before, after), { format: 'text', lang: 'en' });
    expect(text).toContain('Drug classes');
    expect(text).toContain('MME table');
    expect(text).toMatch(/test-table N02AX02[\s\S]*0\.2[\s\S]*0\.1/);
    expect(text).toContain('ketobemidone noFactor: no-published-factor');
  });
});
