/**
 * A changed field in words: a threshold (`weeksInStep ≥ 12 → ≥ 8`), both rules, the items
 * added to or removed from a list, or an old and a new text.
 */
import type { Condition, Language, LeafCondition } from '../model/types';
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

/** Languages whose text differs between two texts objects (or lists of them). */
function languagesChanged(before: unknown, after: unknown): string[] {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
  const a = list(before);
  const b = list(after);
  return (['sv', 'da', 'en'] as const).filter((l) =>
    a.some((t, i) => !sameValue(isTexts(t) ? t[l] : t, isTexts(b[i]) ? b[i][l] : b[i])),
  );
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
  const languages = languagesChanged(before, after);
  if (languages.length > 0)
    return { kind: 'note', label, text: words.textChangedIn(languages.join(', ')) };
  return change(label, JSON.stringify(before), JSON.stringify(after));
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
  if (before === after && isTexts(field.old) && isTexts(field.new))
    return {
      kind: 'note',
      label,
      text: words.textChangedIn(languagesChanged(field.old, field.new).join(', ')),
    };
  return change(label, before, after);
}
