import { describe, expect, it } from 'vitest';
import {
  addStep,
  conditionPath,
  connect,
  deleteStep,
  deleteTransition,
  getCondition,
  moveTransition,
  renameStep,
  setCondition,
  setText,
  uniqueStepId,
  type Drawing,
} from '../../editor/src/model/edit';
import { GLOBAL_NODE_ID } from '../../editor/src/model/ids';
import { newDraft, nextMinorVersion } from '../../editor/src/model/version';
import { pathwaySchema } from '../../engine/model/schema';
import { chronicPain, chronicPainLayout } from './helpers';

const drawing = (): Drawing => ({ pathway: chronicPain(), layout: chronicPainLayout() });
const reason = { sv: 'Ny', en: 'New' };

describe('editing steps', () => {
  it('adds a step with a free id at the given position, and the document stays valid', () => {
    const made = addStep(drawing(), { title: { en: 'New step' }, at: { x: 10.4, y: 20.6 } });
    expect(made.id).toBe('new-step');
    expect(made.layout.nodes['new-step']).toEqual({ x: 10, y: 21 });
    expect(pathwaySchema.safeParse(made.pathway).success).toBe(true);
    expect(uniqueStepId(made.pathway, 'new-step')).toBe('new-step-2');
  });

  it('renames a step everywhere it is named: transitions, entry step and layout', () => {
    const renamed = renameStep(drawing(), 'intake-assessment', 'first-visit');
    if (typeof renamed === 'string') throw new Error(renamed);
    expect(renamed.pathway.entryStep).toBe('first-visit');
    expect(renamed.pathway.steps[0]?.id).toBe('first-visit');
    expect(renamed.layout.nodes['first-visit']).toEqual(
      chronicPainLayout().nodes['intake-assessment'],
    );
    expect(renamed.layout.nodes['intake-assessment']).toBeUndefined();
    const renamedExit = renameStep(drawing(), 'pathway-exit', 'done');
    if (typeof renamedExit === 'string') throw new Error(renamedExit);
    const targets = [
      ...renamedExit.pathway.globalTransitions,
      ...renamedExit.pathway.steps.flatMap((s) => s.transitions),
    ].map((t) => t.to);
    expect(targets).toContain('done');
    expect(targets).not.toContain('pathway-exit');
  });

  it('refuses a rename to an invalid or taken id and says why', () => {
    expect(renameStep(drawing(), 'follow-up', 'Follow Up')).toMatch(/not a valid step id/);
    expect(renameStep(drawing(), 'follow-up', 'pathway-exit')).toMatch(/already exists/);
  });

  it('deletes a step with the transitions into it and its position', () => {
    const after = deleteStep(drawing(), 'substance-use-care');
    expect(after.pathway.steps.some((s) => s.id === 'substance-use-care')).toBe(false);
    expect(after.pathway.globalTransitions.some((t) => t.to === 'substance-use-care')).toBe(false);
    expect(after.layout.nodes['substance-use-care']).toBeUndefined();
    expect(pathwaySchema.safeParse(after.pathway).success).toBe(true);
  });
});

describe('editing transitions', () => {
  it('connects two steps with a new last transition, and the any-step node with a new global one', () => {
    const d = drawing();
    const made = connect(d.pathway, 'early-intervention', 'follow-up', reason);
    const step = made?.pathway.steps.find((s) => s.id === 'early-intervention');
    expect(step?.transitions.at(-1)?.to).toBe('follow-up');
    expect(made?.ref).toEqual({
      kind: 'transition',
      stepId: 'early-intervention',
      index: (step?.transitions.length ?? 0) - 1,
    });
    const global = connect(d.pathway, GLOBAL_NODE_ID, 'pathway-exit', reason);
    expect(global?.ref).toEqual({ kind: 'global', index: d.pathway.globalTransitions.length });
    expect(connect(d.pathway, 'follow-up', 'nowhere', reason)).toBeUndefined();
  });

  it("reorders a step's transitions, which changes which one is taken first", () => {
    const p = drawing().pathway;
    const before = p.steps[0]?.transitions.map((t) => t.to);
    const moved = moveTransition(
      p,
      { kind: 'transition', stepId: 'intake-assessment', index: 0 },
      2,
    );
    expect(moved.steps[0]?.transitions.map((t) => t.to)).toEqual([
      before?.[1],
      before?.[2],
      before?.[0],
    ]);
    expect(
      moveTransition(p, { kind: 'transition', stepId: 'intake-assessment', index: 0 }, 9),
    ).toBe(p);
    const removed = deleteTransition(p, { kind: 'global', index: 0 });
    expect(removed.globalTransitions).toHaveLength(p.globalTransitions.length - 1);
  });

  it('reads and replaces conditions wherever they live, sharing everything else', () => {
    const p = drawing().pathway;
    const when = {
      fact: 'painDurationMonths',
      operator: 'greaterThanInclusive' as const,
      value: 6,
    };
    const edited = setCondition(p, { kind: 'named', name: 'chronic' }, when);
    expect(getCondition(edited, { kind: 'named', name: 'chronic' })).toEqual(when);
    expect(edited.steps).toBe(p.steps);
    expect(conditionPath(p, { kind: 'transition', stepId: 'follow-up', index: 1 })).toBe(
      `steps[${p.steps.findIndex((s) => s.id === 'follow-up')}].transitions[1].when`,
    );
    expect(conditionPath(p, { kind: 'global', index: 2 })).toBe('globalTransitions[2].when');
  });

  it('drops a language from a text when it is emptied, as the schema forbids empty text', () => {
    expect(setText({ sv: 'a', en: 'b' }, 'en', '')).toEqual({ sv: 'a' });
    expect(setText(undefined, 'da', 'x')).toEqual({ da: 'x' });
  });
});

describe('new versions', () => {
  it('starts the next minor version as a draft in effect from today, copying everything else', () => {
    const latest = chronicPain();
    const draft = newDraft(latest, '2026-12-01');
    expect(draft).toMatchObject({
      version: '1.2.0',
      status: 'draft',
      effective: { from: '2026-12-01' },
    });
    expect(draft.steps).toBe(latest.steps);
    expect(nextMinorVersion('2.9.3')).toBe('2.10.0');
    expect(nextMinorVersion('1.0.0-rc.1')).toBe('1.1.0');
  });
});
