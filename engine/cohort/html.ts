/**
 * The cohort report as one self-contained HTML page (`cohort.html`): inline CSS and SVG, no
 * script, no network. Everything it names comes from the report, that is from the pathway.
 * Charts: patients per step; steps per health centre (the variation between centres); the
 * pathway's most serious alerts per 1 000 patients per centre; outcome measures overdue;
 * and the share of patients whose placement needs information, with the facts most missing.
 */
import type { CohortReport, GroupReport } from './report';
import { barChart, escapeXml, groupedBarChart, stackedShareChart } from './svg';

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em auto;max-width:820px;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}svg text{font:12px system-ui,sans-serif;fill:#222}
svg text.small{font-size:10px}table{border-collapse:collapse;margin:.5em 0}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}
td.n,th.n{text-align:right}figure{margin:0}figcaption{color:#555;margin:.3em 0 .6em}`;

/** Alert severities, most serious first. */
const SEVERITIES = ['critical', 'warning', 'info'] as const;

/**
 * The alerts the report compares between groups: the pathway's most serious ones (its critical
 * alerts, or its warnings if it has none), one series each, in pathway order.
 */
function comparedAlerts(report: CohortReport): { severity: string; ids: string[] } {
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

function missingTable(groups: readonly [string, GroupReport][]): string {
  const rows = groups
    .map(([name, g]) => {
      const top = Object.entries(g.missingFacts)
        .slice(0, 5)
        .map(([fact, n]) => `${fact} (${n.toLocaleString('en')})`)
        .join(', ');
      return `<tr><td>${escapeXml(name)}</td><td class="n">${(100 * g.needsInformation.share).toFixed(1)} %</td><td>${escapeXml(top)}</td></tr>`;
    })
    .join('');
  return `<table><tr><th>group</th><th class="n">needs information</th><th>facts most often missing</th></tr>${rows}</table>`;
}

/** Renders the report page. */
export function cohortHtml(report: CohortReport): string {
  const groups = Object.entries(report.groups);
  const names = groups.map(([n]) => n);
  const stepIds = Object.keys(report.steps);
  const followUpIds = Object.keys(report.all.followUps);
  const compared = comparedAlerts(report);
  const heading = `${report.pathway.title} — ${report.pathway.id} ${report.pathway.version}`;
  const by = report.by ?? 'group';
  const bad =
    report.badLines.length === 0
      ? ''
      : `<h2>Lines not evaluated</h2><p>${report.totals.badLines.toLocaleString('en')} lines could not be evaluated; the first ${report.badLines.length}:</p><table><tr><th class="n">line</th><th>problem</th></tr>${report.badLines
          .map((b) => `<tr><td class="n">${b.line}</td><td>${escapeXml(b.message)}</td></tr>`)
          .join('')}</table>`;
  const body = [
    `<h1>Cohort report</h1><p>${escapeXml(heading)}. Evaluated on ${escapeXml(report.asOf)}: ${report.totals.patients.toLocaleString('en')} patients from ${report.totals.lines.toLocaleString('en')} lines, ${report.totals.badLines.toLocaleString('en')} not evaluated.</p>`,
    figure(
      'Patients per step',
      'Where the pathway places each patient on the evaluation date.',
      barChart(
        'patients-per-step',
        'Patients per step',
        stepIds.map((id) => ({ label: id, value: report.all.steps[id]?.final ?? 0 })),
      ),
    ),
    figure(
      `Steps per ${by}`,
      `Share of each ${by}'s patients per step: the same pathway should place similar patients alike.`,
      stackedShareChart(
        'steps-by-group',
        `Steps per ${by}`,
        groups.map(([name, g]) => ({
          label: name,
          parts: stepIds.map((id) => g.steps[id]?.final ?? 0),
        })),
        stepIds,
      ),
    ),
    figure(
      `${compared.severity === 'critical' ? 'Critical alerts' : `Alerts (${compared.severity})`} per 1 000 patients per ${by}`,
      `The pathway's ${compared.severity} alerts, per 1 000 patients: the same pathway should raise them alike.`,
      groupedBarChart(
        'alerts-per-1000',
        'Alerts per 1 000 patients',
        names,
        compared.ids.map((id) => ({
          name: id,
          values: groups.map(([, g]) => per1000(g, id)),
        })),
      ),
    ),
    figure(
      `Outcome measures overdue per 1 000 patients per ${by}`,
      'Follow-up measurements past their window (for results to be followed up, they must be measured).',
      groupedBarChart(
        'follow-ups-overdue',
        'Outcome measures overdue per 1 000 patients',
        names,
        followUpIds.map((id) => ({
          name: id,
          values: groups.map(([, g]) => g.followUps[id]?.overduePer1000 ?? 0),
        })),
      ),
    ),
    figure(
      `Placement needs information, per ${by}`,
      'Share of patients whose next step cannot be decided from the data: a data-quality gap.',
      barChart(
        'needs-information',
        'Needs information (%)',
        groups.map(([name, g]) => ({
          label: name,
          value: Math.round(1000 * g.needsInformation.share) / 10,
        })),
        ' %',
      ),
    ) + missingTable(groups),
    bad,
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(`Cohort report — ${report.pathway.id} ${report.pathway.version}`)}</title>
<link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head><body>
${body}
</body></html>
`;
}
