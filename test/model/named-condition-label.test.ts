/** A named condition's optional label: schema, canonical file, semantic diff and words. */
import { describe, expect, it } from 'vitest';
import { summarizeCondition } from '../../engine/describe/summary';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate } from '../../engine/evaluate/evaluate';
import { diffPathways } from '../../engine/diff/diff';
import { renderDiff } from '../../engine/diff/render';
import { pathwaySchema } from '../../engine/model/schema';
import type { Pathway } from '../../engine/model/types';
import { parsePathway } from '../../engine/yaml/parse';
import { printPathway } from '../../engine/yaml/print';
import { miniPathway } from '../fixtures/pathways';

const labelled = (label: Pathway['conditions'][number]['label']): Pathway => {
  const doc = miniPathway();
  doc.conditions = doc.conditions.map((c) =>
    c.name === 'chronic' ? { ...c, ...(label === undefined ? {} : { label }) } : c,
  );
  return doc;
};

describe('named condition label', () => {
  it('is optional: a file without it stays valid and prints without it', () => {
    const plain = miniPathway();
    expect(pathwaySchema.safeParse(plain).success).toBe(true);
    expect(printPathway(plain)).not.toContain('label: {');
    const emptyLabel = labelled({} as never);
    expect(pathwaySchema.safeParse(emptyLabel).success).toBe(false);
  });

  it('is written right after the name in canonical YAML and read back the same', () => {
    const doc = labelled({ sv: 'kronisk smärta', en: 'chronic pain' });
    const text = printPathway(doc);
    expect(text).toMatch(
      /- name: chronic\n\s+label:\n\s+sv: kronisk smärta\n\s+en: chronic pain\n/,
    );
    expect(parsePathway(text)).toEqual(doc);
    expect(printPathway(parsePathway(text))).toBe(text);
  });

  it('shows in the semantic diff when it changes', () => {
    const diff = diffPathways(labelled(undefined), labelled({ sv: 'kronisk smärta' }));
    expect(diff.entries).toHaveLength(1);
    expect(diff.entries[0]).toMatchObject({
      area: 'condition',
      conditionName: 'chronic',
      fields: [{ field: 'label', new: { sv: 'kronisk smärta' } }],
    });
    const text = renderDiff(diff, { format: 'text', lang: 'sv' });
    expect(text).toContain('benämning: (inget) → ”kronisk smärta”');
  });

  it('names the condition in summaries in the UI language, falling back to its name', () => {
    const doc = labelled({ sv: 'kronisk smärta', en: 'chronic pain' });
    const when = {
      all: [{ condition: 'chronic' }, { fact: 'age', operator: 'greaterThan', value: 18 }],
    };
    expect(summarizeCondition(doc, when as never, 'sv')).toContain('kronisk smärta');
    expect(summarizeCondition(doc, when as never, 'en')).toContain('chronic pain');
    expect(summarizeCondition(miniPathway(), when as never, 'sv')).toContain('chronic');
  });

  it('names the condition by its label in the explanation of a result', async () => {
    const doc = labelled({ sv: 'långvarig smärta', en: 'long-term pain' });
    const compiled = compilePathway(doc);
    const facts = { painMonths: 8, score: 10, age: 40, flags: [], done: false };
    const sv = await evaluate(compiled, { facts }, { asOf: '2027-02-01', language: 'sv' });
    expect(sv.explanation).toContain('långvarig smärta');
    const plain = await evaluate(compilePathway(miniPathway()), { facts }, { asOf: '2027-02-01' });
    expect(plain.explanation).toContain('chronic');
  });
});
