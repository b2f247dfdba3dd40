/**
 * The whole pathway as a clinical board reads it on paper: metadata, the steps in the order a
 * patient meets them with their actions, follow-ups and transitions, then the transitions from
 * any step, the named conditions, the alerts, the pathway's own follow-ups, the facts and the
 * references. Conditions are put in words by the engine's `summarizeCondition` (the canvas
 * labels' wording), never by a wording of this file's own. Pure and language-aware.
 */
import type { Language, Pathway } from '../../../engine/index';
import {
  type Condition,
  type FollowUp,
  formatUnit,
  type Level,
  pickText,
  summarizeCondition,
  type Transition,
} from '../../../engine/editor';
import { timingOf, type Timing } from '../model/follow-ups';
import { stepOrder } from '../model/step-order';

// The order is shared with the canvas's keyboard order; exported here as before.
export { stepOrder };

/** A transition in words. */
export interface PrintTransition {
  /** 1-based: the first that holds is taken. */
  order: number;
  to: string;
  toTitle: string;
  when: string;
  reason: string;
}

/** A follow-up in words. */
export interface PrintFollowUp {
  id: string;
  title: string;
  timing: Timing | null;
  windowDays: number | null;
  measures: string[];
  appliesWhen: string | null;
  dueWhen: string | null;
  overdueWhen: string | null;
  references: string[];
}

/** A step in words. */
export interface PrintStep {
  id: string;
  title: string;
  level: Level;
  isEntry: boolean;
  description: string;
  actions: string[];
  followUps: PrintFollowUp[];
  transitions: PrintTransition[];
  references: string[];
}

/** An alert in words. */
export interface PrintAlert {
  id: string;
  severity: 'critical' | 'warning' | 'info';
  title: string;
  message: string;
  when: string;
  references: string[];
}

/** Everything the printable page shows. */
export interface PrintablePathway {
  id: string;
  version: string;
  status: string;
  effectiveFrom: string;
  effectiveTo: string | undefined;
  title: string;
  description: string;
  entryStep: string;
  steps: PrintStep[];
  globalTransitions: PrintTransition[];
  namedConditions: { name: string; description: string; when: string }[];
  alerts: PrintAlert[];
  followUps: PrintFollowUp[];
  facts: { name: string; label: string; unit: string }[];
  references: { id: string; title: string; publisher: string; year: string; url: string }[];
}

/** The printable pathway in `language`. */
export function printablePathway(pathway: Pathway, language: Language): PrintablePathway {
  const words = (condition: Condition | undefined): string | null =>
    condition === undefined ? null : summarizeCondition(pathway, condition, language);
  const stepTitle = (id: string): string =>
    pickText(pathway.steps.find((s) => s.id === id)?.title, language) || id;
  const transition = (t: Transition, i: number): PrintTransition => ({
    order: i + 1,
    to: t.to,
    toTitle: stepTitle(t.to),
    when: summarizeCondition(pathway, t.when, language),
    reason: pickText(t.reason, language),
  });
  const measureTitle = (id: string): string =>
    pickText(pathway.measures.find((m) => m.id === id)?.title, language) || id;
  const followUp = (f: FollowUp): PrintFollowUp => ({
    id: f.id,
    title: pickText(f.title, language) || f.id,
    timing: timingOf(f),
    windowDays: f.windowDays ?? null,
    measures: f.measures.map(measureTitle),
    appliesWhen: words(f.appliesWhen),
    dueWhen: words(f.dueWhen),
    overdueWhen: words(f.overdueWhen),
    references: f.references ?? [],
  });
  const byId = new Map(pathway.steps.map((s) => [s.id, s]));
  return {
    id: pathway.id,
    version: pathway.version,
    status: pathway.status,
    effectiveFrom: pathway.effective.from,
    effectiveTo: pathway.effective.to,
    title: pickText(pathway.title, language) || pathway.id,
    description: pickText(pathway.description, language),
    entryStep: stepTitle(pathway.entryStep),
    steps: stepOrder(pathway).flatMap((id) => {
      const step = byId.get(id);
      if (step === undefined) return [];
      return [
        {
          id,
          title: pickText(step.title, language) || id,
          level: step.level,
          isEntry: id === pathway.entryStep,
          description: pickText(step.description, language),
          actions: step.actions.map((a) => pickText(a, language)).filter((a) => a !== ''),
          followUps: step.followUps.map(followUp),
          transitions: step.transitions.map(transition),
          references: step.references ?? [],
        },
      ];
    }),
    globalTransitions: pathway.globalTransitions.map(transition),
    namedConditions: pathway.conditions.map((c) => ({
      name: c.name,
      description: pickText(c.description, language),
      when: summarizeCondition(pathway, c.when, language),
    })),
    alerts: pathway.alerts.map((a) => ({
      id: a.id,
      severity: a.severity,
      title: pickText(a.title, language),
      message: pickText(a.message, language),
      when: summarizeCondition(pathway, a.when, language),
      references: a.references ?? [],
    })),
    followUps: pathway.followUps.map(followUp),
    facts: pathway.facts.map((f) => ({
      name: f.name,
      label: pickText(f.label, language) || f.name,
      unit: f.unit === undefined ? '' : formatUnit(f.unit, language),
    })),
    references: pathway.references.map((r) => ({
      id: r.id,
      title: r.title,
      publisher: r.publisher ?? '',
      year: r.year === undefined ? '' : String(r.year),
      url: r.url ?? '',
    })),
  };
}
