/**
 * Keeping indicators true when a step is renamed: a step id appears in an indicator as the
 * term `$visited:<step>` and as a value compared with `$step`. The editor renames a step
 * everywhere it is named, these places included.
 */
import { mapCondition } from '../model/condition';
import type { Condition, Indicator } from '../model/types';
import { parseTerm } from './terms';

function renameIn(condition: Condition, from: string, to: string): Condition {
  return mapCondition(condition, (node) => {
    if (!('fact' in node)) return node;
    const term = parseTerm(node.fact);
    if (term?.kind === 'visited' && term.id === from) return { ...node, fact: `$visited:${to}` };
    if (term?.kind !== 'step') return node;
    const rename = (v: unknown): unknown => (v === from ? to : v);
    const value = Array.isArray(node.value) ? node.value.map(rename) : rename(node.value);
    return { ...node, value } as Condition;
  });
}

/** The indicators with step `from` renamed to `to`; the same array when none names it. */
export function renameStepInIndicators(
  indicators: readonly Indicator[],
  from: string,
  to: string,
): Indicator[] {
  return indicators.map((indicator) => {
    const denominator = renameIn(indicator.denominator, from, to);
    const numerator = renameIn(indicator.numerator, from, to);
    return JSON.stringify([denominator, numerator]) ===
      JSON.stringify([indicator.denominator, indicator.numerator])
      ? indicator
      : { ...indicator, denominator, numerator };
  });
}
