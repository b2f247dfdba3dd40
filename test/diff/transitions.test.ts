/** Transitions are matched by target and condition, not by position. */
import { describe, expect, it } from 'vitest';
import { diffPathways } from '../../engine/diff/diff';
import { renderDiff } from '../../engine/diff/render';
import type { Pathway, Step } from '../../engine/model/types';
import { leaf, miniPathway, to } from '../fixtures/pathways';
import { copy, where } from './helpers';

const base = miniPathway();

function start(p: Pathway): Step {
  const s = p.steps.find((x) => x.id === 'start');
  if (s === undefined) throw new Error('mini pathway has a start step');
  return s;
}

function diffAfter(edit: (p: Pathway) => void) {
  const changed = copy(base);
  edit(changed);
  return diffPathways(base, changed);
}

describe('step transitions', () => {
  it('reports a transition inserted at the top as added, without marking the ones below as changed', () => {
    const diff = diffAfter((p) => {
      start(p).transitions.unshift(to('flagged', leaf('score', 'greaterThan', 90), 'very high'));
    });
    expect(diff.entries.map(where)).toEqual(['transition-added start _→0 flagged']);
  });

  it('reports a removed transition with its old index and target', () => {
    const diff = diffAfter((p) => {
      start(p).transitions.splice(0, 1);
    });
    expect(diff.entries.map(where)).toEqual(['transition-removed start 0→_ treat']);
    expect(renderDiff(diff, { format: 'text', lang: 'en' })).toContain(
      '- start → treat (transition 1): chronic',
    );
  });

  it('reports two transitions swapped as one re-ordering of the list, since the first true one wins', () => {
    const diff = diffAfter((p) => {
      start(p).transitions.reverse();
    });
    expect(diff.entries.map(where)).toEqual(['transition-reordered start']);
    expect(diff.entries[0]?.old).toEqual([
      { index: 0, to: 'treat' },
      { index: 1, to: 'done' },
    ]);
    expect(renderDiff(diff, { format: 'text', lang: 'en' })).toContain(
      '~ start: order: treat, done → done, treat',
    );
  });

  it('reports a transition whose condition stayed but whose target changed as re-targeted', () => {
    const diff = diffAfter((p) => {
      const t = start(p).transitions[1];
      if (t !== undefined) t.to = 'flagged';
    });
    expect(diff.entries.map(where)).toEqual(['transition-retargeted start 1→1 flagged']);
    expect(renderDiff(diff, { format: 'text', lang: 'en' })).toContain('target: done → flagged');
  });

  it('shows both rules side by side when a condition changed in more than one threshold', () => {
    const diff = diffAfter((p) => {
      const t = p.steps.find((s) => s.id === 'treat')?.transitions[0];
      if (t !== undefined)
        t.when = { any: [leaf('done', 'equal', true), leaf('weeksInStep', 'greaterThan', 20)] };
    });
    expect(diff.entries[0]?.fields[0]?.rule).toEqual({ kind: 'rule' });
    const text = renderDiff(diff, { format: 'text', lang: 'en' });
    expect(text).toContain('before: done and weeksInStep ≥ 12');
    expect(text).toContain('after:  done or weeksInStep > 20');
  });

  it('shows only the changed comparison when one operator changed, in Danish too', () => {
    const diff = diffAfter((p) => {
      const t = p.steps.find((s) => s.id === 'treat')?.transitions[0];
      const all = t !== undefined && 'all' in t.when ? t.when.all : [];
      all[1] = leaf('weeksInStep', 'greaterThan', 12.5);
    });
    expect(renderDiff(diff, { format: 'text', lang: 'da' })).toContain(
      'betingelse: weeksInStep ≥ 12 → > 12,5',
    );
  });

  it('reports a changed reason alone, as a changed transition', () => {
    const diff = diffAfter((p) => {
      const t = start(p).transitions[0];
      if (t !== undefined) t.reason = { sv: 'långvarig', en: 'long-term pain' };
    });
    expect(diff.entries.map(where)).toEqual(['transition-changed start 0→0 treat']);
    expect(diff.entries[0]?.fields.map((f) => f.field)).toEqual(['reason']);
  });
});

describe('global transitions', () => {
  it('reports added and changed global transitions under their own area', () => {
    const diff = diffAfter((p) => {
      const first = p.globalTransitions[0];
      if (first !== undefined) first.when = leaf('flags', 'contains', 'a');
      p.globalTransitions.push(to('done', leaf('done', 'equal', true), 'finished'));
    });
    expect(diff.entries.map(where)).toEqual([
      'global-transition-changed 0→0 flagged',
      'global-transition-added _→1 done',
    ]);
    const text = renderDiff(diff, { format: 'text', lang: 'en' });
    expect(text).toContain('Global transitions');
    expect(text).toContain('condition: flags has an entry → flags contains a');
  });
});
