/**
 * The funnel plot of one indicator's latest run: each centre's share against its number of
 * patients with a known numerator, the regional share, and the exact binomial 95 % and 99.8 %
 * limits around it (stats/funnel.ts). A centre whose rate is suppressed is not drawn.
 */
import { escapeXml } from '../../cohort/svg';
import type { Language } from '../../model/types';
import type { FunnelCurve, IndicatorPoint, ResultsReport } from '../types';
import { RESULTS_WORDS } from '../words';
import { groupColor } from './colors';
import { formatFor } from './format';
import { chartSvg, niceStep, px, shareGrid, type Frame } from './svg';

const FRAME: Frame = { width: 820, height: 340, left: 56, right: 190, top: 20, bottom: 46 };

/** The funnel plot of `point` (the latest of an indicator) with its `curve`. */
export function funnelSvg(
  report: ResultsReport,
  id: string,
  label: string,
  point: IndicatorPoint,
  curve: FunnelCurve,
  lang: Language,
): string {
  const w = RESULTS_WORDS[lang];
  const f = formatFor(lang);
  const dots = report.centres.flatMap((name, i) => {
    const c = point.centres[name];
    return c?.rate === null || c?.rate === undefined || c.decided === null
      ? []
      : [{ name, i, n: c.decided, rate: c.rate }];
  });
  const nMax = curve.limits[curve.limits.length - 1]?.n ?? 10;
  // Show the funnel from the smallest centre on, so that the limits are readable.
  const nMin = Math.min(nMax, ...dots.map((d) => d.n)) * 0.5;
  const visible = curve.limits.filter((l) => l.n >= nMin);
  const lo = Math.min(curve.target, ...dots.map((d) => d.rate), ...visible.map((l) => l.lower998));
  const hi = Math.max(curve.target, ...dots.map((d) => d.rate), ...visible.map((l) => l.upper998));
  const pad = Math.max(0.01, (hi - lo) * 0.08);
  const yMin = Math.max(0, lo - pad);
  const yMax = Math.min(1, hi + pad);
  const plotW = FRAME.width - FRAME.left - FRAME.right;
  const plotH = FRAME.height - FRAME.top - FRAME.bottom;
  const x = (n: number): number => FRAME.left + (n / nMax) * plotW;
  const y = (v: number): number =>
    FRAME.top + plotH - ((Math.min(yMax, Math.max(yMin, v)) - yMin) / (yMax - yMin || 1)) * plotH;
  const parts: string[] = [shareGrid(FRAME, yMin, yMax, y, f.share)];
  const step = niceStep(nMax);
  for (let n = 0; n <= nMax; n += step) {
    parts.push(
      `<text class="tick" x="${px(x(n))}" y="${FRAME.height - FRAME.bottom + 16}" text-anchor="middle">${escapeXml(f.count(n))}</text>`,
    );
  }
  parts.push(
    `<text x="${px(FRAME.left + plotW / 2)}" y="${FRAME.height - 6}" text-anchor="middle">${escapeXml(w.funnelAxis)}</text>`,
  );
  const limitLine = (
    name: string,
    pick: (l: (typeof visible)[number]) => number,
    dash: string,
  ): string =>
    `<polyline class="limit" data-limit="${name}" points="${visible.map((l) => `${px(x(l.n))},${px(y(pick(l)))}`).join(' ')}" fill="none" stroke="#555" stroke-dasharray="${dash}"/>`;
  parts.push(
    limitLine('lower95', (l) => l.lower95, '6 3'),
    limitLine('upper95', (l) => l.upper95, '6 3'),
    limitLine('lower99.8', (l) => l.lower998, '2 2'),
    limitLine('upper99.8', (l) => l.upper998, '2 2'),
  );
  const ty = px(y(curve.target));
  parts.push(
    `<line class="target" x1="${FRAME.left}" x2="${FRAME.width - FRAME.right}" y1="${ty}" y2="${ty}" stroke="#000"/>`,
  );
  for (const d of dots)
    parts.push(
      `<circle class="centre" data-centre="${escapeXml(d.name)}" cx="${px(x(d.n))}" cy="${px(y(d.rate))}" r="5" fill="${groupColor(d.i)}" stroke="#000"><title>${escapeXml(`${d.name}: ${f.share(d.rate)} (${f.count(d.n)})`)}</title></circle><text x="${px(x(d.n) + 8)}" y="${px(y(d.rate))}" dy="4">${escapeXml(d.name)}</text>`,
    );
  const key: [string, string][] = [
    [`${w.regionalRate} ${f.share(curve.target)}`, ''],
    [w.limits95, '6 3'],
    [w.limits998, '2 2'],
  ];
  key.forEach(([text, dash], i) => {
    const ky = FRAME.top + 10 + i * 18;
    const kx = FRAME.width - FRAME.right + 14;
    parts.push(
      `<line x1="${kx}" x2="${kx + 20}" y1="${ky}" y2="${ky}" stroke="#000"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/><text x="${kx + 26}" y="${ky}" dy="4">${escapeXml(text)}</text>`,
    );
  });
  return chartSvg(
    'funnel',
    `chart-${id}-funnel`,
    FRAME,
    w.funnelTitle(label, curve.asOf),
    w.funnelDesc,
    parts.join(''),
  );
}
