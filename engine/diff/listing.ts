/**
 * The clinical listing of one pathway document: one line per rule, in a fixed order, in
 * the reader's language. Git's `textconv` shows a line diff of two listings (in `git log
 * -p` and `git show`, where external diff drivers do not run by default), so each line
 * carries everything a reviewer needs to read its change in isolation: a step's transition
 * line names the step, its position, the target and the condition.
 */
import type { FollowUp, Language, Pathway, Transition } from '../model/types';
import { describeCondition } from './condition-words';
import { fieldLabel } from './field-words';
import { describeValue, quoteText } from './value-words';
import { DIFF_WORDS } from './words';

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

function transitionLines(
  prefix: string,
  list: readonly Transition[],
  language: Language,
): string[] {
  const words = DIFF_WORDS[language];
  return list.flatMap((t, i) => [
    `${prefix} ${words.transition(i + 1)} → ${t.to}: ${describeCondition(t.when, language)}`,
    `${prefix} ${words.transition(i + 1)} → ${t.to}: ${fieldLabel('reason', language)} ${quoteText(t.reason, language)}`,
  ]);
}

function followUpLine(prefix: string, f: FollowUp, language: Language): string {
  const parts = [quoteText(f.title, language), f.measures.join(', ')];
  for (const field of ['at', 'windowDays', 'appliesWhen', 'dueWhen', 'overdueWhen'] as const)
    if (f[field] !== undefined)
      parts.push(`${fieldLabel(field, language)} ${describeValue(field, f[field], language)}`);
  return `${prefix}follow-up ${f.id}: ${parts.join('; ')}`;
}

/** Lists a pathway document as lines of clinical content (for `git diff` textconv). */
export function clinicalListing(p: Pathway, language: Language): string {
  const field = (name: string, value: unknown): string =>
    `${fieldLabel(name, language)}: ${describeValue(name, value, language)}`;
  const lines = [
    `pathway ${p.id} ${p.version}`,
    field('status', p.status),
    field('effective.from', p.effective.from),
    field('effective.to', p.effective.to),
    // Only when set, so the listing of a pathway without one reads as it always has.
    ...(p.timeZone === undefined ? [] : [field('timeZone', p.timeZone)]),
    field('title', p.title),
    field('description', p.description),
    field('languages', p.languages),
    field('entryStep', p.entryStep),
    field('mmeTable', p.mmeTable),
    ...p.references.map(
      (r) =>
        `reference ${r.id}: ${[r.title, r.publisher, r.year, r.url].filter((x) => x !== undefined).join(', ')}`,
    ),
  ];
  for (const f of [...p.facts].sort(byKey((x) => x.name))) {
    const parts = [
      f.unit === undefined ? f.type : `${f.type} (${f.unit})`,
      quoteText(f.label, language),
    ];
    if (f.range !== undefined)
      parts.push(`${fieldLabel('range', language)} ${describeValue('range', f.range, language)}`);
    if (f.values !== undefined)
      parts.push(`${fieldLabel('values', language)} ${f.values.join(', ')}`);
    if (f.derived !== undefined)
      parts.push(
        `${fieldLabel('derived', language)} ${describeValue('derived', f.derived, language)}`,
      );
    if (f.source !== undefined)
      parts.push(
        `${fieldLabel('source', language)} ${describeValue('source', f.source, language)}`,
      );
    lines.push(`fact ${f.name}: ${parts.join('; ')}`);
  }
  for (const c of [...p.conditions].sort(byKey((x) => x.name)))
    lines.push(`condition ${c.name}: ${describeCondition(c.when, language)}`);
  for (const m of [...p.measures].sort(byKey((x) => x.id)))
    lines.push(
      `measure ${m.id}: ${quoteText(m.title, language)}${m.facts === undefined ? '' : ` (${m.facts.join(', ')})`}`,
    );
  lines.push(...transitionLines('global', p.globalTransitions, language));
  for (const s of [...p.steps].sort(byKey((x) => x.id))) {
    lines.push(`step ${s.id}: ${s.level}, ${quoteText(s.title, language)}`);
    for (const action of s.actions)
      lines.push(`step ${s.id}: ${fieldLabel('actions', language)} ${quoteText(action, language)}`);
    lines.push(...transitionLines(`step ${s.id}`, s.transitions, language));
    for (const f of [...s.followUps].sort(byKey((x) => x.id)))
      lines.push(followUpLine(`step ${s.id}: `, f, language));
  }
  for (const a of [...p.alerts].sort(byKey((x) => x.id))) {
    lines.push(`alert ${a.id} (${a.severity}): ${describeCondition(a.when, language)}`);
    lines.push(
      `alert ${a.id} (${a.severity}): ${fieldLabel('message', language)} ${quoteText(a.message, language)}`,
    );
  }
  for (const f of [...p.followUps].sort(byKey((x) => x.id)))
    lines.push(followUpLine('', f, language));
  return `${lines.join('\n')}\n`;
}
