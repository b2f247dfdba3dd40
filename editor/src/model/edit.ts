/**
 * Edits of the pathway document and its layout as pure functions: each takes the current
 * document and returns a new one, sharing every part it did not touch. The store records
 * the before and after of each call for undo; these functions know nothing of the store.
 */
import type { Pathway } from '../../../engine/index';
import type {
  Alert,
  Condition,
  Layout,
  Level,
  NamedCondition,
  Step,
  Texts,
  Transition,
} from '../../../engine/editor';
import { NEVER_TRUE, renameStepInIndicators } from '../../../engine/editor';
import {
  followUpPath,
  getFollowUp,
  setFollowUpCondition,
  updateFollowUp,
  type FollowUpConditionField,
  type FollowUpRef,
} from './follow-ups';
import { GLOBAL_NODE_ID } from './ids';
import type { XY } from './layout';

/** A document and its layout, edited together (renaming a step renames its position). */
export interface Drawing {
  pathway: Pathway;
  layout: Layout;
}

/** Where a condition lives in the document. */
export type ConditionTarget =
  | { kind: 'transition'; stepId: string; index: number }
  | { kind: 'global'; index: number }
  | { kind: 'named'; name: string }
  | { kind: 'alert'; id: string }
  | ({ kind: 'follow-up'; field: FollowUpConditionField } & FollowUpRef);

/** A transition's place: a step's list, or the global list. */
export type TransitionRef =
  { kind: 'transition'; stepId: string; index: number } | { kind: 'global'; index: number };

const STEP_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** True when `id` is a valid step id (kebab-case). */
export function isStepId(id: string): boolean {
  return STEP_ID.test(id);
}

/** `base`, or `base-2`, `base-3` … whichever no step has yet. */
export function uniqueStepId(pathway: Pathway, base: string): string {
  const taken = new Set(pathway.steps.map((s) => s.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Replaces the step `id` by `fn(step)`; the document is unchanged if there is no such step. */
export function updateStep(pathway: Pathway, id: string, fn: (step: Step) => Step): Pathway {
  const index = pathway.steps.findIndex((s) => s.id === id);
  const step = pathway.steps[index];
  if (step === undefined) return pathway;
  const steps = [...pathway.steps];
  steps[index] = fn(step);
  return { ...pathway, steps };
}

/** Adds a step at a canvas position; returns the drawing and the new step's id. */
export function addStep(
  drawing: Drawing,
  options: { id?: string; level?: Level; title: Texts; at: XY },
): Drawing & { id: string } {
  const id = uniqueStepId(drawing.pathway, options.id ?? 'new-step');
  const step: Step = {
    id,
    level: options.level ?? 'primary-care',
    title: options.title,
    actions: [],
    followUps: [],
    transitions: [],
  };
  return {
    id,
    pathway: { ...drawing.pathway, steps: [...drawing.pathway.steps, step] },
    layout: {
      ...drawing.layout,
      nodes: {
        ...drawing.layout.nodes,
        [id]: { x: Math.round(options.at.x), y: Math.round(options.at.y) },
      },
    },
  };
}

const retarget = (transitions: readonly Transition[], from: string, to: string): Transition[] =>
  transitions.map((t) => (t.to === from ? { ...t, to } : t));

/**
 * Renames a step everywhere it is named: its own id, transitions to it, the entry step,
 * indicators and its canvas position. Returns an error message instead when the new id is unusable.
 */
export function renameStep(drawing: Drawing, from: string, to: string): Drawing | string {
  if (from === to) return drawing;
  if (!isStepId(to)) return `'${to}' is not a valid step id (lower-case words joined by hyphens)`;
  if (drawing.pathway.steps.some((s) => s.id === to)) return `a step '${to}' already exists`;
  const p = drawing.pathway;
  const pathway: Pathway = {
    ...p,
    entryStep: p.entryStep === from ? to : p.entryStep,
    globalTransitions: retarget(p.globalTransitions, from, to),
    steps: p.steps.map((s) => ({
      ...s,
      id: s.id === from ? to : s.id,
      transitions: retarget(s.transitions, from, to),
    })),
    // Indicators name steps too ($visited:<step>, $step compared with a step id).
    ...(p.indicators === undefined
      ? {}
      : { indicators: renameStepInIndicators(p.indicators, from, to) }),
  };
  const nodes: Layout['nodes'] = {};
  for (const [id, xy] of Object.entries(drawing.layout.nodes)) nodes[id === from ? to : id] = xy;
  return { pathway, layout: { ...drawing.layout, nodes } };
}

/** One transition that deleting a step removes: `from` is null for a global transition. */
export interface RemovedTransition {
  from: string | null;
  to: string;
}

/** What else changes when a step is deleted, for the dialog that asks first. */
export interface StepDeletion {
  /** Transitions from other steps (and global ones) into the step. */
  transitions: RemovedTransition[];
  /** The new entry step when the deleted one was the entry; null when no step is left. */
  newEntry?: string | null;
  /** The step's own follow-ups, deleted with it. */
  followUps: string[];
  /** Indicators that name the step ($visited:<step>, $step = <step>): left for the author. */
  indicators: string[];
}

/**
 * The entry step after `id` is deleted: where the deleted entry led first (its first
 * transition to another step), else the first remaining step; null when none is left.
 */
function nextEntry(pathway: Pathway, id: string): string | null {
  const step = pathway.steps.find((s) => s.id === id);
  const led = step?.transitions.find(
    (t) => t.to !== id && pathway.steps.some((s) => s.id === t.to),
  );
  return led?.to ?? pathway.steps.find((s) => s.id !== id)?.id ?? null;
}

/** What deleting step `id` changes besides the step itself. */
export function stepDeletionEffects(pathway: Pathway, id: string): StepDeletion {
  const transitions: RemovedTransition[] = [
    ...pathway.steps
      .filter((s) => s.id !== id)
      .flatMap((s) => s.transitions.filter((t) => t.to === id).map(() => ({ from: s.id, to: id }))),
    ...pathway.globalTransitions.filter((t) => t.to === id).map(() => ({ from: null, to: id })),
  ];
  const effects: StepDeletion = {
    transitions,
    followUps: pathway.steps.find((s) => s.id === id)?.followUps.map((f) => f.id) ?? [],
    // Renaming the step to itself changes nothing; an indicator that renaming touches names it.
    indicators: (pathway.indicators ?? [])
      .filter((indicator, i) => {
        const renamed = renameStepInIndicators([indicator], id, `${id}-x`)[0];
        return renamed !== undefined && renamed !== (pathway.indicators ?? [])[i];
      })
      .map((indicator) => indicator.id),
  };
  if (pathway.entryStep === id) effects.newEntry = nextEntry(pathway, id);
  return effects;
}

/** True when deleting changes more than the step: others point to it, or it is the entry step. */
export function deletionNeedsAsking(effects: StepDeletion): boolean {
  return (
    effects.transitions.length > 0 ||
    effects.newEntry !== undefined ||
    effects.indicators.length > 0
  );
}

/**
 * Deletes a step, the transitions into it and its position. When it was the entry step, the
 * entry moves to {@link stepDeletionEffects}' `newEntry` (where it led first).
 */
export function deleteStep(drawing: Drawing, id: string): Drawing {
  const p = drawing.pathway;
  if (!p.steps.some((s) => s.id === id)) return drawing;
  const keep = (ts: readonly Transition[]): Transition[] => ts.filter((t) => t.to !== id);
  const entry = p.entryStep === id ? nextEntry(p, id) : p.entryStep;
  const pathway: Pathway = {
    ...p,
    // With no step left the schema reports the document; the entry then names nothing real.
    entryStep: entry ?? p.entryStep,
    globalTransitions: keep(p.globalTransitions),
    steps: p.steps
      .filter((s) => s.id !== id)
      .map((s) =>
        s.transitions.some((t) => t.to === id) ? { ...s, transitions: keep(s.transitions) } : s,
      ),
  };
  const nodes = { ...drawing.layout.nodes };
  delete nodes[id];
  return { pathway, layout: { ...drawing.layout, nodes } };
}

/**
 * The condition a new transition, alert or named condition starts with: never true, and
 * needing no fact, so adding one changes no patient's answer (not even to "needs
 * information"). Lint marks it incomplete until the author writes a real one.
 */
export function newCondition(): Condition {
  return NEVER_TRUE;
}

/**
 * A comparison to start a new row of a condition with, for the author to edit: the first
 * yes/no fact equal to yes. Only for a row inside a condition being written, never as a whole
 * new condition (it is true for real patients; see {@link newCondition}).
 */
export function placeholderCondition(pathway: Pathway): Condition {
  const fact = pathway.facts.find((f) => f.type === 'boolean') ?? pathway.facts[0];
  return { fact: fact?.name ?? 'fact', operator: 'equal', value: true };
}

/**
 * Connects two nodes with a new transition at the end of the source's list (from the "any
 * step" node: a new global transition). Returns where the new transition is.
 */
export function connect(
  pathway: Pathway,
  source: string,
  target: string,
  reason: Texts,
): { pathway: Pathway; ref: TransitionRef } | undefined {
  if (!pathway.steps.some((s) => s.id === target)) return undefined;
  const transition: Transition = { to: target, when: newCondition(), reason };
  if (source === GLOBAL_NODE_ID) {
    const globalTransitions = [...pathway.globalTransitions, transition];
    return {
      pathway: { ...pathway, globalTransitions },
      ref: { kind: 'global', index: globalTransitions.length - 1 },
    };
  }
  const step = pathway.steps.find((s) => s.id === source);
  if (step === undefined) return undefined;
  return {
    pathway: updateStep(pathway, source, (s) => ({
      ...s,
      transitions: [...s.transitions, transition],
    })),
    ref: { kind: 'transition', stepId: source, index: step.transitions.length },
  };
}

/** The transition at `ref`, if it exists. */
export function getTransition(pathway: Pathway, ref: TransitionRef): Transition | undefined {
  return ref.kind === 'global'
    ? pathway.globalTransitions[ref.index]
    : pathway.steps.find((s) => s.id === ref.stepId)?.transitions[ref.index];
}

function editList(
  pathway: Pathway,
  ref: TransitionRef,
  fn: (list: Transition[]) => Transition[],
): Pathway {
  if (ref.kind === 'global')
    return { ...pathway, globalTransitions: fn([...pathway.globalTransitions]) };
  return updateStep(pathway, ref.stepId, (s) => ({ ...s, transitions: fn([...s.transitions]) }));
}

/** Replaces the transition at `ref` by `fn(transition)`. */
export function updateTransition(
  pathway: Pathway,
  ref: TransitionRef,
  fn: (t: Transition) => Transition,
): Pathway {
  return editList(pathway, ref, (list) => {
    const t = list[ref.index];
    if (t !== undefined) list[ref.index] = fn(t);
    return list;
  });
}

/** Removes the transition at `ref`. */
export function deleteTransition(pathway: Pathway, ref: TransitionRef): Pathway {
  return editList(pathway, ref, (list) => list.filter((_, i) => i !== ref.index));
}

/** Moves a transition within its list (order decides which is taken first). */
export function moveTransition(pathway: Pathway, ref: TransitionRef, toIndex: number): Pathway {
  const length =
    ref.kind === 'global'
      ? pathway.globalTransitions.length
      : (pathway.steps.find((s) => s.id === ref.stepId)?.transitions.length ?? 0);
  if (toIndex < 0 || toIndex >= length || toIndex === ref.index || ref.index >= length)
    return pathway;
  return editList(pathway, ref, (list) => {
    const [moved] = list.splice(ref.index, 1);
    if (moved !== undefined) list.splice(toIndex, 0, moved);
    return list;
  });
}

/** The condition at `target`, if it exists. */
export function getCondition(pathway: Pathway, target: ConditionTarget): Condition | undefined {
  switch (target.kind) {
    case 'transition':
    case 'global':
      return getTransition(pathway, target)?.when;
    case 'named':
      return pathway.conditions.find((c) => c.name === target.name)?.when;
    case 'alert':
      return pathway.alerts.find((a) => a.id === target.id)?.when;
    case 'follow-up':
      return getFollowUp(pathway, target)?.[target.field];
  }
}

/** Replaces the condition at `target`. */
export function setCondition(pathway: Pathway, target: ConditionTarget, when: Condition): Pathway {
  switch (target.kind) {
    case 'transition':
    case 'global':
      return updateTransition(pathway, target, (t) => ({ ...t, when }));
    case 'named':
      return {
        ...pathway,
        conditions: pathway.conditions.map((c): NamedCondition =>
          c.name === target.name ? { ...c, when } : c,
        ),
      };
    case 'alert':
      return {
        ...pathway,
        alerts: pathway.alerts.map((a): Alert => (a.id === target.id ? { ...a, when } : a)),
      };
    case 'follow-up':
      return updateFollowUp(pathway, target, (f) => setFollowUpCondition(f, target.field, when));
  }
}

/** The schema path of a condition, as lint and schema errors name it (`steps[2].transitions[0].when`). */
export function conditionPath(pathway: Pathway, target: ConditionTarget): string {
  switch (target.kind) {
    case 'transition':
      return `steps[${pathway.steps.findIndex((s) => s.id === target.stepId)}].transitions[${target.index}].when`;
    case 'global':
      return `globalTransitions[${target.index}].when`;
    case 'named':
      return `conditions[${pathway.conditions.findIndex((c) => c.name === target.name)}].when`;
    case 'alert':
      return `alerts[${pathway.alerts.findIndex((a) => a.id === target.id)}].when`;
    case 'follow-up':
      return `${followUpPath(pathway, target)}.${target.field}`;
  }
}

/** Sets one language of a text, dropping it when emptied (the schema forbids empty strings). */
export function setText(texts: Texts | undefined, language: keyof Texts, value: string): Texts {
  const next: Texts = { ...(texts ?? {}) };
  if (value === '') delete next[language];
  else next[language] = value;
  return next;
}
