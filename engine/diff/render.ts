/**
 * `renderDiff(diff, { format, lang })`: the semantic diff as plain text (terminals and
 * `git diff`), Markdown (pull requests) or JSON (the editor, scripts). Entries are grouped
 * by area under headings; an empty diff says "no clinical change".
 */
import type { Language } from '../model/types';
import { describeEntry, type EntryView } from './entry-words';
import type { Detail } from './field-words';
import type { DiffArea, DiffEntry, PathwayDiff } from './types';
import { DIFF_WORDS } from './words';

/** Output formats of {@link renderDiff}. */
export type DiffFormat = 'text' | 'md' | 'json';

/** Options of {@link renderDiff}. */
export interface RenderDiffOptions {
  format: DiffFormat;
  lang: Language;
}

type Heading = Exclude<DiffArea, 'transition'>;
const HEADINGS: readonly Heading[] = [
  'metadata',
  'drug-class',
  'mme-row',
  'fact',
  'condition',
  'measure',
  'global-transition',
  'step',
  'alert',
  'follow-up',
  'indicator',
];

/** Step transitions are listed with their steps. */
function headingOf(entry: DiffEntry): Heading {
  return entry.area === 'transition' ? 'step' : entry.area;
}

/** `chronic-pain 1.0.0 → 1.1.0` (both ids when they differ). */
function title(diff: PathwayDiff): string {
  return diff.old.id === diff.new.id
    ? `${diff.new.id} ${diff.old.version} → ${diff.new.version}`
    : `${diff.old.id} ${diff.old.version} → ${diff.new.id} ${diff.new.version}`;
}

/** The first line: what was compared and how many changes, or that nothing changed clinically. */
export function diffHeadline(diff: PathwayDiff, lang: Language): string {
  const words = DIFF_WORDS[lang];
  return `${title(diff)}: ${diff.entries.length === 0 ? words.noChange : words.changes(diff.entries.length)}`;
}

function groups(diff: PathwayDiff): [Heading, DiffEntry[]][] {
  return HEADINGS.flatMap((heading) => {
    const entries = diff.entries.filter((e) => headingOf(e) === heading);
    return entries.length === 0 ? [] : [[heading, entries] as [Heading, DiffEntry[]]];
  });
}

function withLabel(label: string, text: string): string {
  return label === '' ? text : `${label}: ${text}`;
}

function textDetail(detail: Detail, lang: Language): string[] {
  const words = DIFF_WORDS[lang];
  if (detail.kind === 'note') return [withLabel(detail.label, detail.text)];
  if (detail.inline) return [withLabel(detail.label, `${detail.before} → ${detail.after}`)];
  const width = Math.max(words.before.length, words.after.length) + 1;
  return [
    ...(detail.label === '' ? [] : [`${detail.label}:`]),
    `  ${`${words.before}:`.padEnd(width)} ${detail.before}`,
    `  ${`${words.after}:`.padEnd(width)} ${detail.after}`,
  ];
}

/** Indents the continuation lines of a multi-line text, so that it stays under its entry. */
function indentLines(text: string, indent: string): string {
  return text.split('\n').join(`\n${indent}`);
}

function textEntry(view: EntryView, lang: Language): string[] {
  const head = `  ${view.marker} ${view.subject}${view.summary === undefined ? '' : `: ${view.summary}`}`;
  return [
    indentLines(head, '      '),
    ...view.details.flatMap((d) =>
      textDetail(d, lang).map((line) => `      ${indentLines(line, '          ')}`),
    ),
  ];
}

function renderText(diff: PathwayDiff, lang: Language): string {
  const lines = [diffHeadline(diff, lang)];
  for (const [heading, entries] of groups(diff)) {
    lines.push('', DIFF_WORDS[lang].headings[heading]);
    for (const entry of entries) lines.push(...textEntry(describeEntry(entry, lang), lang));
  }
  return lines.join('\n');
}

/** Backticks for code spans; text with backticks in it gets a longer fence. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

function mdDetail(detail: Detail, lang: Language): string[] {
  const words = DIFF_WORDS[lang];
  if (detail.kind === 'note') return [`  - ${withLabel(detail.label, detail.text)}`];
  if (detail.inline)
    return [`  - ${withLabel(detail.label, `${detail.before} → ${detail.after}`)}`];
  return [
    `  - ${withLabel(detail.label, '')}`.trimEnd(),
    `    - ${words.before}: ${detail.before}`,
    `    - ${words.after}: ${detail.after}`,
  ].filter((line) => line.trim() !== '-');
}

const MD_MARKERS = { '+': '➕', '-': '➖', '~': '✏️' } as const;

function renderMarkdown(diff: PathwayDiff, lang: Language): string {
  const lines = [`### ${diffHeadline(diff, lang)}`];
  for (const [heading, entries] of groups(diff)) {
    lines.push('', `#### ${DIFF_WORDS[lang].headings[heading]}`, '');
    for (const entry of entries) {
      const view = describeEntry(entry, lang);
      lines.push(
        `- ${MD_MARKERS[view.marker]} ${code(view.subject)}${view.summary === undefined ? '' : `: ${view.summary}`}`,
      );
      lines.push(
        ...view.details.flatMap((d) => mdDetail(d, lang)).map((l) => indentLines(l, '      ')),
      );
    }
  }
  return lines.join('\n');
}

function renderJson(diff: PathwayDiff, lang: Language): string {
  const entries = diff.entries.map((entry) => ({
    ...entry,
    text: textEntry(describeEntry(entry, lang), lang).map((l) => l.trim()),
  }));
  return JSON.stringify(
    {
      old: diff.old,
      new: diff.new,
      changed: diff.entries.length > 0,
      summary: diffHeadline(diff, lang),
      entries,
    },
    null,
    2,
  );
}

/** Renders a semantic diff in the format and language asked for. */
export function renderDiff(diff: PathwayDiff, options: RenderDiffOptions): string {
  switch (options.format) {
    case 'text':
      return renderText(diff, options.lang);
    case 'md':
      return renderMarkdown(diff, options.lang);
    case 'json':
      return renderJson(diff, options.lang);
  }
}
