/**
 * A changed field in words: a threshold (`weeksInStep ≥ 12 → ≥ 8`), both rules, the items
 * added to or removed from a list, or an old and a new text.
 */
import type { Condition, Language, LeafCondition, Texts } from '../model/types';
import {
  describeComparison,
  describeCondition,
  describeLeaf,
  isThresholdLeaf,
} from './condition-words';
import { sameValue } from './equal';
import type { FieldChange, RuleChange } from './types';
import { describeItem, describeValue, isTexts } from './value-words';
import { DIFF_WORDS } from './words';

/** One line of detail under an entry. */
export type Detail =
  /** An old and a new value; `inline` when both are short enough for `old → new` on one line. */
  | { kind: 'change'; label: string; before: string; after: string; inline: boolean }
  /** A finished statement, such as a threshold change or the items added to a list. */
  | { kind: 'note'; label: string; text: string };

const INLINE_LIMIT = 70;

/** The label of a field in the reader's language. */
export function fieldLabel(field: string, language: Language): string {
  return DIFF_WORDS[language].fields[field] ?? field;
}

/** `weeksInStep ≥ 12 → ≥ 8`, or `onOpioid → not onOpioid` for comparisons that read as words. */
export function describeThreshold(
  change: Extract<RuleChange, { kind: 'threshold' }>,
  language: Language,
): string {
  const before = { fact: change.fact, ...change.old } as LeafCondition;
  const after = { fact: change.fact, ...change.new } as LeafCondition;
  if (isThresholdLeaf(before) && isThresholdLeaf(after))
    return `${change.fact} ${describeComparison(before.operator, before.value, language)} → ${describeComparison(after.operator, after.value, language)}`;
  return `${describeLeaf(before, language)} → ${describeLeaf(after, language)}`;
}

/** Languages whose text differs between two texts objects. */
function languagesChanged(before: Texts, after: Texts): string[] {
  return (['sv', 'da', 'en'] as const).filter((l) => before[l] !== after[l]);
}

/** A value as JSON, for changes that words would hide (a source's text, a reference's title). */
function showJson(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function change(label: string, before: string, after: string): Detail {
  const inline =
    before.length <= INLINE_LIMIT &&
    after.length <= INLINE_LIMIT &&
    !before.includes('\n') &&
    !after.includes('\n');
  return { kind: 'change', label, before, after, inline };
}

function listDetail(
  label: string,
  before: unknown[],
  after: unknown[],
  language: Language,
): Detail {
  const words = DIFF_WORDS[language];
  const a = before.map((i) => describeItem(i, language));
  const b = after.map((i) => describeItem(i, language));
  const added = b.filter((x) => !a.includes(x));
  const removed = a.filter((x) => !b.includes(x));
  if (added.length > 0 || removed.length > 0) {
    const parts = [...added.map((x) => `+ ${x}`), ...removed.map((x) => `- ${x}`)];
    return { kind: 'note', label, text: parts.join('; ') };
  }
  if (a.join('\u0000') !== b.join('\u0000'))
    return {
      kind: 'note',
      label,
      text: `${words.reorderedOnly}: ${a.join('; ')} → ${b.join('; ')}`,
    };
  const changed = before.flatMap((item, i) =>
    sameValue(item, after[i]) ? [] : [[item, after[i]] as const],
  );
  if (changed.every(([x, y]) => isTexts(x) && isTexts(y))) {
    const languages = new Set(
      changed.flatMap(([x, y]) => languagesChanged(x as Texts, y as Texts)),
    );
    return { kind: 'note', label, text: words.textChangedIn([...languages].join(', ')) };
  }
  const text = changed.map(([x, y]) => `${showJson(x)} → ${showJson(y)}`).join('; ');
  return { kind: 'note', label, text };
}

/** The detail line for one changed field; `label` overrides the field's own label ('' for none). */
export function describeFieldChange(
  field: FieldChange,
  language: Language,
  label = fieldLabel(field.field, language),
): Detail {
  const words = DIFF_WORDS[language];
  if (field.rule?.kind === 'threshold')
    return { kind: 'note', label, text: describeThreshold(field.rule, language) };
  if (field.rule?.kind === 'rule') {
    const before = describeCondition(field.old as Condition, language);
    const after = describeCondition(field.new as Condition, language);
    return { kind: 'change', label, before, after, inline: false };
  }
  if (Array.isArray(field.old) && Array.isArray(field.new))
    return listDetail(label, field.old, field.new, language);
  const before = describeValue(field.field, field.old, language);
  const after = describeValue(field.field, field.new, language);
  if (before !== after) return change(label, before, after);
  if (isTexts(field.old) && isTexts(field.new)) {
    const languages = languagesChanged(field.old, field.new).join(', ');
    return { kind: 'note', label, text: words.textChangedIn(languages) };
  }
  return change(label, showJson(field.old), showJson(field.new));
}
