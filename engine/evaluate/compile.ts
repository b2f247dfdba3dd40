/**
 * Preparing a pathway once for many evaluations: the integrity checks evaluation relies on,
 * lookups by id, and the generated form the evaluator of record runs (`engine/fast/`).
 */
import type { Pathway, Step } from '../model/types';
import { compilePopulation, type PopulationPathway } from '../fast/compile';

/** A pathway ready to evaluate patients. Immutable; safe to share between concurrent evaluations. */
export interface CompiledPathway {
  readonly pathway: Pathway;
  readonly steps: ReadonlyMap<string, Step>;
  /** The generated (population) form: conditions as generated code over fact slots. */
  readonly population: PopulationPathway;
}

/**
 * Prepares a validated pathway for evaluation.
 * @throws PathwayError if it cannot be evaluated (an unknown step or named condition, a cycle
 * of named conditions or derived facts, an unknown MME table).
 */
export function compilePathway(pathway: Pathway): CompiledPathway {
  return {
    pathway,
    steps: new Map(pathway.steps.map((s) => [s.id, s])),
    population: compilePopulation(pathway),
  };
}
