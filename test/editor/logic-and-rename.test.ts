/**
 * Safe defaults (a new transition, alert or named condition changes no patient's answer and
 * shows as incomplete), deleting a step that others point to, and renaming facts, alerts,
 * named conditions and measures everywhere they are named.
 */
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { lintPathway } from '../../engine/lint';
import { usesOfName } from '../../engine/model/rename';
import type { Pathway } from '../../engine/model/types';
import { addAlert, addCondition } from '../../editor/src/model/dictionary';
import {
  connect,
  deleteStep,
  deletionNeedsAsking,
  stepDeletionEffects,
  type Drawing,
} from '../../editor/src/model/edit';
import { computeProblems } from '../../editor/src/model/problems';
import { renameEntry, scenariosNaming, usesOf } from '../../editor/src/model/rename';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';
import { productionAnswer, referenceAnswer } from '../fixtures/fast-answers';
import { chronicPain, chronicPainLayout, chronicPainScenarios, openDraftStore } from './helpers';

const drawing = (version = '1.3.0'): Drawing => ({
  pathway: chronicPain(version),
  layout: chronicPainLayout(version),
});

/** The parts of an answer a new element must not change (its trace may show the new node). */
function decision(answer: string): string {
  if (answer.startsWith('error')) return answer;
  const r = JSON.parse(answer) as Record<string, unknown>;
  return JSON.stringify([r.status, r.step, r.path, r.alerts, r.missingFacts, r.undecidedAlerts]);
}

describe('a new transition, alert or named condition', () => {
  it('starts never true, needing no fact, and shows as an incomplete-condition problem', () => {
    const base = chronicPain('1.3.0');
    const made = connect(base, base.entryStep, 'specialist-pain-assessment', {
      sv: 'ny',
      en: 'new',
    });
    if (made === undefined) throw new Error('no transition made');
    const withAlert = addAlert(made.pathway, 'new-alert', 'critical', { sv: 'x', en: 'x' });
    const doc = addCondition(withAlert, 'newCondition');
    const incomplete = computeProblems(doc).filter((p) => p.rule === 'incomplete-condition');
    expect(incomplete.map((p) => p.target)).toEqual([
      { kind: 'named', name: 'newCondition' },
      { kind: 'transition', stepId: base.entryStep, index: made.ref.index },
      { kind: 'alert', id: 'new-alert' },
    ]);
    expect(incomplete.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('changes no patient’s answer, and json-rules-engine agrees with the engine on it', async () => {
    const before = chronicPain('1.2.0');
    // First in the entry step's list, so the walk meets it before every real transition.
    const first = {
      ...before,
      steps: before.steps.map((s) =>
        s.id === before.entryStep
          ? {
              ...s,
              transitions: [
                {
                  to: 'specialist-pain-assessment',
                  when: { not: { all: [] } },
                  reason: { en: 'new' },
                },
                ...s.transitions,
              ],
            }
          : s,
      ),
    } as Pathway;
    const after = addAlert(first, 'new-critical', 'critical', { sv: 'ny', en: 'new' });
    const [a, b] = [compilePathway(before), compilePathway(after)];
    const differences: string[] = [];
    for (const { input, asOf } of chronicPainPatients(400, 18_2026)) {
      const old = await productionAnswer(a, input, asOf);
      const now = await productionAnswer(b, input, asOf);
      const oracle = await referenceAnswer(after, input, asOf);
      if (decision(old) !== decision(now)) differences.push(`changed: ${JSON.stringify(input)}`);
      if (oracle !== now) differences.push(`oracle differs: ${JSON.stringify(input)}`);
    }
    expect(differences.slice(0, 3)).toEqual([]);
  }, 120_000);
});

describe('deleting a step', () => {
  it('says what else changes when it is the entry step, and moves the entry to where it led', () => {
    const d = drawing();
    const entry = d.pathway.entryStep;
    const effects = stepDeletionEffects(d.pathway, entry);
    const firstTarget = d.pathway.steps.find((s) => s.id === entry)?.transitions[0]?.to;
    expect(effects.newEntry).toBe(firstTarget);
    expect(deletionNeedsAsking(effects)).toBe(true);
    const after = deleteStep(d, entry);
    expect(after.pathway.entryStep).toBe(firstTarget);
    expect(after.pathway.steps.some((s) => s.id === entry)).toBe(false);
  });

  it('lists the transitions into it from other steps and global transitions', () => {
    const d = drawing();
    const target = 'specialist-pain-assessment';
    const into = d.pathway.steps.flatMap((s) =>
      s.transitions.filter((t) => t.to === target && s.id !== target).map(() => s.id),
    );
    expect(into.length).toBeGreaterThan(0);
    const effects = stepDeletionEffects(d.pathway, target);
    expect(effects.transitions.filter((t) => t.from !== null).map((t) => t.from)).toEqual(into);
    expect(effects.newEntry).toBeUndefined();
    expect(deletionNeedsAsking(effects)).toBe(true);
  });

  it('does not ask for a step nobody points to', () => {
    const d = drawing();
    const lonely = {
      ...d.pathway,
      steps: [
        ...d.pathway.steps,
        {
          id: 'lonely',
          level: 'other',
          title: { en: 'x' },
          actions: [],
          followUps: [],
          transitions: [],
        },
      ],
    } as Pathway;
    expect(deletionNeedsAsking(stepDeletionEffects(lonely, 'lonely'))).toBe(false);
  });

  it('asks through the store, and deletes only when the author confirms', () => {
    const store = openDraftStore();
    const entry = store.getState().pathway?.entryStep ?? '';
    store.getState().requestDeleteStep(entry);
    expect(store.getState().deleteStepRequest).toBe(entry);
    expect(store.getState().pathway?.steps.some((s) => s.id === entry)).toBe(true);
    store.getState().answerDeleteStep(false);
    expect(store.getState().pathway?.steps.some((s) => s.id === entry)).toBe(true);
    store.getState().requestDeleteStep(entry);
    store.getState().answerDeleteStep(true);
    expect(store.getState().deleteStepRequest).toBeNull();
    expect(store.getState().pathway?.steps.some((s) => s.id === entry)).toBe(false);
    store.getState().undo();
    expect(store.getState().pathway?.entryStep).toBe(entry);
  });
});

describe('renaming', () => {
  it('renames a fact in conditions, message placeholders and measures, and lint stays clean', () => {
    const d = drawing();
    const uses = usesOf(d.pathway, 'fact', 'opioidMme');
    expect(uses.map((u) => u.kind)).toContain('message');
    expect(uses.length).toBeGreaterThan(5);
    const after = renameEntry(d, 'fact', 'opioidMme', 'opioidDoseMme');
    if (typeof after === 'string') throw new Error(after);
    const text = JSON.stringify(after.pathway);
    expect(text).not.toContain('opioidMme"');
    expect(text).not.toContain('{opioidMme}');
    expect(text).toContain('{opioidDoseMme}');
    expect(usesOfName(after.pathway, 'fact', 'opioidDoseMme')).toHaveLength(uses.length);
    expect(lintPathway(after.pathway)).toEqual([]);
    // A measure's facts are renamed too.
    const measureUse = usesOf(d.pathway, 'fact', 'ompsqShort').find((u) => u.kind === 'measure');
    expect(measureUse).toBeDefined();
    const renamedScore = renameEntry(d, 'fact', 'ompsqShort', 'ompsqShortScore');
    if (typeof renamedScore === 'string') throw new Error(renamedScore);
    expect(renamedScore.pathway.measures.find((m) => m.id === 'ompsq')?.facts).toEqual([
      'ompsqShortScore',
    ]);
    expect(lintPathway(renamedScore.pathway)).toEqual([]);
  });

  it('refuses a name that exists or is malformed, and leaves the document alone', () => {
    const d = drawing();
    expect(renameEntry(d, 'fact', 'opioidMme', 'age')).toBe('duplicate');
    expect(renameEntry(d, 'fact', 'opioidMme', 'Opioid MME')).toBe('invalid');
    expect(renameEntry(d, 'condition', 'chronic', 'atRisk')).toBe('duplicate');
    expect(renameEntry(d, 'measure', 'nrs', 'ompsq')).toBe('duplicate');
    expect(renameEntry(d, 'alert', 'red-flag', 'redFlag')).toBe('invalid');
  });

  it('renames a named condition in every reference', () => {
    const d = drawing();
    const count = usesOf(d.pathway, 'condition', 'chronic').length;
    expect(count).toBeGreaterThan(0);
    const after = renameEntry(d, 'condition', 'chronic', 'chronicPain');
    if (typeof after === 'string') throw new Error(after);
    expect(usesOf(after.pathway, 'condition', 'chronic')).toEqual([]);
    expect(usesOf(after.pathway, 'condition', 'chronicPain')).toHaveLength(count);
    expect(after.pathway.conditions.some((c) => c.name === 'chronicPain')).toBe(true);
    expect(lintPathway(after.pathway)).toEqual([]);
  });

  it('renames an alert, and the indicator term that counts it', () => {
    const d = drawing();
    const indicator = d.pathway.indicators?.[0];
    if (indicator === undefined) throw new Error('no indicator');
    const withTerm: Drawing = {
      ...d,
      pathway: {
        ...d.pathway,
        indicators: [
          { ...indicator, numerator: { fact: '$alert:red-flag', operator: 'equal', value: true } },
        ],
      },
    };
    expect(usesOf(withTerm.pathway, 'alert', 'red-flag')).toHaveLength(1);
    const after = renameEntry(withTerm, 'alert', 'red-flag', 'red-flags');
    if (typeof after === 'string') throw new Error(after);
    expect(after.pathway.alerts.map((a) => a.id)).toContain('red-flags');
    expect(after.pathway.indicators?.[0]?.numerator).toEqual({
      fact: '$alert:red-flags',
      operator: 'equal',
      value: true,
    });
  });

  it('renames a measure in the follow-ups of steps and of the pathway', () => {
    const d = drawing();
    const count = usesOf(d.pathway, 'measure', 'nrs').length;
    expect(count).toBeGreaterThan(0);
    const after = renameEntry(d, 'measure', 'nrs', 'nrs-pain');
    if (typeof after === 'string') throw new Error(after);
    expect(usesOf(after.pathway, 'measure', 'nrs-pain')).toHaveLength(count);
    expect(usesOf(after.pathway, 'measure', 'nrs')).toEqual([]);
    expect(lintPathway(after.pathway)).toEqual([]);
  });

  it('is one undoable edit in the store, and the selection follows the renamed fact', () => {
    const store = openDraftStore();
    store.getState().select({ kind: 'fact', name: 'opioidMme' });
    const before = store.getState().pathway;
    expect(store.getState().renameEntry('fact', 'opioidMme', 'age')).toBe('duplicate');
    expect(store.getState().pathway).toBe(before);
    expect(store.getState().renameEntry('fact', 'opioidMme', 'opioidDoseMme')).toBeNull();
    expect(store.getState().selection).toEqual({ kind: 'fact', name: 'opioidDoseMme' });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().pathway).toEqual(before);
  });

  it('lists the test patients that name a fact or alert, which it does not rewrite', () => {
    const entries = chronicPainScenarios();
    const withAge = scenariosNaming(entries, 'fact', 'age');
    expect(withAge.length).toBeGreaterThan(0);
    expect(withAge.length).toBeLessThanOrEqual(entries.length);
    const redFlag = scenariosNaming(entries, 'alert', 'red-flag');
    expect(redFlag.length).toBeGreaterThan(0);
    // Exactly the scenarios whose expectations name the alert.
    const expected = entries
      .filter(({ scenario }) =>
        [scenario.expect, ...Object.values(scenario.expectByVersion ?? {})].some((e) =>
          JSON.stringify(e).includes('"red-flag"'),
        ),
      )
      .map(({ scenario }) => scenario.name);
    expect(redFlag).toEqual(expected);
    expect(scenariosNaming(entries, 'fact', 'noSuchFact')).toEqual([]);
    expect(scenariosNaming(entries, 'condition', 'chronic')).toEqual([]);
  });
});
