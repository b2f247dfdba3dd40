/**
 * A node's size and handle places before React Flow has measured it. React Flow mounts every
 * node it knows no handle places for, hidden, just to measure it, even when it draws only
 * what is in view; given a size and handles (the fields it reads for server rendering), it
 * mounts only the nodes in view. What it measures once a node is drawn replaces the estimate
 * (`measured` in the store), so the estimate matters only for nodes not drawn yet: whether
 * they are in view, the fitted view, and where an edge to them ends off screen.
 *
 * The figures follow the step node's CSS (styles.css: `.step-node` and the zoom-band rules);
 * a test compares them with the sizes chromium measures.
 */
import { Position, type NodeHandle } from '@xyflow/react';
import type { FlowNode, NodeSizing, StepNodeData } from '../model/flow';
import type { ZoomBand } from '../store/canvas';

/** A node's size in canvas pixels. */
export interface NodeSize {
  width: number;
  height: number;
}

/** `.step-node`: width, min-height, vertical padding and borders. */
const STEP_WIDTH = 240;
const STEP_MIN_HEIGHT = 76;
const STEP_FRAME = 6 + 6 + 2 + 2;
/** The title's box: 240 less the 8 px left border, 2 px right border and 2 × 8 px padding. */
const TITLE_WIDTH = 214;
/** `.react-flow__handle`: 6 × 6 px, centred on the node's left or right side. */
const HANDLE = 6;
/** Line height of the title and detail text close up, per px of font size (styles.css). */
const LINE = 1.2;

/**
 * The `normal` line height chromium gives a font size: the font's ascent and descent, each
 * rounded to whole pixels (DejaVu Sans, the sans-serif font of Debian's chromium: 0.928 and
 * 0.236 em). Elsewhere the font differs a little; React Flow's measurement then corrects it.
 */
function normalLine(font: number): number {
  return Math.round(0.928 * font) + Math.round(0.236 * font);
}

/** How each zoom band draws a step (the zoom-band rules of styles.css). */
interface BandStyle {
  /** Title font size and line height (px), and the most lines it shows (0: all). */
  title: number;
  titleLine: number;
  titleLines: number;
  /** Badge font size in the head; the level name (11 px) shows beside it when `level`. */
  badge: number;
  level: boolean;
  /** The step id line (11 px monospace). */
  id: boolean;
}

const BANDS: Record<ZoomBand, BandStyle> = {
  overview: { title: 32, titleLine: 1.1, titleLines: 2, badge: 28, level: false, id: false },
  far: { title: 24, titleLine: 1.1, titleLines: 2, badge: 20, level: false, id: false },
  near: { title: 14, titleLine: LINE, titleLines: 0, badge: 11, level: true, id: true },
  detail: { title: 14, titleLine: LINE, titleLines: 0, badge: 11, level: true, id: true },
};

/** `.step-details` (detail band): 11 px text, its border, margin and padding, 4 lines at most. */
const DETAIL_LINE = normalLine(11);
// Border, margin and padding above, and the paragraphs' margins (the middle two collapse).
const DETAIL_FRAME = 1 + 4 + 3 + 2 + 2 + 2;
const DETAIL_WIDTH = TITLE_WIDTH;
/** A cohort or coverage badge under the title: an 11 px line and its 4 px margin. */
const BADGE_LINE = normalLine(11) + 4;

/**
 * Advance widths in em of DejaVu Sans (the sans-serif font of Debian's chromium), book and
 * bold, for the letters a to z; other characters by kind. Enough to tell how many lines a
 * title wraps to; with another font the estimate is off and React Flow's measurement wins.
 */
const LOWER_BOOK = [
  0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634,
  0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525,
];
const LOWER_BOLD = [
  0.675, 0.716, 0.593, 0.716, 0.678, 0.435, 0.716, 0.712, 0.343, 0.343, 0.665, 0.343, 1.042, 0.712,
  0.687, 0.716, 0.716, 0.493, 0.595, 0.478, 0.712, 0.652, 0.924, 0.645, 0.652, 0.582,
];

/** The width of `c` in em, book or bold. */
function charWidth(c: string, bold: boolean): number {
  const base = c.normalize('NFD').charAt(0);
  const code = base.charCodeAt(0);
  if (code >= 97 && code <= 122) return (bold ? LOWER_BOLD : LOWER_BOOK)[code - 97] ?? 0.6;
  const scale = bold ? 1.1 : 1;
  if (base === 'I' || base === 'J') return 0.3 * scale;
  if (base === 'M' || base === 'W') return 0.92 * scale;
  if (code >= 65 && code <= 90) return 0.7 * scale;
  if (code >= 48 && code <= 57) return bold ? 0.696 : 0.636;
  if (' .,:;!|\'"'.includes(base)) return bold ? 0.348 : 0.318;
  if ('()[]-/'.includes(base)) return 0.4 * scale;
  return 0.65 * scale;
}

/**
 * How many lines `text` wraps to in a box `width` px wide at `font` px, word by word as the
 * browser wraps it (a word wider than the box overflows on a line of its own).
 */
export function wrappedLines(text: string, font: number, width: number, bold = false): number {
  const space = charWidth(' ', bold) * font;
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    let w = 0;
    for (const c of word) w += charWidth(c, bold) * font;
    if (used === 0) used = w;
    else if (used + space + w <= width) used += space + w;
    else {
      lines += 1;
      used = w;
    }
  }
  return lines;
}

function hasBadge(data: StepNodeData): boolean {
  return (
    data.isEntry ||
    data.visit !== null ||
    data.diff !== undefined ||
    data.problems > 0 ||
    (data.alerts ?? 0) > 0
  );
}

/** The height a step node is drawn at in `band`, from what it shows. */
export function stepHeight(data: StepNodeData, band: ZoomBand): number {
  const style = BANDS[band];
  // The head line: the level name (11 px, as the badges there) or, far out, the badges alone.
  const head = style.level ? normalLine(11) : hasBadge(data) ? normalLine(style.badge) : 0;
  // The title is bold (600).
  let lines = wrappedLines(data.title, style.title, TITLE_WIDTH, true);
  if (style.titleLines > 0) lines = Math.min(lines, style.titleLines);
  let content = head + 2 + lines * style.title * style.titleLine + 2;
  if (style.id) content += normalLine(11);
  if (band === 'detail' && data.details !== undefined) {
    const description =
      data.details.description === ''
        ? 0
        : Math.min(4, wrappedLines(data.details.description, 11, DETAIL_WIDTH));
    content += DETAIL_FRAME + (description + 1) * DETAIL_LINE;
  }
  if (data.cohort !== undefined) content += BADGE_LINE;
  if (data.coverage !== undefined) content += BADGE_LINE;
  return Math.max(STEP_MIN_HEIGHT, Math.round(content + STEP_FRAME));
}

/** The estimated size of `node` in `band` (see the module comment). */
export function estimateNodeSize(node: FlowNode, band: ZoomBand): NodeSize {
  if (node.type === 'anyStep') {
    // `.any-step-node`: 8 × 12 px padding, 2 px border, one line of 14 px bold text.
    let text = 0;
    for (const c of node.data.label) text += charWidth(c, true) * 14;
    return { width: Math.round(text + 2 * 12 + 2 * 2), height: 36 };
  }
  return { width: STEP_WIDTH, height: stepHeight(node.data, band) };
}

/**
 * Where a node's handles are for `size`: a step's target in the middle of its left side and
 * its source in the middle of its right side; the "any step" node has a source only.
 */
export function nodeHandles(node: FlowNode, size: NodeSize): NodeHandle[] {
  const y = size.height / 2 - HANDLE / 2;
  const source: NodeHandle = {
    type: 'source',
    position: Position.Right,
    x: size.width - HANDLE / 2,
    y,
    width: HANDLE,
    height: HANDLE,
  };
  if (node.type === 'anyStep') return [source];
  return [
    {
      type: 'target',
      position: Position.Left,
      x: -HANDLE / 2,
      y,
      width: HANDLE,
      height: HANDLE,
    },
    source,
  ];
}

/**
 * The sizing {@link placeNodes} gives nodes React Flow has not measured, in `band`. Each
 * node object's estimate is worked out once: a drag places every node again per move, and
 * the nodes it did not change are the same objects.
 */
export function bandSizing(band: ZoomBand): NodeSizing {
  const estimates = new WeakMap<FlowNode, NodeSize>();
  return {
    estimate(node) {
      let size = estimates.get(node);
      if (size === undefined) {
        size = estimateNodeSize(node, band);
        estimates.set(node, size);
      }
      return size;
    },
    handles: nodeHandles,
  };
}
