import { describe, expect, it } from 'vitest';
import { canvasSvg, escapeXml, wrapText } from '../../editor/src/export/canvas-svg';
import { printablePathway, stepOrder } from '../../editor/src/export/print-model';
import { pngScale } from '../../editor/src/export/download';
import { STRINGS } from '../../editor/src/i18n/strings';
import { summarizeCondition } from '../../engine/describe/summary';
import { chronicPain, chronicPainLayout } from './helpers';

const colours = {
  'primary-care': '#2f9e44',
  'specialist-care': '#1971c2',
  other: '#e8590c',
  exit: '#868e96',
  global: '#9c36b5',
};

function drawing(language: 'sv' | 'en' = 'en') {
  const pathway = chronicPain('1.3.0');
  return {
    pathway,
    svg: canvasSvg(pathway, chronicPainLayout('1.3.0'), {
      language,
      colours,
      levelNames: STRINGS[language].levels,
      anyStepLabel: STRINGS[language].anyStep,
      title: 'Chronic pain <1.3.0> & co',
    }),
  };
}

describe('the canvas as SVG', () => {
  it('draws every step and transition with its words, escaped, inside its own size', () => {
    const { pathway, svg } = drawing();
    expect(svg.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const step of pathway.steps) expect(svg.svg).toContain(`data-step="${step.id}"`);
    const transitions =
      pathway.steps.reduce((n, s) => n + s.transitions.length, 0) +
      pathway.globalTransitions.length;
    expect(svg.svg.match(/<g class="edge">/g)).toHaveLength(transitions);
    expect(svg.svg).toContain('Chronic pain &lt;1.3.0&gt; &amp; co');
    expect(svg.svg).not.toContain('<1.3.0>');
    expect(svg.width).toBeGreaterThan(240);
    expect(svg.height).toBeGreaterThan(76);
    // The same words as the canvas labels (one wording: the engine's summary).
    const first = pathway.steps.find((s) => s.transitions.length > 0)?.transitions[0];
    if (first === undefined) throw new Error('no transition');
    const words = summarizeCondition(pathway, first.when, 'en');
    expect(svg.svg).toContain(escapeXml(`1. ${words}`));
  });

  it('is the same text for the same document, and follows the interface language', () => {
    expect(drawing().svg.svg).toBe(drawing().svg.svg);
    expect(drawing('sv').svg.svg).toContain(STRINGS.sv.levels['primary-care']);
  });

  it('wraps long titles into at most three lines', () => {
    expect(wrapText('a b c', 30, 3)).toEqual(['a b c']);
    const lines = wrapText('one two three four five six seven eight nine ten', 9, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]?.endsWith('…')).toBe(true);
  });

  it('draws a very large canvas as PNG at a smaller scale instead of failing', () => {
    expect(pngScale({ svg: '', width: 2000, height: 1000 })).toBe(2);
    const huge = pngScale({ svg: '', width: 40_000, height: 9_000 });
    expect(40_000 * huge).toBeLessThanOrEqual(16_000);
    expect(40_000 * huge * 9_000 * huge).toBeLessThanOrEqual(120_000_000);
  });
});

describe('the printable pathway', () => {
  it('orders the steps as a patient meets them, from the entry step', () => {
    const pathway = chronicPain('1.3.0');
    const order = stepOrder(pathway);
    expect(order[0]).toBe(pathway.entryStep);
    expect([...order].sort()).toEqual(pathway.steps.map((s) => s.id).sort());
    // A step reached by no transition still comes, after the others.
    const lonely = {
      ...pathway,
      steps: [...pathway.steps, { ...pathway.steps[0]!, id: 'nowhere', transitions: [] }],
    };
    expect(stepOrder(lonely).at(-1)).toBe('nowhere');
  });

  it('puts every criterion in the engine words, with metadata, alerts, follow-ups and references', () => {
    const pathway = chronicPain('1.3.0');
    const page = printablePathway(pathway, 'sv');
    expect(page).toMatchObject({
      id: 'chronic-pain',
      version: '1.3.0',
      status: pathway.status,
      effectiveFrom: pathway.effective.from,
      title: pathway.title.sv,
    });
    const step = pathway.steps.find((s) => s.transitions.length > 0);
    const printed = page.steps.find((s) => s.id === step?.id);
    expect(printed?.transitions[0]?.when).toBe(
      summarizeCondition(pathway, step!.transitions[0]!.when, 'sv'),
    );
    expect(page.alerts.map((a) => a.id)).toEqual(pathway.alerts.map((a) => a.id));
    expect(page.followUps[0]).toMatchObject({ id: 'opioid-review', timing: null });
    expect(page.followUps[0]?.dueWhen).toBe(
      summarizeCondition(pathway, pathway.followUps[0]!.dueWhen!, 'sv'),
    );
    const pcm = page.steps.find((s) => s.id === 'primary-care-management');
    expect(pcm?.followUps[0]).toMatchObject({
      timing: { amount: 6, unit: 'weeks' },
      windowDays: 7,
    });
    expect(page.references.map((r) => r.id)).toEqual(pathway.references.map((r) => r.id));
    expect(page.namedConditions).toHaveLength(pathway.conditions.length);
  });
});
