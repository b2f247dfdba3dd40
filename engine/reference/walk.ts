/**
 * The reference's stepwise walk, over json-rules-engine's condition outcomes: from the
 * current step, take the first candidate whose condition is true (global transitions first,
 * then the step's own, each in file order), and repeat from the new step. An unknown
 * candidate stops the walk with `needs-information`.
 */
import type { Pathway, Step, Transition } from '../model/types';
import { candidatesOf } from '../evaluate/condition-set';
import type { EvaluationResult, TraceEntry } from '../evaluate/result';
import type { ConditionOutcome } from './condition-evaluator';

/** A candidate transition as the walk saw it. */
export interface Candidate {
  key: string;
  from: string;
  to: string;
  global: boolean;
  transition: Transition;
  outcome: ConditionOutcome;
}

export interface WalkOutcome {
  path: string[];
  taken: Candidate[];
  stopReason: EvaluationResult['stopReason'];
  /** The unknown candidate that stopped the walk. */
  pending?: Candidate;
  finalStep: Step;
  /** Whether the final step was entered during this evaluation (its time in step is then 0). */
  enteredDuringWalk: boolean;
  trace: TraceEntry[];
}

/** Supplies condition outcomes for the start step (facts as given) or for steps entered during the walk. */
export type OutcomeSource = (
  enteredDuringWalk: boolean,
) => Promise<ReadonlyMap<string, ConditionOutcome>>;

/** Runs the walk from `startId`. `steps` must contain every step id the pathway names (the linter and compile check it). */
export async function walk(
  pathway: Pathway,
  steps: ReadonlyMap<string, Step>,
  startId: string,
  outcomesFor: OutcomeSource,
): Promise<WalkOutcome> {
  const path = [startId];
  const visited = new Set(path);
  const taken: Candidate[] = [];
  const trace: TraceEntry[] = [];
  let current = steps.get(startId);
  let enteredDuringWalk = false;
  if (current === undefined) throw new Error(`walk started at unknown step ${startId}`);

  for (;;) {
    if (current.level === 'exit')
      return {
        path,
        taken,
        stopReason: 'exit-step',
        finalStep: current,
        enteredDuringWalk,
        trace,
      };
    const outcomes = await outcomesFor(enteredDuringWalk);
    let next: Candidate | undefined;
    for (const c of candidatesOf(pathway, current)) {
      const outcome = outcomes.get(c.key);
      if (outcome === undefined) throw new Error(`no outcome for ${c.key}`);
      const candidate: Candidate = { ...c, from: current.id, outcome };
      trace.push({
        source: c.key,
        from: current.id,
        to: c.to,
        result: outcome.truth,
        condition: outcome.node,
      });
      if (outcome.truth === 'false') continue;
      if (outcome.truth === 'unknown') {
        return {
          path,
          taken,
          stopReason: 'needs-information',
          pending: candidate,
          finalStep: current,
          enteredDuringWalk,
          trace,
        };
      }
      next = candidate;
      break;
    }
    if (next === undefined)
      return {
        path,
        taken,
        stopReason: 'no-candidate',
        finalStep: current,
        enteredDuringWalk,
        trace,
      };
    if (visited.has(next.to)) {
      // Loop guard: the patient stays where the walk is.
      return {
        path,
        taken,
        stopReason: 'loop-guard',
        finalStep: current,
        enteredDuringWalk,
        trace,
      };
    }
    const target = steps.get(next.to);
    if (target === undefined)
      throw new Error(`transition ${next.key} targets unknown step ${next.to}`);
    taken.push(next);
    path.push(target.id);
    visited.add(target.id);
    current = target;
    enteredDuringWalk = true;
  }
}
