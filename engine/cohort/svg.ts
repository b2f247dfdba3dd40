/**
 * Small SVG bar charts drawn by hand for the cohort report: no library, no network. Every
 * text goes through {@link escapeXml}; numbers are formatted here. Each chart is an `<svg>`
 * with `data-chart` naming it and one `<rect>` per bar, which the browser test counts.
 */

/** Escapes text for HTML and SVG content and attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Colours for series, chosen to stay apart for common colour-vision deficiencies. */
export const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#7f7f7f',
  '#332288',
  '#882255',
];

const color = (i: number): string => PALETTE[i % PALETTE.length] as string;
const LABEL_WIDTH = 230;
const WIDTH = 760;
/** Writes a number on a chart; the report passes its language's (default: English). */
export type NumberFormat = (n: number) => string;
const english: NumberFormat = (n) => (Number.isInteger(n) ? n.toLocaleString('en') : n.toFixed(1));

function svg(id: string, title: string, height: number, body: string): string {
  return `<svg data-chart="${escapeXml(id)}" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

function legend(names: readonly string[], y: number): string {
  return names
    .map((name, i) => {
      const x = LABEL_WIDTH + (i % 3) * 175;
      const yy = y + Math.floor(i / 3) * 18;
      return `<rect class="key" x="${x}" y="${yy}" width="12" height="12" fill="${color(i)}"/><text x="${x + 16}" y="${yy + 10}">${escapeXml(name)}</text>`;
    })
    .join('');
}

const legendHeight = (n: number): number => Math.ceil(n / 3) * 18 + 8;

/** One bar per row. */
export function barChart(
  id: string,
  title: string,
  rows: readonly { label: string; value: number }[],
  unit = '',
  fmt: NumberFormat = english,
): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const scale = (WIDTH - LABEL_WIDTH - 90) / max;
  const body = rows
    .map((r, i) => {
      const y = 6 + i * 24;
      const w = Math.max(r.value > 0 ? 1 : 0, r.value * scale);
      return `<text x="${LABEL_WIDTH - 8}" y="${y + 14}" text-anchor="end">${escapeXml(r.label)}</text><rect class="bar" x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="18" fill="${color(0)}"><title>${escapeXml(`${r.label}: ${fmt(r.value)}${unit}`)}</title></rect><text x="${(LABEL_WIDTH + w + 6).toFixed(1)}" y="${y + 14}">${fmt(r.value)}${escapeXml(unit)}</text>`;
    })
    .join('');
  return svg(id, title, rows.length * 24 + 12, body);
}

/** For each group, one bar per series, sharing one scale. */
export function groupedBarChart(
  id: string,
  title: string,
  groups: readonly string[],
  series: readonly { name: string; values: readonly number[] }[],
  unit = '',
  fmt: NumberFormat = english,
): string {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const scale = (WIDTH - LABEL_WIDTH - 90) / max;
  const band = series.length * 14 + 12;
  const top = legendHeight(series.length);
  const body = groups
    .map((g, gi) => {
      const y0 = top + gi * band;
      const bars = series
        .map((s, si) => {
          const v = s.values[gi] ?? 0;
          const y = y0 + si * 14;
          const w = Math.max(v > 0 ? 1 : 0, v * scale);
          return `<rect class="bar" x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="12" fill="${color(si)}"><title>${escapeXml(`${g} — ${s.name}: ${fmt(v)}${unit}`)}</title></rect><text class="small" x="${(LABEL_WIDTH + w + 4).toFixed(1)}" y="${y + 10}">${fmt(v)}</text>`;
        })
        .join('');
      return `<text x="${LABEL_WIDTH - 8}" y="${y0 + (band - 12) / 2 + 4}" text-anchor="end">${escapeXml(g)}</text>${bars}`;
    })
    .join('');
  return svg(
    id,
    title,
    top + groups.length * band,
    legend(
      series.map((s) => s.name),
      4,
    ) + body,
  );
}

/** One 100 % bar per row, split into parts (shares of the row's total). */
export function stackedShareChart(
  id: string,
  title: string,
  rows: readonly { label: string; parts: readonly number[] }[],
  partNames: readonly string[],
  fmt: NumberFormat = english,
): string {
  const top = legendHeight(partNames.length);
  const width = WIDTH - LABEL_WIDTH - 20;
  const body = rows
    .map((r, ri) => {
      const y = top + ri * 26;
      const total = r.parts.reduce((a, b) => a + b, 0);
      let x = LABEL_WIDTH;
      const parts = r.parts
        .map((v, pi) => {
          const w = total === 0 ? 0 : (v / total) * width;
          const rect = `<rect class="bar" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="20" fill="${color(pi)}"><title>${escapeXml(`${r.label} — ${partNames[pi] ?? ''}: ${fmt(v)} (${fmt(total === 0 ? 0 : Math.round((1000 * v) / total) / 10)} %)`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      return `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeXml(r.label)}</text>${parts}`;
    })
    .join('');
  return svg(id, title, top + rows.length * 26 + 6, legend(partNames, 4) + body);
}
