/**
 * The pathway's indicators as a cohort run evaluates them: compiled once per pathway and
 * thread (engine/indicators/evaluate.ts), then asked for each patient's memberships and
 * case-mix stratum.
 */
import { compileIndicators, type IndicatorEvaluator } from '../indicators/evaluate';
import type { IndicatorDirection, IndicatorInfo } from '../indicators/types';
import type { Pathway } from '../model/types';

/** What a cohort run needs of a pathway's indicators. */
export interface CohortIndicators extends IndicatorEvaluator {
  /** Direction per indicator id. */
  directions: ReadonlyMap<string, IndicatorDirection>;
}

const compiled = new WeakMap<Pathway, CohortIndicators>();

function compiledFor(pathway: Pathway): CohortIndicators {
  let indicators = compiled.get(pathway);
  if (indicators === undefined) {
    const evaluator = compileIndicators(pathway);
    indicators = {
      ...evaluator,
      directions: new Map(evaluator.infos.map((i) => [i.id, i.direction] as const)),
    };
    compiled.set(pathway, indicators);
  }
  return indicators;
}

/** The pathway's indicators, or undefined when it declares none. */
export function cohortIndicators(pathway: Pathway): CohortIndicators | undefined {
  if ((pathway.indicators ?? []).length === 0) return undefined;
  return compiledFor(pathway);
}

/** What a run keeps of each indicator's definition, in file order (none: empty). */
export function indicatorInfos(pathway: Pathway): IndicatorInfo[] {
  return cohortIndicators(pathway)?.infos ?? [];
}
