/**
 * Three-valued (Kleene) logic on top of json-rules-engine, which only knows true and false.
 *
 * Every condition is run twice. In the "F" run an unknown comparison counts as false
 * where it sits under an even number of `not`s and as true under an odd number; the "T"
 * run does the opposite. Because each occurrence is pushed towards the same end on its
 * own, the F run is true exactly when Kleene logic says true, and the T run is false
 * exactly when Kleene says false; otherwise the answer is unknown. Named conditions are
 * registered in both variants, because one name can be referenced under either polarity.
 */
import { isAll, isAny, isNot, isReference } from '../model/condition';
import type { Condition } from '../model/types';
import { variantName, type UnknownAs } from './operators';

/** A condition in json-rules-engine's shape (leaves carry a variant operator). */
export type EngineCondition =
  | { all: EngineCondition[] }
  | { any: EngineCondition[] }
  | { not: EngineCondition }
  | { condition: string }
  | { fact: string; operator: string; value: unknown };

/** A json-rules-engine top-level condition: a bare leaf is wrapped in `all`. */
export type TopCondition = Exclude<EngineCondition, { fact: string }>;

const flip = (u: UnknownAs): UnknownAs => (u === 'F' ? 'T' : 'F');

/** The registered name of a named condition's variant. */
export function namedVariant(name: string, unknownAs: UnknownAs): string {
  return `${name}~${unknownAs}`;
}

/** Rewrites a pathway condition into the json-rules-engine variant that reads unknown as `unknownAs`. */
export function toEngineCondition(condition: Condition, unknownAs: UnknownAs): EngineCondition {
  // Top-down (a `not` flips the variant of everything under it), so not a fold.
  if (isAll(condition)) return { all: condition.all.map((c) => toEngineCondition(c, unknownAs)) };
  if (isAny(condition)) return { any: condition.any.map((c) => toEngineCondition(c, unknownAs)) };
  if (isNot(condition)) return { not: toEngineCondition(condition.not, flip(unknownAs)) };
  if (isReference(condition)) return { condition: namedVariant(condition.condition, unknownAs) };
  return {
    fact: condition.fact,
    operator: variantName(condition.operator, unknownAs),
    value: condition.value,
  };
}

/** As {@link toEngineCondition}, wrapping a bare leaf so json-rules-engine accepts it at the top. */
export function toTopCondition(condition: Condition, unknownAs: UnknownAs): TopCondition {
  const converted = toEngineCondition(condition, unknownAs);
  return 'fact' in converted ? { all: [converted] } : converted;
}
