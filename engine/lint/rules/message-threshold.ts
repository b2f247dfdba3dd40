/**
 * message-threshold: an alert message, transition reason or named-condition description that
 * names a threshold its condition does not use ("≥ 50" in the text while the condition says
 * `opioidMme ≥ 40`). The clinician reads the text, the engine the condition; when they
 * disagree one of them is wrong.
 *
 * Deliberately conservative, to stay silent on ordinary numbers ("6 ICD-10 criteria",
 * "8–10", "CBT-I"): a number counts only when a comparison sign (≥ ≤ > < = ≠) or a
 * comparison word (sv, da, en: "over", "högst", "mindst", "threshold" …) stands right before
 * it, or when the unit of a fact the condition compares is written right after it
 * ("90 MME/day", or the unit in the text's language: "90 MME/dygn"). It is flagged when no
 * literal of any leaf of the condition (named conditions included) is that number; a number
 * with a fact's unit after it must be a literal compared with a fact of that unit ("≥ 50
 * MME/day" is flagged when only `age ≥ 50` uses 50). `{fact}` placeholders are never numbers.
 */
import { conditionLeaves, namedConditions, valueFact } from '../../model/condition';
import { LANGUAGES } from '../../model/schema';
import type { PathSegment } from '../../model/path';
import { formatUnit } from '../../describe/format';
import type { Condition, Fact, Language, LeafCondition, Pathway, Texts } from '../../model/types';
import type { PathwayRule } from '../context';
import { languageName } from '../describe';
import { makeIssue, type Location } from '../issue';
import type { LintIssue } from '../types';

/** Words that make the number after them a threshold, in the pathway languages. */
const COMPARISON_WORDS = [
  // en
  'over',
  'above',
  'under',
  'below',
  'at least',
  'at most',
  'more than',
  'less than',
  'fewer than',
  'greater than',
  'threshold',
  'cut-off',
  'cutoff',
  // sv
  'över',
  'minst',
  'högst',
  'mer än',
  'mindre än',
  'fler än',
  'färre än',
  'gräns',
  'gränsvärde',
  'tröskel',
  // da
  'mindst',
  'højst',
  'mere end',
  'mindre end',
  'flere end',
  'færre end',
  'grænse',
  'grænseværdi',
  'tærskel',
];

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const SIGNED = new RegExp(String.raw`(?:≥|≤|>=|<=|≠|>|<|=)\s*${NUMBER}`, 'gu');
const WORDED = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])(?:${COMPARISON_WORDS.join('|')})\s+${NUMBER}`,
  'giu',
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, String.raw`\$&`);
}

/**
 * A number the message states as a threshold, with the words that make it one, and the unit
 * written right after it (as given in `units`), when there is one.
 */
interface Stated {
  readonly value: number;
  readonly text: string;
  readonly unit?: string;
}

/**
 * The threshold-like numbers of a message: after a sign or word, or before one of `units`.
 * A number followed by one of `units` carries it (the longest unit that fits).
 */
export function statedThresholds(message: string, units: readonly string[]): Stated[] {
  // Placeholders are filled with the patient's values: never thresholds.
  const text = message.replace(/\{[^{}]*\}/g, ' ');
  const longestFirst = [...units].sort((a, b) => b.length - a.length);
  const unitAt = (index: number): string | undefined =>
    longestFirst.find((unit) =>
      new RegExp(String.raw`^\s*${escape(unit)}(?![\p{L}])`, 'iu').test(text.slice(index)),
    );
  const found: Stated[] = [];
  const seen = new Set<number>();
  const add = (match: RegExpMatchArray): void => {
    const raw = match[1];
    const start = match.index;
    if (raw === undefined || start === undefined) return;
    // The same number found by a sign and by its unit is one statement.
    const numberEnd = start + match[0].lastIndexOf(raw) + raw.length;
    if (seen.has(numberEnd)) return;
    seen.add(numberEnd);
    const unit = unitAt(numberEnd);
    const stated = { value: Number(raw.replace(',', '.')), text: match[0].trim() };
    found.push(unit === undefined ? stated : { ...stated, unit });
  };
  for (const match of text.matchAll(SIGNED)) add(match);
  for (const match of text.matchAll(WORDED)) add(match);
  for (const unit of units) {
    const after = new RegExp(
      String.raw`(?<![\p{L}\p{N}.,])${NUMBER}\s*${escape(unit)}(?![\p{L}])`,
      'giu',
    );
    for (const match of text.matchAll(after)) add(match);
  }
  return found;
}

/** Every number a leaf of `when` compares with (through named conditions). */
function conditionNumbers(when: Condition, named: ReturnType<typeof namedConditions>): Set<number> {
  const numbers = new Set<number>();
  for (const leaf of conditionLeaves(when, { named })) {
    if (valueFact(leaf) !== undefined) continue;
    const value: unknown = leaf.value;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (typeof item === 'number') numbers.add(item);
    }
  }
  return numbers;
}

/** A text that describes a condition: where it is, what to call it, its owner's location. */
interface Described {
  readonly when: Condition;
  readonly text: Texts;
  readonly path: readonly PathSegment[];
  readonly name: string;
  readonly at: Location;
}

/** Alert messages, transition reasons and named-condition descriptions, in document order. */
function describedConditions(doc: Pathway): Described[] {
  const out: Described[] = [];
  doc.conditions.forEach((c, i) => {
    if (c.description === undefined) return;
    out.push({
      when: c.when,
      text: c.description,
      path: ['conditions', i, 'description'],
      name: `Condition "${c.name}" description`,
      at: {},
    });
  });
  doc.globalTransitions.forEach((t, i) => {
    out.push({
      when: t.when,
      text: t.reason,
      path: ['globalTransitions', i, 'reason'],
      name: `Global transition to "${t.to}" reason`,
      at: { transitionIndex: i },
    });
  });
  doc.steps.forEach((step, s) => {
    step.transitions.forEach((t, i) => {
      out.push({
        when: t.when,
        text: t.reason,
        path: ['steps', s, 'transitions', i, 'reason'],
        name: `Step "${step.id}" transition to "${t.to}" reason`,
        at: { stepId: step.id, transitionIndex: i },
      });
    });
  });
  doc.alerts.forEach((alert, a) => {
    out.push({
      when: alert.when,
      text: alert.message,
      path: ['alerts', a, 'message'],
      name: `Alert "${alert.id}" message`,
      at: { alertId: alert.id },
    });
  });
  return out;
}

/** The literal numbers of `leaves` by the unit words of their facts, as written and in `language`. */
function numbersByUnit(
  leaves: readonly LeafCondition[],
  factOf: (name: string) => Fact | undefined,
  language: Language,
): Map<string, Set<number>> {
  const map = new Map<string, Set<number>>();
  for (const leaf of leaves) {
    const unit = factOf(leaf.fact)?.unit;
    // A one-letter or symbol unit ("%", "h") follows too many numbers to mean anything.
    if (unit === undefined || unit.length < 3 || valueFact(leaf) !== undefined) continue;
    const value: unknown = leaf.value;
    const numbers = (Array.isArray(value) ? (value as unknown[]) : [value]).filter(
      (v): v is number => typeof v === 'number',
    );
    for (const word of new Set([unit, formatUnit(unit, language)])) {
      map.set(word, new Set([...(map.get(word) ?? []), ...numbers]));
    }
  }
  return map;
}

/** The `message-threshold` rule; see the comment at the top of this file. */
export const messageThreshold: PathwayRule = {
  rule: 'message-threshold',
  check({ doc, facts }) {
    const named = namedConditions(doc);
    const factOf = (name: string): Fact | undefined => facts.get(name)?.item;
    const issues: LintIssue[] = [];
    for (const described of describedConditions(doc)) {
      const leaves = conditionLeaves(described.when, { named });
      const numbers = conditionNumbers(described.when, named);
      const used = [...numbers].sort((x, y) => x - y).join(', ');
      for (const language of LANGUAGES) {
        const text = described.text[language];
        if (text === undefined) continue;
        const byUnit = numbersByUnit(leaves, factOf, language);
        const reported = new Set<number>();
        for (const stated of statedThresholds(text, [...byUnit.keys()])) {
          // A number with a fact's unit after it is that fact's threshold: it must be one of
          // the numbers compared with a fact of that unit ("≥ 50 MME/day" is not age ≥ 50).
          const allowed =
            stated.unit === undefined ? numbers : (byUnit.get(stated.unit) ?? numbers);
          if (allowed.has(stated.value) || reported.has(stated.value)) continue;
          reported.add(stated.value);
          const theirs = [...allowed].sort((x, y) => x - y).join(', ');
          issues.push(
            makeIssue(
              'message-threshold',
              'warning',
              stated.unit === undefined || !numbers.has(stated.value)
                ? `${described.name} in ${languageName(language)} says "${stated.text}", but its condition uses no ${stated.value}${used === '' ? '' : ` (its numbers: ${used})`}`
                : `${described.name} in ${languageName(language)} says "${stated.text}${stated.text.toLowerCase().endsWith(stated.unit.toLowerCase()) ? '' : ` ${stated.unit}`}", but its condition compares no ${stated.unit} fact with ${stated.value} (its ${stated.unit} numbers: ${theirs})`,
              [...described.path, language],
              described.at,
            ),
          );
        }
      }
    }
    return issues;
  },
};
