/**
 * The pure mapping from the file format (pathway document + layout sidecar) to what React
 * Flow draws. React Flow never owns the graph: the canvas renders these derived arrays and
 * reports moves and connections back as edits of the document and layout.
 */
import { MarkerType, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { EvaluationResult, Language, Pathway } from '../../../engine/index';
import {
  type Condition,
  type Layout,
  type Level,
  pickText,
  summarizeCondition,
} from '../../../engine/editor';
import { GLOBAL_NODE_ID, globalEdgeId, transitionEdgeId } from './ids';
import { globalNodePosition, resolvePositions, type XY } from './layout';
import type { Selection } from './selection';
import type { DiffMark } from './compare';
import type { CohortBadge } from './cohort';

/** What a step shows when zoomed in close (semantic zoom). */
export interface StepDetailsData {
  /** The description in the interface language ('' when it has none). */
  description: string;
  actions: number;
  followUps: number;
}

/** What a step node shows. */
export interface StepNodeData extends Record<string, unknown> {
  title: string;
  level: Level;
  isEntry: boolean;
  /** Position in the highlighted walk (0 = start), or null when not visited. */
  visit: number | null;
  /** The walk ended here. */
  final: boolean;
  /** Number of lint problems on the step or its transitions. */
  problems: number;
  /** In the compare view: how the step differs from the older version. */
  diff?: DiffMark;
  /** The canvas's overlays (canvas/overlays.ts): alerts whose condition names the step. */
  alerts?: number;
  /** Its counts in a loaded cohort. */
  cohort?: CohortBadge;
  /** While coverage is shown: passing test patients that ended here, and their alerts. */
  coverage?: { patients: number; alerts: string };
  /** What it shows when zoomed in close. */
  details?: StepDetailsData;
}

/** What the "any step" node shows. */
export interface AnyStepNodeData extends Record<string, unknown> {
  label: string;
}

/** What a transition edge shows. */
export interface TransitionEdgeData extends Record<string, unknown> {
  /** The condition in words, e.g. "pain duration ≥ 3 months". */
  summary: string;
  /** 1-based position among the step's transitions: the first that holds is taken. */
  order: number;
  global: boolean;
  taken: boolean;
  problems: number;
  /**
   * Where the label sits among transitions with the same source and target, centred on 0
   * (two such edges: -0.5 and 0.5), so parallel labels never cover each other.
   */
  lane: number;
  /** In the compare view: how the transition differs from the older version. */
  diff?: DiffMark;
  /** The canvas's overlays (canvas/overlays.ts): its counts in a loaded cohort. */
  cohort?: CohortBadge;
  /** While coverage is shown: passing test patients that took it. */
  coverage?: number;
  /** It has keyboard focus (its label, in another layer, shows the focus too). */
  focused?: boolean;
}

export type StepFlowNode = Node<StepNodeData, 'step'>;
export type AnyStepFlowNode = Node<AnyStepNodeData, 'anyStep'>;
export type FlowNode = StepFlowNode | AnyStepFlowNode;
export type TransitionFlowEdge = Edge<TransitionEdgeData, 'transition'>;

/** The walk of one evaluation, as canvas ids. */
export interface WalkHighlight {
  path: readonly string[];
  edges: ReadonlySet<string>;
}

/** How the canvas looks apart from the document: language, selection, highlights. */
export interface FlowView {
  language: Language;
  selection: Selection | null;
  walk?: WalkHighlight | null;
  /** Problem counts by step id and by edge id. */
  problems?: { steps: ReadonlyMap<string, number>; edges: ReadonlyMap<string, number> };
  /** Sizes React Flow measured, by node id (view state, not part of the file). */
  measured?: Readonly<Record<string, { width: number; height: number }>>;
  anyStepLabel?: string;
}

/** Maps steps to nodes: node id = step id, position from the sidecar or dagre. */
export function toFlowNodes(pathway: Pathway, layout: Layout, view: FlowView): FlowNode[] {
  return placeNodes(
    toUnplacedNodes(pathway, view),
    nodePositions(pathway, layout),
    view.measured ?? {},
    new WeakMap(),
  );
}

/** Where nodes are drawn before {@link placeNodes} places them. */
const UNPLACED: XY = { x: 0, y: 0 };

/**
 * The nodes of {@link toFlowNodes} before they are placed: everything but their position and
 * measured size, so that the canvas derives them once per change of the document or the view
 * and only places them again when a node is dragged.
 */
export function toUnplacedNodes(pathway: Pathway, view: FlowView): FlowNode[] {
  const selected = view.selection?.kind === 'step' ? view.selection.stepId : undefined;
  const path = view.walk?.path ?? [];
  const last = path[path.length - 1];
  const visits = new Map<string, number>();
  path.forEach((id, i) => {
    if (!visits.has(id)) visits.set(id, i);
  });
  const nodes: FlowNode[] = pathway.steps.map((step) => {
    const visit = visits.get(step.id);
    const node: StepFlowNode = {
      id: step.id,
      type: 'step',
      position: UNPLACED,
      data: {
        title: pickText(step.title, view.language) || step.id,
        level: step.level,
        isEntry: pathway.entryStep === step.id,
        visit: visit ?? null,
        final: last === step.id,
        problems: view.problems?.steps.get(step.id) ?? 0,
      },
      selected: selected === step.id,
    };
    return node;
  });
  if (pathway.globalTransitions.length > 0) {
    const node: AnyStepFlowNode = {
      id: GLOBAL_NODE_ID,
      type: 'anyStep',
      position: UNPLACED,
      data: { label: view.anyStepLabel ?? 'Any step' },
      draggable: false,
      selectable: false,
      deletable: false,
      connectable: false,
    };
    nodes.unshift(node);
  }
  return nodes;
}

/** Each step's position (sidecar or dagre) and the "any step" node's, by node id. */
export function nodePositions(pathway: Pathway, layout: Layout): Record<string, XY> {
  const positions = resolvePositions(pathway, layout);
  if (pathway.globalTransitions.length === 0) return positions;
  return { ...positions, [GLOBAL_NODE_ID]: globalNodePosition(positions) };
}

/** The size React Flow measured for a node. */
type Size = { width: number; height: number };

/**
 * A size and handle places for a node React Flow has not measured yet. With them it draws
 * only the nodes in view instead of mounting every node once to measure it.
 */
export interface NodeSizing {
  estimate(node: FlowNode): Size;
  handles(node: FlowNode, size: Size): NodeHandle[];
}

/**
 * Places nodes: each gets its position from `positions` (a node without one, such as a
 * removed step's ghost in the compare view, keeps its own) and its measured size, or with
 * `sizing` the estimated one, and then its handle places for that size. `cache` remembers the
 * placed object of each node object, so a node that neither changed nor moved is the same
 * object as before: during a drag only the dragged node is new. Handles follow from the
 * node and its size alone, so one cache serves every sizing.
 */
export function placeNodes(
  nodes: readonly FlowNode[],
  positions: Readonly<Record<string, XY>>,
  measured: Readonly<Record<string, Size>>,
  cache: WeakMap<FlowNode, FlowNode>,
  sizing?: NodeSizing,
): FlowNode[] {
  return nodes.map((node) => {
    const position = positions[node.id] ?? node.position;
    const known = measured[node.id] ?? node.measured;
    const size = isSize(known) ? known : (sizing?.estimate(node) ?? known);
    const last = cache.get(node);
    if (last !== undefined && samePoint(last.position, position) && sameSize(last.measured, size))
      return last;
    const placed = { ...node, position } as FlowNode;
    if (size !== undefined) {
      placed.measured = size;
      if (sizing !== undefined && isSize(size)) placed.handles = sizing.handles(node, size);
    }
    cache.set(node, placed);
    return placed;
  });
}

function isSize(size: Partial<Size> | undefined): size is Size {
  return size?.width !== undefined && size.height !== undefined;
}

function samePoint(a: XY, b: XY): boolean {
  return a === b || (a.x === b.x && a.y === b.y);
}

function sameSize(a: Partial<Size> | undefined, b: Partial<Size> | undefined): boolean {
  return a === b || (a?.width === b?.width && a?.height === b?.height);
}

// A summary depends on the condition, the fact dictionary (labels, units), the named
// conditions (their labels) and the language only. Documents are immutable, so a drag, a new
// selection or an edit of a step's texts reuses every summary instead of wording each
// transition again.
type SummaryCache = Map<Language, WeakMap<Condition, string>>;
const summaries = new WeakMap<Pathway['facts'], WeakMap<Pathway['conditions'], SummaryCache>>();

/** {@link summarizeCondition}, remembered per dictionary, named conditions, language and condition. */
function summaryOf(pathway: Pathway, condition: Condition, language: Language): string {
  let byConditions = summaries.get(pathway.facts);
  if (byConditions === undefined) {
    byConditions = new WeakMap();
    summaries.set(pathway.facts, byConditions);
  }
  let byLanguage = byConditions.get(pathway.conditions);
  if (byLanguage === undefined) {
    byLanguage = new Map();
    byConditions.set(pathway.conditions, byLanguage);
  }
  let byCondition = byLanguage.get(language);
  if (byCondition === undefined) {
    byCondition = new WeakMap();
    byLanguage.set(language, byCondition);
  }
  let summary = byCondition.get(condition);
  if (summary === undefined) {
    summary = summarizeCondition(pathway, condition, language);
    byCondition.set(condition, summary);
  }
  return summary;
}

/** Maps transitions to edges, labelled with their condition in words; global ones start at "any step". */
export function toFlowEdges(pathway: Pathway, view: FlowView): TransitionFlowEdge[] {
  const stepIds = new Set(pathway.steps.map((s) => s.id));
  const selection = view.selection;
  const edges: TransitionFlowEdge[] = [];
  const push = (
    id: string,
    source: string,
    target: string,
    order: number,
    global: boolean,
    summary: string,
    selected: boolean,
  ): void => {
    // A transition to a step that does not exist has nothing to point at; lint reports it.
    if (!stepIds.has(target)) return;
    const taken = view.walk?.edges.has(id) ?? false;
    edges.push({
      id,
      type: 'transition',
      source,
      target,
      data: {
        summary,
        order,
        global,
        taken,
        problems: view.problems?.edges.get(id) ?? 0,
        lane: 0,
      },
      selected,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    });
  };
  pathway.globalTransitions.forEach((t, i) =>
    push(
      globalEdgeId(i),
      GLOBAL_NODE_ID,
      t.to,
      i + 1,
      true,
      summaryOf(pathway, t.when, view.language),
      selection?.kind === 'global' && selection.index === i,
    ),
  );
  for (const step of pathway.steps)
    step.transitions.forEach((t, i) =>
      push(
        transitionEdgeId(step.id, i),
        step.id,
        t.to,
        i + 1,
        false,
        summaryOf(pathway, t.when, view.language),
        selection?.kind === 'transition' && selection.stepId === step.id && selection.index === i,
      ),
    );
  return withLanes(edges);
}

/** Sets each edge's label lane among the edges that share its source and target. */
function withLanes(edges: TransitionFlowEdge[]): TransitionFlowEdge[] {
  const groups = new Map<string, TransitionFlowEdge[]>();
  for (const edge of edges) {
    const key = `${edge.source}→${edge.target}`;
    const group = groups.get(key) ?? [];
    group.push(edge);
    groups.set(key, group);
  }
  for (const group of groups.values())
    group.forEach((edge, k) => {
      if (edge.data !== undefined) edge.data.lane = k - (group.length - 1) / 2;
    });
  return edges;
}

/** The steps visited and edges taken in an evaluation, as canvas ids, read from its trace. */
export function walkHighlight(result: EvaluationResult): WalkHighlight {
  const edges = new Set<string>();
  for (const taken of result.transitions) {
    const entry = result.trace.find(
      (e) => e.result === 'true' && e.from === taken.from && e.to === taken.to,
    );
    if (entry === undefined) continue;
    const global = /^globalTransitions\[(\d+)\]$/.exec(entry.source);
    if (global?.[1] !== undefined) {
      edges.add(globalEdgeId(Number(global[1])));
      continue;
    }
    const step = /^steps\.(.+)\.transitions\[(\d+)\]$/.exec(entry.source);
    if (step?.[1] !== undefined && step[2] !== undefined)
      edges.add(transitionEdgeId(step[1], Number(step[2])));
  }
  return { path: result.path, edges };
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is(a[k], b[k]));
}

function sameElement(a: FlowNode | TransitionFlowEdge, b: FlowNode | TransitionFlowEdge): boolean {
  const { data: dataA, position: posA, measured: mA, ...restA } = a as FlowNode;
  const { data: dataB, position: posB, measured: mB, ...restB } = b as FlowNode;
  return (
    shallowEqual(restA, restB) &&
    shallowEqual(dataA, dataB) &&
    (posA === posB || (posA?.x === posB?.x && posA?.y === posB?.y)) &&
    (mA === mB || (mA?.width === mB?.width && mA?.height === mB?.height))
  );
}

/**
 * Keeps the previous object for every node or edge that did not change, so React Flow
 * (which compares by identity) and the memoised node components skip them: during a drag
 * only the dragged node is new.
 */
export function keepUnchanged<T extends FlowNode | TransitionFlowEdge>(
  previous: readonly T[],
  next: T[],
): T[] {
  if (previous.length === 0) return next;
  const byId = new Map(previous.map((e) => [e.id, e]));
  let changed = previous.length !== next.length;
  const out = next.map((element, i) => {
    const old = byId.get(element.id);
    if (old !== undefined && (old === element || sameElement(old, element))) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return element;
  });
  return changed ? out : (previous as T[]);
}
