/**
 * The canvas as a standalone SVG document, for a download or a printed page. It draws the same
 * nodes and edges the canvas shows (the pure mappers of model/flow.ts: positions from the
 * layout sidecar or dagre, titles and condition summaries in the interface language), not a
 * screenshot, so it is sharp at any size and needs no fonts or styles from the page.
 */
import type { Language, Pathway } from '../../../engine/index';
import { escapeXml, type Layout, type Level } from '../../../engine/editor';
import { toFlowEdges, toFlowNodes, type FlowNode } from '../model/flow';
import { NODE_SIZE } from '../model/layout';

/** Colours of the levels and the "any step" node (the canvas's, read from its style sheet). */
export type SvgColours = Record<Level | 'global', string>;

/** What the drawing needs besides the document. */
export interface SvgOptions {
  language: Language;
  /** Sizes the canvas measured, by node id; nominal sizes where none is known. */
  measured?: Readonly<Record<string, { width: number; height: number }>>;
  colours: SvgColours;
  /** The level names and the "any step" label in the interface language. */
  levelNames: Record<Level, string>;
  anyStepLabel: string;
  /** The document's title line (pathway title, id and version). */
  title: string;
}

/** An SVG document and its size in CSS pixels. */
export interface SvgDrawing {
  svg: string;
  width: number;
  height: number;
}

const MARGIN = 40;
const TITLE_HEIGHT = 36;
const LABEL_CHARS = 48;
const TITLE_CHARS = 30;

/** Text made safe for XML content and attribute values: the engine's one escape, also used by its reports. */
export { escapeXml };

/** Words wrapped into at most `maxLines` lines of about `width` characters (the last ends in …). */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, width - 1))}…`;
  return kept;
}

/** The title's lines in a step box. */
function titleLines(node: FlowNode): string[] {
  return node.type === 'step' ? wrapText(node.data.title, TITLE_CHARS, 3) : [];
}

/**
 * The node's box: its position and measured (or nominal) size, tall enough for the level line,
 * the title's lines and the id.
 */
function box(node: FlowNode, options: SvgOptions) {
  const size = options.measured?.[node.id] ?? NODE_SIZE;
  const needed = 31 + titleLines(node).length * 15 + 12;
  return {
    x: node.position.x,
    y: node.position.y,
    width: size.width,
    height: node.type === 'step' ? Math.max(size.height, needed) : size.height,
  };
}

/** Draws the pathway's steps and transitions as an SVG document. */
export function canvasSvg(pathway: Pathway, layout: Layout, options: SvgOptions): SvgDrawing {
  const view = {
    language: options.language,
    selection: null,
    anyStepLabel: options.anyStepLabel,
    ...(options.measured === undefined ? {} : { measured: options.measured }),
  };
  const nodes = toFlowNodes(pathway, layout, view);
  const edges = toFlowEdges(pathway, view);
  const boxes = new Map(nodes.map((n) => [n.id, box(n, options)]));
  const all = [...boxes.values()];
  const minX = Math.min(...all.map((b) => b.x)) - MARGIN;
  const minY = Math.min(...all.map((b) => b.y)) - MARGIN - TITLE_HEIGHT;
  const maxX = Math.max(...all.map((b) => b.x + b.width)) + MARGIN;
  const maxY = Math.max(...all.map((b) => b.y + b.height)) + MARGIN;
  const width = Math.ceil(maxX - minX);
  const height = Math.ceil(maxY - minY);
  const parts: string[] = [];

  for (const edge of edges) {
    const from = boxes.get(edge.source);
    const to = boxes.get(edge.target);
    if (from === undefined || to === undefined || edge.data === undefined) continue;
    const sx = from.x + from.width;
    const sy = from.y + from.height / 2;
    const tx = to.x;
    const ty = to.y + to.height / 2;
    const bend = Math.max(40, Math.abs(tx - sx) / 2);
    const colour = edge.data.global ? options.colours.global : '#495057';
    const dash = edge.data.global ? ' stroke-dasharray="6 4"' : '';
    const label = `${edge.data.order}. ${edge.data.summary}`;
    const shown = label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
    // Parallel transitions between the same steps get their labels stacked, as on the canvas.
    const lx = (sx + tx) / 2;
    const ly = (sy + ty) / 2 + edge.data.lane * 18;
    const labelWidth = shown.length * 6.2 + 10;
    parts.push(
      `<g class="edge"><title>${escapeXml(label)}</title>` +
        `<path d="M${sx},${sy} C${sx + bend},${sy} ${tx - bend},${ty} ${tx},${ty}" fill="none" stroke="${colour}" stroke-width="1.5"${dash} marker-end="url(#arrow)"/>` +
        `<rect x="${lx - labelWidth / 2}" y="${ly - 9}" width="${labelWidth}" height="16" rx="3" fill="#ffffff" fill-opacity="0.9"/>` +
        `<text x="${lx}" y="${ly + 3}" text-anchor="middle" font-size="11" fill="#212529">${escapeXml(shown)}</text></g>`,
    );
  }

  for (const node of nodes) {
    const b = boxes.get(node.id);
    if (b === undefined) continue;
    if (node.type === 'anyStep') {
      parts.push(
        `<g class="any-step"><rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="8" fill="#ffffff" stroke="${options.colours.global}" stroke-width="1.5" stroke-dasharray="6 4"/>` +
          `<text x="${b.x + b.width / 2}" y="${b.y + b.height / 2 + 4}" text-anchor="middle" font-size="13" fill="${options.colours.global}">${escapeXml(node.data.label)}</text></g>`,
      );
      continue;
    }
    const colour = options.colours[node.data.level];
    const lines = titleLines(node);
    const head = `${options.levelNames[node.data.level]}${node.data.isEntry ? ' · ▶' : ''}`;
    parts.push(
      `<g class="step" data-step="${escapeXml(node.id)}">` +
        `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="8" fill="${node.data.level === 'exit' ? '#f8f9fa' : '#ffffff'}" stroke="${colour}" stroke-width="${node.data.isEntry ? 4 : 2}"/>` +
        `<text x="${b.x + 8}" y="${b.y + 15}" font-size="10" fill="${colour}">${escapeXml(head)}</text>` +
        lines
          .map(
            (line, i) =>
              `<text x="${b.x + 8}" y="${b.y + 31 + i * 15}" font-size="13" font-weight="600" fill="#212529">${escapeXml(line)}</text>`,
          )
          .join('') +
        `<text x="${b.x + 8}" y="${b.y + b.height - 7}" font-size="10" fill="#6c757d">${escapeXml(node.id)}</text></g>`,
    );
  }

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">` +
    `<title>${escapeXml(options.title)}</title>` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#495057"/></marker></defs>` +
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>` +
    `<text x="${minX + MARGIN}" y="${minY + 28}" font-size="16" font-weight="700" fill="#212529">${escapeXml(options.title)}</text>` +
    parts.join('') +
    `</svg>`;
  return { svg, width, height };
}
