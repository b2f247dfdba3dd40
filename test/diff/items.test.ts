/** Steps, alerts, facts, named conditions, measures, follow-ups and metadata. */
import { describe, expect, it } from 'vitest';
import { diffPathways } from '../../engine/diff/diff';
import { renderDiff } from '../../engine/diff/render';
import type { Pathway } from '../../engine/model/types';
import { leaf, miniPathway, step, to } from '../fixtures/pathways';
import { copy, where } from './helpers';

const base = miniPathway();

function diffAfter(edit: (p: Pathway) => void) {
  const changed = copy(base);
  edit(changed);
  const diff = diffPathways(base, changed);
  return { diff, text: renderDiff(diff, { format: 'text', lang: 'en' }) };
}

describe('steps', () => {
  it('reports a step with a new title and nothing else as renamed', () => {
    const { diff, text } = diffAfter((p) => {
      const s = p.steps.find((x) => x.id === 'treat');
      if (s !== undefined) s.title = { sv: 'Behandling', en: 'Treatment' };
    });
    expect(diff.entries.map(where)).toEqual(['step-renamed treat']);
    expect(text).toContain('title: “Step treat” → “Treatment”');
  });

  it('reports a new level and new actions as a changed step', () => {
    const { diff, text } = diffAfter((p) => {
      const s = p.steps.find((x) => x.id === 'treat');
      if (s === undefined) return;
      s.level = 'other';
      s.actions = [{ sv: 'Smärtskola', en: 'Pain school' }];
    });
    expect(diff.entries.map(where)).toEqual(['step-changed treat']);
    expect(text).toContain('level: specialist-care → other');
    expect(text).toContain('actions: + “Pain school”');
  });

  it('reports an added step once, listing its transitions, and a removed step once', () => {
    const { diff, text } = diffAfter((p) => {
      p.steps.push(step('rehab', 'specialist-care', [to('done', leaf('score', 'lessThan', 10))]));
      p.steps = p.steps.filter((s) => s.id !== 'flagged');
    });
    expect(diff.entries.map(where)).toEqual(['step-removed flagged', 'step-added rehab']);
    expect(text).toContain('+ rehab “Step rehab”: specialist-care, “Step rehab”');
    expect(text).toContain('transition 1: → done: score < 10');
  });

  it('ignores the order of steps in the file', () => {
    const { diff } = diffAfter((p) => {
      p.steps.reverse();
    });
    expect(diff.entries).toEqual([]);
  });

  it('reports a step follow-up whose schedule changed, naming the step', () => {
    const withFollowUp = (weeks: number): Pathway => {
      const p = copy(base);
      const s = p.steps.find((x) => x.id === 'treat');
      s?.followUps.push({
        id: 'nrs-check',
        title: { en: 'NRS' },
        measures: ['nrs'],
        at: { weeks },
      });
      return p;
    };
    const diff = diffPathways(withFollowUp(6), withFollowUp(8));
    expect(diff.entries.map(where)).toEqual(['follow-up-changed treat nrs-check']);
    expect(renderDiff(diff, { format: 'text', lang: 'sv' })).toContain('nrs-check (i steg treat)');
  });
});

describe('alerts', () => {
  it('reports severity, condition and message of a changed alert with old and new', () => {
    const { diff, text } = diffAfter((p) => {
      const a = p.alerts[0];
      if (a === undefined) return;
      a.severity = a.severity === 'critical' ? 'warning' : 'critical';
      a.message = { en: 'Changed message' };
    });
    expect(diff.entries.map(where)).toEqual([`alert-changed ${base.alerts[0]?.id ?? ''}`]);
    expect(diff.entries[0]?.fields.map((f) => f.field)).toEqual(['severity', 'message']);
    expect(text).toMatch(/severity: \w+ → \w+/);
  });

  it('reports added and removed alerts with their conditions', () => {
    const { diff, text } = diffAfter((p) => {
      p.alerts = [
        ...p.alerts.slice(1),
        {
          id: 'low-score',
          severity: 'info',
          when: { not: leaf('score', 'greaterThanInclusive', 10) },
          message: { en: 'Low' },
        },
      ];
    });
    expect(diff.entries.map((e) => e.kind)).toEqual(['alert-removed', 'alert-added']);
    expect(text).toContain('+ low-score (info): not score ≥ 10');
  });
});

describe('facts, named conditions and measures', () => {
  it('reports a fact whose type, unit, range, values and derivation changed', () => {
    const { diff, text } = diffAfter((p) => {
      const score = p.facts.find((f) => f.name === 'score');
      if (score !== undefined) score.range = { min: 0, max: 120 };
      const flags = p.facts.find((f) => f.name === 'flags');
      if (flags !== undefined) flags.values = ['a', 'c'];
      const weeks = p.facts.find((f) => f.name === 'weeksInStep');
      if (weeks !== undefined) weeks.derived = { kind: 'timeInStep', unit: 'days' };
      const age = p.facts.find((f) => f.name === 'age');
      if (age !== undefined) {
        age.type = 'number';
        age.unit = 'months';
      }
    });
    expect(diff.entries.map(where)).toEqual([
      'fact-changed age',
      'fact-changed score',
      'fact-changed flags',
      'fact-changed weeksInStep',
    ]);
    expect(text).toContain('type: integer → number');
    expect(text).toContain('unit: years → months');
    expect(text).toContain('range: 0–100 → 0–120');
    expect(text).toContain('values: + c; - b');
    expect(text).toContain('derivation: timeInStep (weeks) → timeInStep (days)');
  });

  it('reports a named condition whose rule changed, in words', () => {
    const { diff, text } = diffAfter((p) => {
      const c = p.conditions[0];
      if (c !== undefined) c.when = leaf('painMonths', 'greaterThanInclusive', 6);
    });
    expect(diff.entries.map(where)).toEqual(['condition-changed chronic']);
    expect(text).toContain('condition: painMonths ≥ 3 → ≥ 6');
  });

  it('reports an added measure', () => {
    const { diff } = diffAfter((p) => {
      p.measures.push({ id: 'hads', title: { en: 'HADS' } });
    });
    expect(diff.entries.map(where)).toEqual(['measure-added hads']);
  });
});

describe('metadata', () => {
  it('reports status, effective dates, title and references', () => {
    const { diff, text } = diffAfter((p) => {
      p.status = 'active';
      p.effective = { from: '2025-01-01', to: '2027-01-01' };
      p.title = { sv: 'Nytt namn', en: 'New name' };
      p.references = [{ id: 'sbu-341', title: 'SBU 341' }];
    });
    expect(diff.entries.map(where)).toEqual([
      'metadata-changed status',
      'metadata-changed effective.to',
      'metadata-changed title',
      'metadata-changed references',
    ]);
    expect(text).toContain('~ effective until: (none) → 2027-01-01');
    expect(text).toContain('~ references: + sbu-341');
  });

  it('says which language changed when the text in the reader’s language stayed the same', () => {
    const { text } = diffAfter((p) => {
      p.title = { ...p.title, da: 'Miniforløb' };
    });
    expect(text).toContain('~ title: text changed in da');
  });

  it('shows what changed in a reference whose id stayed the same', () => {
    const cited = copy(base);
    cited.references = [{ id: 'sbu-341', title: 'SBU 341' }];
    const retitled = copy(cited);
    retitled.references = [{ id: 'sbu-341', title: 'SBU report 341', year: 2021 }];
    const text = renderDiff(diffPathways(cited, retitled), { format: 'text', lang: 'en' });
    expect(text).toContain(
      '~ references: {"id":"sbu-341","title":"SBU 341"} → {"id":"sbu-341","title":"SBU report 341","year":2021}',
    );
  });

  it('shows a changed fact source as JSON when its words would look the same', () => {
    const sourced = (text: string): Pathway => {
      const p = copy(base);
      const age = p.facts.find((f) => f.name === 'age');
      if (age !== undefined) age.source = { kind: 'record', text: { en: text } };
      return p;
    };
    const diff = diffPathways(sourced('from the record'), sourced('from the patient record'));
    expect(renderDiff(diff, { format: 'text', lang: 'en' })).toContain(
      'source: {"kind":"record","text":{"en":"from the record"}} → {"kind":"record","text":{"en":"from the patient record"}}',
    );
  });
});
