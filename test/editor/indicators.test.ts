/**
 * The editor keeps a file's indicators and case mix: opening, editing elsewhere and saving
 * print the same indicators back, and renaming a step renames it inside indicators too.
 */
import { describe, expect, it } from 'vitest';
import { computeProblems } from '../../editor/src/model/problems';
import { renameStep, setCondition, updateStep } from '../../editor/src/model/edit';
import { EMPTY_LAYOUT } from '../../editor/src/model/layout';
import { parsePathway } from '../../engine/yaml/parse';
import { printPathway } from '../../engine/yaml/print';
import { leaf } from '../fixtures/pathways';
import { walkIndicatorPathway } from '../indicators/fixture';

const doc = { ...walkIndicatorPathway(), caseMix: [{ fact: 'age', bands: [18, 65] }] };
const section = (text: string) => text.slice(text.indexOf('indicators:'));

describe('indicators in the editor', () => {
  it('prints a file with indicators back unchanged after an edit elsewhere', () => {
    const text = printPathway(parsePathway(printPathway(doc)));
    const opened = parsePathway(text);
    const edited = updateStep(opened, 'start', (s) => ({
      ...s,
      title: { sv: 'Början', en: 'Start' },
    }));
    const again = setCondition(
      edited,
      { kind: 'alert', id: 'old' },
      { all: [leaf('age', 'greaterThan', 65), leaf('done', 'equal', true)] },
    );
    expect(section(printPathway(again))).toBe(section(text));
    expect(computeProblems(again)).toEqual([]);
  });

  it('renames a step inside indicators ($visited and $step values)', () => {
    const withStep = {
      ...doc,
      indicators: [
        ...(doc.indicators ?? []),
        {
          ...(doc.indicators?.[0] as NonNullable<typeof doc.indicators>[number]),
          id: 'in-treat',
          numerator: leaf('$step', 'in', ['treat', 'done']),
        },
      ],
    };
    const renamed = renameStep({ pathway: withStep, layout: EMPTY_LAYOUT }, 'treat', 'treatment');
    if (typeof renamed === 'string') throw new Error(renamed);
    const indicators = renamed.pathway.indicators ?? [];
    expect(indicators.find((i) => i.id === 'treated')?.numerator).toEqual(
      leaf('$visited:treatment', 'equal', true),
    );
    expect(indicators.find((i) => i.id === 'in-treat')?.numerator).toEqual(
      leaf('$step', 'in', ['treatment', 'done']),
    );
    expect(computeProblems(renamed.pathway)).toEqual([]);
  });
});
