/**
 * The compare view as pure functions: which steps, transitions, alerts, facts and named
 * conditions a semantic diff (engine/diff) touches, the ghosts of removed steps and
 * transitions, the diff's own text lines, and what clicking an entry should select.
 * The canvas shows the newer version; these marks are laid over its nodes and edges.
 */
import { type Language, type Pathway, type PathwayDiff, renderDiff } from '../../../engine/index';
import {
  type DiffEntry,
  type Layout,
  pickText,
  type TransitionPlace,
} from '../../../engine/editor';
import type { FlowNode, StepFlowNode, TransitionFlowEdge } from './flow';
import { MarkerType } from '@xyflow/react';
import { GLOBAL_NODE_ID, globalEdgeId, transitionEdgeId } from './ids';
import { resolvePositions } from './layout';
import type { Selection } from './selection';

/** How one thing differs from the older version. */
export type DiffMark = 'added' | 'removed' | 'changed';

/** A transition of the older version that the newer one no longer has, drawn dashed. */
export interface GhostEdge {
  id: string;
  source: string;
  target: string;
  order: number;
  global: boolean;
}

/** Everything the compare view marks, by canvas or dictionary id. */
export interface CompareMarks {
  /** By step id (removed steps are ghosts: in `ghostSteps`, marked `removed`). */
  steps: ReadonlyMap<string, DiffMark>;
  /** By edge id of the newer version (`t:<step>:<index>`, `g:<index>`). */
  edges: ReadonlyMap<string, DiffMark>;
  alerts: ReadonlyMap<string, DiffMark>;
  facts: ReadonlyMap<string, DiffMark>;
  conditions: ReadonlyMap<string, DiffMark>;
  /** Ids of steps only the older version has. */
  ghostSteps: readonly string[];
  ghostEdges: readonly GhostEdge[];
}

/** Edge id of a removed transition: it has no place in the newer lists, so it gets its own prefix. */
export function ghostEdgeId(stepId: string | undefined, oldIndex: number): string {
  return stepId === undefined ? `removed:g:${oldIndex}` : `removed:t:${stepId}:${oldIndex}`;
}

function markOf(entry: DiffEntry): DiffMark {
  return entry.change === 'added' || entry.change === 'removed' ? entry.change : 'changed';
}

function edgeId(stepId: string | undefined, index: number): string {
  return stepId === undefined ? globalEdgeId(index) : transitionEdgeId(stepId, index);
}

/** Edges whose place in a reordered list now holds another transition. */
function reorderedEdges(entry: DiffEntry): string[] {
  const before = Array.isArray(entry.old) ? (entry.old as TransitionPlace[]) : [];
  const after = Array.isArray(entry.new) ? (entry.new as TransitionPlace[]) : [];
  return after
    .filter((place, i) => before[i]?.to !== place.to)
    .map((place) => edgeId(entry.stepId, place.index));
}

/** What the diff of `older` → `newer` marks on the newer version's canvas and side panel. */
export function compareMarks(diff: PathwayDiff, older: Pathway, newer: Pathway): CompareMarks {
  const steps = new Map<string, DiffMark>();
  const edges = new Map<string, DiffMark>();
  const alerts = new Map<string, DiffMark>();
  const facts = new Map<string, DiffMark>();
  const conditions = new Map<string, DiffMark>();
  const ghostSteps: string[] = [];
  const removedTransitions: DiffEntry[] = [];
  for (const entry of diff.entries) {
    const mark = markOf(entry);
    switch (entry.area) {
      case 'step':
        if (entry.stepId === undefined) break;
        steps.set(entry.stepId, mark);
        if (mark === 'removed') ghostSteps.push(entry.stepId);
        break;
      case 'transition':
      case 'global-transition': {
        const stepId = entry.area === 'transition' ? entry.stepId : undefined;
        if (entry.change === 'reordered')
          for (const id of reorderedEdges(entry)) if (!edges.has(id)) edges.set(id, 'changed');
        if (entry.change === 'removed') removedTransitions.push(entry);
        else if (entry.newIndex !== undefined) edges.set(edgeId(stepId, entry.newIndex), mark);
        break;
      }
      case 'alert':
        if (entry.alertId !== undefined) alerts.set(entry.alertId, mark);
        break;
      case 'fact':
        if (entry.factName !== undefined) facts.set(entry.factName, mark);
        break;
      case 'condition':
        if (entry.conditionName !== undefined) conditions.set(entry.conditionName, mark);
        break;
      default:
        break;
    }
  }
  const onCanvas = new Set([...newer.steps.map((s) => s.id), ...ghostSteps]);
  const ghostEdges: GhostEdge[] = [];
  for (const entry of removedTransitions) {
    if (entry.oldIndex === undefined || entry.to === undefined) continue;
    const stepId = entry.area === 'transition' ? entry.stepId : undefined;
    const source = stepId ?? GLOBAL_NODE_ID;
    const sourceShown =
      stepId === undefined ? newer.globalTransitions.length > 0 : onCanvas.has(stepId);
    // A removed transition is drawn only between things the canvas shows.
    if (!sourceShown || !onCanvas.has(entry.to)) continue;
    ghostEdges.push({
      id: ghostEdgeId(stepId, entry.oldIndex),
      source,
      target: entry.to,
      order: entry.oldIndex + 1,
      global: stepId === undefined,
    });
  }
  // Keep the older document's step order for ghosts, so they are drawn predictably.
  const order = new Map(older.steps.map((s, i) => [s.id, i]));
  ghostSteps.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { steps, edges, alerts, facts, conditions, ghostSteps, ghostEdges };
}

/** What the older version looked like, for drawing ghosts. */
export interface OlderDrawing {
  pathway: Pathway;
  layout: Layout;
}

/**
 * Lays the marks over the newer version's nodes: marked steps get `data.diff`; removed
 * steps are added as ghosts at their old positions (not draggable, not connectable).
 */
export function markNodes(
  nodes: readonly FlowNode[],
  marks: CompareMarks,
  older: OlderDrawing,
  view: { language: Language; selectedStep: string | null },
): FlowNode[] {
  const marked: FlowNode[] = nodes.map((node) => {
    const mark = node.type === 'step' ? marks.steps.get(node.id) : undefined;
    return mark === undefined || node.type !== 'step'
      ? node
      : { ...node, data: { ...node.data, diff: mark } };
  });
  const positions =
    marks.ghostSteps.length > 0 ? resolvePositions(older.pathway, older.layout) : {};
  for (const id of marks.ghostSteps) {
    const step = older.pathway.steps.find((s) => s.id === id);
    if (step === undefined) continue;
    const ghost: StepFlowNode = {
      id,
      type: 'step',
      position: positions[id] ?? { x: 0, y: 0 },
      data: {
        title: pickText(step.title, view.language) || id,
        level: step.level,
        isEntry: false,
        visit: null,
        final: false,
        problems: 0,
        diff: 'removed',
      },
      selected: view.selectedStep === id,
      draggable: false,
      connectable: false,
      deletable: false,
    };
    marked.push(ghost);
  }
  return marked;
}

/** Lays the marks over the newer version's edges and adds removed transitions as ghosts. */
export function markEdges(
  edges: readonly TransitionFlowEdge[],
  marks: CompareMarks,
): TransitionFlowEdge[] {
  const marked: TransitionFlowEdge[] = edges.map((edge) => {
    const mark = marks.edges.get(edge.id);
    return mark === undefined || edge.data === undefined
      ? edge
      : { ...edge, data: { ...edge.data, diff: mark } };
  });
  for (const ghost of marks.ghostEdges)
    marked.push({
      id: ghost.id,
      type: 'transition',
      source: ghost.source,
      target: ghost.target,
      data: {
        summary: '',
        order: ghost.order,
        global: ghost.global,
        taken: false,
        problems: 0,
        // A removed transition draws no label, so it needs no lane of its own.
        lane: 0,
        diff: 'removed',
      },
      selectable: false,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    });
  return marked;
}

/**
 * The diff's text lines per entry in `language`, exactly as `pathway diff --format json`
 * gives them (first line: marker and subject; then details).
 */
export function diffEntryTexts(diff: PathwayDiff, language: Language): string[][] {
  const rendered = JSON.parse(renderDiff(diff, { format: 'json', lang: language })) as {
    entries: { text: string[] }[];
  };
  return rendered.entries.map((e) => e.text);
}

/** What clicking an entry selects: the step, transition, alert, fact or named condition. */
export function entrySelection(entry: DiffEntry): Selection | null {
  switch (entry.area) {
    case 'step':
      return entry.stepId === undefined ? null : { kind: 'step', stepId: entry.stepId };
    case 'transition':
      if (entry.stepId === undefined) return null;
      // A removed transition has no place in the newer version: show the step it left.
      return entry.newIndex === undefined || entry.change === 'removed'
        ? { kind: 'step', stepId: entry.stepId }
        : { kind: 'transition', stepId: entry.stepId, index: entry.newIndex };
    case 'global-transition':
      return entry.newIndex === undefined || entry.change === 'removed'
        ? null
        : { kind: 'global', index: entry.newIndex };
    case 'alert':
      return entry.alertId === undefined || entry.change === 'removed'
        ? null
        : { kind: 'alert', id: entry.alertId };
    case 'fact':
      return entry.factName === undefined || entry.change === 'removed'
        ? null
        : { kind: 'fact', name: entry.factName };
    case 'condition':
      return entry.conditionName === undefined || entry.change === 'removed'
        ? null
        : { kind: 'named', name: entry.conditionName };
    case 'follow-up':
      return entry.stepId === undefined ? null : { kind: 'step', stepId: entry.stepId };
    default:
      return null;
  }
}
