/** Properties: a document never differs from itself, however it is written down. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { diffPathways } from '../../engine/diff/diff';
import { renderDiff } from '../../engine/diff/render';
import { isRecord } from '../../engine/model/schema-walk';
import { parsePathway } from '../../engine/yaml/parse';
import { printPathway } from '../../engine/yaml/print';
import { pathwayArb } from '../fixtures/pathway-arbitraries';

/** The same value with every mapping's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

/** Ways of writing the same document that the canonical printer never uses. */
const layouts = fc.constantFrom(
  { indent: 4, defaultStringType: 'QUOTE_DOUBLE' as const },
  { indent: 3, collectionStyle: 'flow' as const },
  { indent: 2, defaultStringType: 'QUOTE_SINGLE' as const, lineWidth: 30 },
);

describe('diff properties', () => {
  it('finds no change between a generated pathway and itself or a copy of it', () => {
    fc.assert(
      fc.property(pathwayArb, (pathway) => {
        expect(diffPathways(pathway, pathway).entries).toEqual([]);
        expect(diffPathways(pathway, structuredClone(pathway)).entries).toEqual([]);
      }),
    );
  });

  it('finds no clinical change after printing and parsing again', () => {
    fc.assert(
      fc.property(pathwayArb, (pathway) => {
        const reparsed = parsePathway(printPathway(pathway));
        const diff = diffPathways(pathway, reparsed);
        expect(diff.entries).toEqual([]);
        expect(renderDiff(diff, { format: 'text', lang: 'en' })).toMatch(/no clinical change$/);
      }),
    );
  });

  it('finds no clinical change when the file is rewritten with other key order, quoting, indentation and flow style', () => {
    fc.assert(
      fc.property(pathwayArb, layouts, (pathway, options) => {
        const text = stringify(reverseKeys(pathway), options);
        expect(diffPathways(pathway, parsePathway(text)).entries).toEqual([]);
      }),
    );
  });

  it('finds a change whenever one alert severity differs', () => {
    fc.assert(
      fc.property(pathwayArb, (pathway) => {
        const changed = structuredClone(pathway);
        const alert = changed.alerts[0];
        if (alert === undefined) return;
        alert.severity = alert.severity === 'info' ? 'critical' : 'info';
        const kinds = diffPathways(pathway, changed).entries.map((e) => e.kind);
        expect(kinds).toEqual(['alert-changed']);
      }),
    );
  });
});
