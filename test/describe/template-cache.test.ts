/**
 * fillTemplate splits each template at its placeholders once and keeps the split: every alert
 * message of every pathway on disk, in every language and with values of every kind (numbers,
 * lower bounds, unknown, lists, words), fills exactly as the one-pass regular-expression
 * replacement it stands in for.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  factOf,
  fillTemplate,
  formatBound,
  formatUnit,
  formatValue,
} from '../../engine/describe/format';
import { isLowerBound } from '../../engine/facts/bound';
import { loadRepository } from '../../engine/node/repository';
import type { Language, Pathway } from '../../engine/model/types';
import { LANGUAGES } from '../../engine/model/schema';
import { pickText } from '../../engine/model/texts';

/** The replacement as it was written before the split was kept. */
function reference(
  template: string,
  pathway: Pathway,
  values: Readonly<Record<string, unknown>>,
  language: Language,
): string {
  return template.replace(
    /\{([A-Za-z][A-Za-z0-9]*)\}( [^\s,.;:(){}]+)?/g,
    (whole, name: string, after: string | undefined) => {
      const fact = pathway.facts.find((f) => f.name === name);
      if (fact === undefined) return whole;
      const value = values[name];
      const rest = after ?? '';
      if (!isLowerBound(value)) return formatValue(value, language) + rest;
      const unit = fact.unit;
      const unitWritten =
        unit !== undefined && (rest.trim() === unit || rest.trim() === formatUnit(unit, language));
      return unitWritten
        ? formatBound(value, unit, language)
        : formatBound(value, undefined, language) + rest;
    },
  );
}

const repo = await loadRepository(join(process.cwd(), 'pathways'));
const pathways = [...repo.pathways.values()].flat().map((v) => v.pathway);
const VALUES: unknown[] = [
  undefined,
  null,
  0,
  8.428571,
  -3,
  true,
  false,
  'text',
  ['a', 'b'],
  { atLeast: 30 },
];

describe('alert messages filled from the kept split of their template', () => {
  it('read exactly as the regular-expression replacement, for every message', () => {
    let filled = 0;
    for (const pathway of pathways)
      for (const alert of pathway.alerts)
        for (const language of LANGUAGES) {
          const template = pickText(alert.message, language);
          const names = [...template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map(
            (m) => m[1] ?? '',
          );
          VALUES.forEach((value, k) => {
            const values = Object.fromEntries(
              names.map((n, i) => [n, VALUES[(k + i) % VALUES.length] ?? value]),
            );
            expect(fillTemplate(template, pathway, values, language)).toBe(
              reference(template, pathway, values, language),
            );
            filled++;
          });
        }
    expect(filled).toBeGreaterThan(100);
    const [first] = pathways;
    if (first === undefined) return;
    const odd = '{unknownName} and {age} years, {age}{age} ({nrsPain}) {opioidMme} MME/day.';
    for (const language of LANGUAGES)
      expect(fillTemplate(odd, first, { age: 52, opioidMme: { atLeast: 30 } }, language)).toBe(
        reference(odd, first, { age: 52, opioidMme: { atLeast: 30 } }, language),
      );
  });

  it('finds a fact by name as a search of the dictionary would', () => {
    for (const pathway of pathways)
      for (const fact of pathway.facts)
        expect(factOf(pathway, fact.name)).toBe(pathway.facts.find((f) => f.name === fact.name));
  });
});
