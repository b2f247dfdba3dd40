/** The accessible frame every chart of the results report shares. */
import { escapeXml } from '../../cohort/svg';

/** Plot area inside a chart of the given size. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** An `<svg role="img">` labelled by its own `<title>` and `<desc>`. */
export function chartSvg(
  kind: string,
  id: string,
  frame: Frame,
  title: string,
  desc: string,
  body: string,
): string {
  const t = `${id}-title`;
  const d = `${id}-desc`;
  return `<svg data-chart="${escapeXml(kind)}" id="${escapeXml(id)}" role="img" aria-labelledby="${escapeXml(t)} ${escapeXml(d)}" viewBox="0 0 ${frame.width} ${frame.height}" width="${frame.width}" height="${frame.height}" xmlns="http://www.w3.org/2000/svg"><title id="${escapeXml(t)}">${escapeXml(title)}</title><desc id="${escapeXml(d)}">${escapeXml(desc)}</desc>${body}</svg>`;
}

/** A number for an SVG attribute (one decimal is finer than a pixel). */
export const px = (n: number): string => n.toFixed(1);

/** Horizontal grid lines and labels for shares from `min` to `max`. */
export function shareGrid(
  frame: Frame,
  min: number,
  max: number,
  y: (v: number) => number,
  label: (v: number) => string,
): string {
  const span = max - min;
  const step =
    span > 0.5 ? 0.1 : span > 0.2 ? 0.05 : span > 0.08 ? 0.02 : span > 0.02 ? 0.01 : 0.002;
  const out: string[] = [];
  // Whole multiples of the step, so that no label reads "−0.0 %" from a rounding error.
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + 1e-9; k++) {
    const v = Math.abs(k * step) < 1e-12 ? 0 : k * step;
    const yy = px(y(v));
    out.push(
      `<line class="grid" x1="${frame.left}" x2="${frame.width - frame.right}" y1="${yy}" y2="${yy}" stroke="#ddd"/><text x="${frame.left - 6}" y="${yy}" dy="4" text-anchor="end">${escapeXml(label(v))}</text>`,
    );
  }
  return out.join('');
}

/** A round step (1, 2 or 5 times a power of ten) giving about `ticks` ticks up to `max`. */
export function niceStep(max: number, ticks = 4): number {
  const raw = Math.max(1, max / ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}
