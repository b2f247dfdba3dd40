/**
 * The time-series chart of one indicator: a line per centre and one for the region, the
 * region's Wilson 95 % band, the target line and a vertical marker at every change of pathway
 * version, labelled `1.2.0 → 1.3.0` and linked to the semantic diff when a link is given.
 * Only figures the report shows are drawn: a suppressed rate is a gap in its line.
 */
import { escapeXml } from '../../cohort/svg';
import type { Language } from '../../model/types';
import type { GroupFigures, IndicatorSeries, ResultsReport } from '../types';
import { RESULTS_WORDS } from '../words';
import { groupColor, REGION_COLOR } from './colors';
import { formatFor } from './format';
import { chartSvg, px, shareGrid, type Frame } from './svg';

const BASE: Frame = { width: 820, height: 320, left: 56, right: 190, top: 34, bottom: 40 };

/** Options of {@link timeSeriesSvg}. */
export interface TimeSeriesOptions {
  lang: Language;
  /** The indicator's label in `lang`. */
  label: string;
  /** Link to "what changed" between two versions. */
  diffHref?: (from: string, to: string) => string;
}

/** The y range: from 0 to a little above the highest shown value, target and band included. */
function yMax(series: IndicatorSeries): number {
  let max = series.target ?? 0;
  for (const p of series.points) {
    max = Math.max(max, p.region.interval?.upper ?? 0);
    for (const c of Object.values(p.centres)) max = Math.max(max, c.rate ?? 0);
  }
  return Math.min(1, Math.max(0.1, Math.ceil((max + 0.02) * 10) / 10));
}

/** A path through consecutive shown values, with a gap where a value is hidden. */
function linePath(values: readonly (readonly [number, number] | null)[]): string {
  let d = '';
  let pen = false;
  for (const v of values) {
    if (v === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px(v[0])},${px(v[1])}`;
    pen = true;
  }
  return d;
}

/** The time-series chart of `series` on the report's time axis. */
export function timeSeriesSvg(
  report: ResultsReport,
  series: IndicatorSeries,
  options: TimeSeriesOptions,
): string {
  const w = RESULTS_WORDS[options.lang];
  const f = formatFor(options.lang);
  const n = Math.max(1, report.runs.length);
  // Tall enough for the legend: one line per centre and one for the region.
  const FRAME: Frame = {
    ...BASE,
    height: Math.max(BASE.height, BASE.top + BASE.bottom + (report.centres.length + 1) * 18 + 8),
  };
  const plotW = FRAME.width - FRAME.left - FRAME.right;
  const plotH = FRAME.height - FRAME.top - FRAME.bottom;
  const max = yMax(series);
  // Runs are placed by their as-of date, so an irregular series is not drawn as monthly.
  const days = report.runs.map((r) => Date.parse(`${r.asOf}T00:00:00Z`) / 86_400_000);
  const first = days[0] ?? 0;
  const span = (days[days.length - 1] ?? 0) - first;
  const x = (run: number): number =>
    FRAME.left + (span <= 0 ? plotW / 2 : (((days[run] ?? first) - first) / span) * plotW);
  const y = (v: number): number => FRAME.top + plotH - (v / max) * plotH;
  const parts: string[] = [shareGrid(FRAME, 0, max, y, f.share)];

  // At most about seven date labels, counted back from the latest, so they never collide.
  const every = Math.ceil(n / 7);
  report.runs.forEach((run, i) => {
    if ((n - 1 - i) % every === 0)
      parts.push(
        `<text class="tick" x="${px(x(i))}" y="${FRAME.height - FRAME.bottom + 16}" text-anchor="middle">${escapeXml(run.asOf.slice(0, 7))}</text>`,
      );
  });

  // The region's band: one polygon per stretch of shown intervals.
  let stretch: { i: number; lo: number; hi: number }[] = [];
  const flush = (): void => {
    if (stretch.length > 0) {
      const upper = stretch.map((s) => `${px(x(s.i))},${px(y(s.hi))}`);
      const lower = [...stretch].reverse().map((s) => `${px(x(s.i))},${px(y(s.lo))}`);
      const pts = [...upper, ...lower];
      parts.push(
        `<polygon class="band" data-band="region" points="${pts.join(' ')}" fill="#000" fill-opacity="0.12" stroke="${stretch.length === 1 ? '#999' : 'none'}"/>`,
      );
    }
    stretch = [];
  };
  const byRun = new Map(series.points.map((p) => [p.run, p]));
  for (let i = 0; i < n; i++) {
    const iv = byRun.get(i)?.region.interval;
    if (iv === undefined || iv === null) flush();
    else stretch.push({ i, lo: iv.lower, hi: iv.upper });
  }
  flush();

  if (series.target !== undefined) {
    const ty = px(y(series.target));
    parts.push(
      `<line class="target" data-target="${series.target}" x1="${FRAME.left}" x2="${FRAME.width - FRAME.right}" y1="${ty}" y2="${ty}" stroke="#555" stroke-dasharray="8 4"/><text x="${FRAME.left + 4}" y="${ty}" dy="-4">${escapeXml(`${w.target} ${f.share(series.target)}`)}</text>`,
    );
  }

  for (const b of report.versionBreaks) {
    const i = report.runs.findIndex((r) => r.asOf === b.asOf);
    if (i <= 0) continue;
    const bx = px((x(i - 1) + x(i)) / 2);
    const text = `<text x="${bx}" y="${FRAME.top - 8}" text-anchor="middle">${escapeXml(w.versionBreak(b.from, b.to))}</text>`;
    const label =
      options.diffHref === undefined
        ? text
        : `<a href="${escapeXml(options.diffHref(b.from, b.to))}"><title>${escapeXml(`${w.versionBreak(b.from, b.to)}: ${w.whatChanged}`)}</title>${text}</a>`;
    parts.push(
      `<g class="version-break" data-version-break="${escapeXml(`${b.from}→${b.to}`)}"><line x1="${bx}" x2="${bx}" y1="${FRAME.top}" y2="${FRAME.height - FRAME.bottom}" stroke="#b00" stroke-dasharray="4 3"/>${label}</g>`,
    );
  }

  const drawLine = (
    name: string,
    color: string,
    width: number,
    pick: (p: (typeof series.points)[number]) => GroupFigures | undefined,
  ): void => {
    const values = Array.from({ length: n }, (_, i) => {
      const p = byRun.get(i);
      const rate = p === undefined ? null : (pick(p)?.rate ?? null);
      return rate === null ? null : ([x(i), y(rate)] as const);
    });
    parts.push(
      `<path class="line" data-series="${escapeXml(name)}" d="${linePath(values)}" fill="none" stroke="${color}" stroke-width="${width}"/>`,
    );
    for (const p of series.points) {
      const g = pick(p);
      if (g?.rate === null || g === undefined) continue;
      parts.push(
        `<circle class="point" cx="${px(x(p.run))}" cy="${px(y(g.rate))}" r="3" fill="${color}"><title>${escapeXml(`${name}, ${p.asOf}: ${f.share(g.rate)}`)}</title></circle>`,
      );
    }
  };
  report.centres.forEach((c, i) => drawLine(c, groupColor(i), 1.5, (p) => p.centres[c]));
  drawLine(w.region, REGION_COLOR, 3, (p) => p.region);

  const legend = [
    ...report.centres.map((c, i) => [c, groupColor(i)] as const),
    [w.region, REGION_COLOR] as const,
  ];
  legend.forEach(([name, color], i) => {
    const ly = FRAME.top + 8 + i * 18;
    const lx = FRAME.width - FRAME.right + 14;
    parts.push(
      `<rect class="key" x="${lx}" y="${ly - 9}" width="12" height="12" fill="${color}"/><text x="${lx + 16}" y="${ly + 1}">${escapeXml(name)}</text>`,
    );
  });

  const groups = report.centres.length > 0 ? report.centres.join(', ') : w.region;
  return chartSvg(
    'time-series',
    `chart-${series.id}-time`,
    FRAME,
    w.overTime(options.label),
    w.overTimeDesc(groups),
    parts.join(''),
  );
}
