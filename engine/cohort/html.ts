/**
 * The cohort report as one self-contained HTML page (`cohort.html`): inline CSS and SVG, no
 * script, no network, in the report's language. Every label comes from the report, that is
 * from the pathway file; every other word from engine/cohort/words.ts. Charts: patients per
 * step; steps per health centre (the variation between centres); the pathway's most serious
 * alerts per 1 000 patients per centre; outcome measures overdue; the share of patients whose
 * placement needs information, with the facts most missing; and the pathway's indicators.
 */
import type { Severity } from '../model/types';
import type { CohortReport, GroupReport } from './report';
import { barChart, escapeXml, groupedBarChart, stackedShareChart, type NumberFormat } from './svg';
import { indicatorSectionHtml } from './indicator-section';
import { COHORT_WORDS, groupLabel, numberFormat, type CohortWords } from './words';

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em auto;max-width:820px;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}h3{font-size:1em;margin:1.5em 0 .2em}svg text{font:12px system-ui,sans-serif;fill:#222}
svg text.small{font-size:10px}table{border-collapse:collapse;margin:.5em 0}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}
td.n,th.n{text-align:right}figure{margin:0}figcaption{color:#555;margin:.3em 0 .6em}`;

/** Alert severities, most serious first. */
const SEVERITIES = ['critical', 'warning', 'info'] as const;

/**
 * The alerts the report compares between groups: the pathway's most serious ones (its critical
 * alerts, or its warnings if it has none), one series each, in pathway order.
 */
function comparedAlerts(report: CohortReport): { severity: Severity; ids: string[] } {
  for (const severity of SEVERITIES) {
    const ids = Object.keys(report.alerts).filter((id) => report.alerts[id]?.severity === severity);
    if (ids.length > 0) return { severity, ids };
  }
  return { severity: 'critical', ids: [] };
}

function per1000(g: GroupReport, id: string): number {
  return g.alerts[id]?.per1000 ?? 0;
}

function figure(title: string, caption: string, chart: string): string {
  return `<h2>${escapeXml(title)}</h2><figure><figcaption>${escapeXml(caption)}</figcaption>${chart}</figure>`;
}

function missingTable(
  report: CohortReport,
  groups: readonly [string, GroupReport][],
  words: CohortWords,
  fmt: NumberFormat,
): string {
  const rows = groups
    .map(([name, g]) => {
      const top = Object.entries(g.missingFacts)
        .slice(0, 5)
        .map(([fact, n]) => `${report.facts[fact]?.label ?? fact} (${fmt(n)})`)
        .join(', ');
      return `<tr><td>${escapeXml(groupLabel(name, words))}</td><td class="n">${escapeXml(fmt(Math.round(1000 * g.needsInformation.share) / 10))} %</td><td>${escapeXml(top)}</td></tr>`;
    })
    .join('');
  const by = escapeXml(words.groupField(report.by));
  return `<table><tr><th>${by}</th><th class="n">${escapeXml(words.needsInformation)}</th><th>${escapeXml(words.factsMostMissing)}</th></tr>${rows}</table>`;
}

function badLines(report: CohortReport, words: CohortWords, fmt: NumberFormat): string {
  if (report.badLines.length === 0) return '';
  const rows = report.badLines
    .map((b) => `<tr><td class="n">${b.line}</td><td>${escapeXml(b.message)}</td></tr>`)
    .join('');
  return `<h2>${escapeXml(words.linesNotEvaluated)}</h2><p>${escapeXml(words.linesNotEvaluatedText(fmt(report.totals.badLines), report.badLines.length))}</p><table><tr><th class="n">${escapeXml(words.line)}</th><th>${escapeXml(words.problem)}</th></tr>${rows}</table>`;
}

/** Renders the report page, in the report's language. */
export function cohortHtml(report: CohortReport): string {
  const words = COHORT_WORDS[report.language];
  const fmt = numberFormat(words);
  const groups = Object.entries(report.groups);
  const names = groups.map(([n]) => groupLabel(n, words));
  const stepIds = Object.keys(report.steps);
  const stepLabel = (id: string): string => report.steps[id]?.title ?? id;
  const followUpIds = Object.keys(report.all.followUps);
  const compared = comparedAlerts(report);
  const heading = `${report.pathway.title} — ${report.pathway.id} ${report.pathway.version}`;
  const by = words.groupField(report.by);
  const body = [
    `<h1>${escapeXml(words.reportTitle)}</h1><p>${escapeXml(words.summary(heading, report.asOf, fmt(report.totals.patients), fmt(report.totals.lines), fmt(report.totals.badLines)))}</p>`,
    figure(
      words.patientsPerStep,
      words.patientsPerStepCaption,
      barChart(
        'patients-per-step',
        words.patientsPerStep,
        stepIds.map((id) => ({ label: stepLabel(id), value: report.all.steps[id]?.final ?? 0 })),
        '',
        fmt,
      ),
    ),
    figure(
      words.stepsPer(by),
      words.stepsPerCaption(by),
      stackedShareChart(
        'steps-by-group',
        words.stepsPer(by),
        groups.map(([name, g]) => ({
          label: groupLabel(name, words),
          parts: stepIds.map((id) => g.steps[id]?.final ?? 0),
        })),
        stepIds.map(stepLabel),
        fmt,
      ),
    ),
    figure(
      words.alertsPer1000(compared.severity, by),
      words.alertsPer1000Caption(compared.severity),
      groupedBarChart(
        'alerts-per-1000',
        words.alertsChart,
        names,
        compared.ids.map((id) => ({
          name: report.alerts[id]?.title ?? id,
          values: groups.map(([, g]) => per1000(g, id)),
        })),
        '',
        fmt,
      ),
    ),
    figure(
      words.overduePer1000(by),
      words.overdueCaption,
      groupedBarChart(
        'follow-ups-overdue',
        words.overdueChart,
        names,
        followUpIds.map((id) => ({
          name: report.followUps[id]?.title ?? id,
          values: groups.map(([, g]) => g.followUps[id]?.overduePer1000 ?? 0),
        })),
        '',
        fmt,
      ),
    ),
    figure(
      words.needsInformationPer(by),
      words.needsInformationCaption,
      barChart(
        'needs-information',
        words.needsInformationChart,
        groups.map(([name, g]) => ({
          label: groupLabel(name, words),
          value: Math.round(1000 * g.needsInformation.share) / 10,
        })),
        ' %',
        fmt,
      ),
    ) + missingTable(report, groups, words, fmt),
    indicatorSectionHtml(report, words),
    badLines(report, words, fmt),
  ].join('\n');
  return `<!doctype html>
<html lang="${report.language}"><head><meta charset="utf-8"><title>${escapeXml(`${words.reportTitle} — ${report.pathway.id} ${report.pathway.version}`)}</title>
<link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head><body>
${body}
</body></html>
`;
}
