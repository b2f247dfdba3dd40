import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../engine/describe/format';
import { factsPathway } from '../fixtures/facts';

describe('fillTemplate', () => {
  const base = factsPathway();
  const pathway = {
    ...base,
    facts: base.facts.map((f) => (f.name === 'opioidMme' ? { ...f, unit: 'MME/day' } : f)),
  };

  it('fills a placeholder written right after another placeholder in brackets', () => {
    const text = fillTemplate(
      'Opioid {opioidDays} ({opioidMme})',
      pathway,
      { opioidDays: 120, opioidMme: 60 },
      'en',
    );
    expect(text).not.toContain('{');
    expect(text).toContain('120');
    expect(text).toContain('60');
  });

  it('keeps the unit written after a lower bound inside its incomplete wording', () => {
    const text = fillTemplate(
      '{opioidMme} MME/day now',
      pathway,
      { opioidMme: { atLeast: 30 } },
      'en',
    );
    expect(text).toBe('≥ 30 MME/day (incomplete) now');
  });

  it('leaves a placeholder that names no fact visible', () => {
    expect(fillTemplate('{noSuchFact} left', pathway, {}, 'en')).toBe('{noSuchFact} left');
  });
});
