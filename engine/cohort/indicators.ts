/**
 * The pathway's indicators as a cohort run evaluates them: compiled once per pathway and
 * thread, then asked for each patient's memberships and case-mix stratum.
 */
import type { Outcome } from '../evaluate/outcome';
import type { IndicatorDirection, IndicatorInfo, IndicatorMembership } from '../indicators/types';
import type { Pathway } from '../model/types';

/** What a cohort run needs of a pathway's indicators. */
export interface CohortIndicators {
  /** Direction per indicator id. */
  directions: ReadonlyMap<string, IndicatorDirection>;
  /** One patient's memberships, one per indicator, in file order. */
  evaluate(facts: Record<string, unknown>, outcome: Outcome): IndicatorMembership[];
  /** The patient's case-mix stratum key; undefined when the pathway declares no case mix. */
  stratum(facts: Record<string, unknown>, outcome: Outcome): string | undefined;
}

/** The pathway's indicators, or undefined when it declares none. */
export function cohortIndicators(pathway: Pathway): CohortIndicators | undefined {
  void pathway;
  return undefined;
}

/** What a run keeps of each indicator's definition, in file order. */
export function indicatorInfos(pathway: Pathway): IndicatorInfo[] {
  void pathway;
  return [];
}
