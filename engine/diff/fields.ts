/** Field-by-field comparison of two versions of one item (a step, an alert, a fact …). */
import type { Condition } from '../model/types';
import { sameValue } from './equal';
import { ruleChange } from './rule-change';
import type { FieldChange } from './types';

/** Fields that hold a condition; their changes carry a {@link RuleChange}. */
export const CONDITION_FIELDS: ReadonlySet<string> = new Set([
  'when',
  'appliesWhen',
  'dueWhen',
  'overdueWhen',
  'denominator',
  'numerator',
]);

/** One field's change, or undefined when both sides mean the same. */
export function fieldChange(
  field: string,
  before: unknown,
  after: unknown,
): FieldChange | undefined {
  if (sameValue(before, after)) return undefined;
  const change: FieldChange = {
    field,
    ...(before === undefined ? {} : { old: before }),
    ...(after === undefined ? {} : { new: after }),
  };
  if (CONDITION_FIELDS.has(field) && before !== undefined && after !== undefined)
    change.rule = ruleChange(before as Condition, after as Condition);
  return change;
}

/** The listed fields that differ between two items, in the order given. */
export function compareFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  return fields.flatMap((field) => fieldChange(field, before[field], after[field]) ?? []);
}
