/**
 * Fitting synthetic lines to one pathway version: a series of months can cross the date a new
 * version takes over, and a line must only give facts the version in effect defines (else the
 * cohort run refuses it as UNKNOWN_FACT). Facts the version lacks are left out; a current step
 * it lacks is left out (the walk starts at the entry step); a fact with allowed values keeps
 * only a value among them.
 */
import type { Pathway } from '../model/types';
import type { CohortLine } from './population';

/** What a version accepts from a line. */
export interface LineFit {
  /** Input facts (not derived) by name, with their allowed values when the dictionary lists them. */
  facts: ReadonlyMap<string, readonly unknown[] | undefined>;
  steps: ReadonlySet<string>;
}

/** The facts and steps of `pathway` a synthetic line may give. */
export function lineFitOf(pathway: Pathway): LineFit {
  return {
    facts: new Map(
      pathway.facts
        .filter((f) => f.derived === undefined || f.derived.kind === 'timeInStep')
        .map((f) => [f.name, f.values]),
    ),
    steps: new Set(pathway.steps.map((s) => s.id)),
  };
}

/** `line` with only what `fit` accepts (a new object; the line is not changed). */
export function fitLine(line: CohortLine, fit: LineFit): CohortLine {
  const facts: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(line.facts)) {
    if (!fit.facts.has(name)) continue;
    const allowed = fit.facts.get(name);
    if (allowed !== undefined && !Array.isArray(value) && !allowed.includes(value)) continue;
    facts[name] = value;
  }
  const out: CohortLine = { id: line.id, healthCentre: line.healthCentre, facts };
  if (line.currentStep !== undefined && fit.steps.has(line.currentStep.id))
    out.currentStep = line.currentStep;
  return out;
}
