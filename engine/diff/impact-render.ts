/** The impact report as text, Markdown (for a pull request) or JSON. */
import type { Language } from '../model/types';
import { impactCounts, type ImpactGroup, type ImpactRow, type OutcomeSummary } from './impact';
import { IMPACT_WORDS } from './impact-words';
import type { DiffFormat } from './render';

/** Everything an impact report shows. */
export interface ImpactReport {
  id: string;
  oldVersion: string;
  newVersion: string;
  /** The scenarios first, then each patients file. */
  groups: ImpactGroup[];
}

function outcome(o: OutcomeSummary): string {
  if (o.error !== undefined) return `error ${o.error}`;
  return o.status === 'needs-information' ? `${o.step ?? ''} (needs-information)` : (o.step ?? '');
}

function alertChange(row: ImpactRow): string {
  return [...row.alertsAdded.map((a) => `+ ${a}`), ...row.alertsRemoved.map((a) => `- ${a}`)].join(
    ', ',
  );
}

/** `step a → b; alerts + x` for one row. */
function rowText(row: ImpactRow, lang: Language): string {
  const words = IMPACT_WORDS[lang];
  const parts: string[] = [];
  if (row.differences.some((d) => d !== 'alerts'))
    parts.push(`${words.step} ${outcome(row.old)} → ${outcome(row.new)}`);
  if (row.differences.includes('alerts')) parts.push(`${words.alerts} ${alertChange(row)}`);
  return `${row.who}: ${parts.join('; ')}`;
}

function groupTitle(group: ImpactGroup, lang: Language): string {
  const words = IMPACT_WORDS[lang];
  return group.name === 'scenarios' ? words.scenarios : `${words.patients} (${group.name})`;
}

function countLine(group: ImpactGroup, lang: Language): string {
  const words = IMPACT_WORDS[lang];
  const c = impactCounts(group);
  const bad = group.badLines.length > 0 ? `; ${words.badLines(group.badLines.length)}` : '';
  return `${words.counts(group.evaluated, c.differ)} (${words.byKind(c.step, c.alerts, c.other)})${bad}`;
}

function renderText(report: ImpactReport, lang: Language): string {
  const words = IMPACT_WORDS[lang];
  const lines = [words.title(report.id, report.oldVersion, report.newVersion)];
  for (const group of report.groups) {
    lines.push('', `${groupTitle(group, lang)}: ${countLine(group, lang)}`);
    for (const row of group.rows) lines.push(`  ${rowText(row, lang)}`);
    for (const bad of group.badLines)
      lines.push(`  ${words.error}: ${words.line(bad.line)}: ${bad.message}`);
  }
  if (report.groups.every((g) => g.rows.length === 0)) lines.push('', words.noneDiffer);
  return lines.join('\n');
}

/** Makes text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function renderMarkdown(report: ImpactReport, lang: Language): string {
  const words = IMPACT_WORDS[lang];
  const lines = [`### ${words.title(report.id, report.oldVersion, report.newVersion)}`];
  for (const group of report.groups) {
    lines.push('', `#### ${groupTitle(group, lang)}`, '', countLine(group, lang));
    if (group.rows.length > 0) {
      lines.push(
        '',
        `| ${words.who} | ${report.oldVersion} | ${report.newVersion} | ${words.alerts} |`,
        '|---|---|---|---|',
      );
      for (const row of group.rows) {
        const stepChanged = row.differences.some((d) => d !== 'alerts');
        const after = stepChanged ? `**${cell(outcome(row.new))}**` : cell(outcome(row.new));
        lines.push(
          `| ${cell(row.who)} | ${cell(outcome(row.old))} | ${after} | ${cell(alertChange(row))} |`,
        );
      }
    }
    if (group.badLines.length > 0) {
      lines.push('');
      for (const bad of group.badLines)
        lines.push(`- ${words.error}: ${words.line(bad.line)}: ${cell(bad.message)}`);
    }
  }
  if (report.groups.every((g) => g.rows.length === 0)) lines.push('', words.noneDiffer);
  return lines.join('\n');
}

function renderJson(report: ImpactReport): string {
  return JSON.stringify(
    {
      pathway: report.id,
      old: report.oldVersion,
      new: report.newVersion,
      groups: report.groups.map((g) => ({
        name: g.name,
        evaluated: g.evaluated,
        ...impactCounts(g),
        badLines: g.badLines,
        rows: g.rows,
      })),
    },
    null,
    2,
  );
}

/** Renders an impact report. */
export function renderImpact(
  report: ImpactReport,
  options: { format: DiffFormat; lang: Language },
): string {
  switch (options.format) {
    case 'text':
      return renderText(report, options.lang);
    case 'md':
      return renderMarkdown(report, options.lang);
    case 'json':
      return renderJson(report);
  }
}
