import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  type Connection,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  type ReactFlowInstance,
  type Viewport,
} from '@xyflow/react';
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { STRINGS } from '../i18n/strings';
import { placeholderTexts } from '../model/dictionary';
import { connect } from '../model/edit';
import {
  keepUnchanged,
  nodePositions,
  placeNodes,
  toFlowEdges,
  toUnplacedNodes,
  walkHighlight,
  type FlowNode,
  type TransitionFlowEdge,
} from '../model/flow';
import { markEdges, markNodes } from '../model/compare';
import { GLOBAL_NODE_ID, parseEdgeId } from '../model/ids';
import { applyNodeMove, type XY } from '../model/layout';
import { problemCounts } from '../model/problems';
import { zoomBandOf } from '../store/canvas';
import { cohortShown } from '../store/cohort';
import { editorStore, useEditor } from '../store/store';
import { coverageOf } from '../store/tests';
import { useProblems, useT } from '../store/hooks';
import { AnyStepNode } from './AnyStepNode';
import { labelEdges, labelNodes } from './aria';
import {
  CANVAS_WORDS,
  CanvasWordsContext,
  LabelLayerContext,
  ZoomBandContext,
  type LabelLayer,
} from './canvas-view';
import { LabelLayerReporter } from './LabelLayerReporter';
import { bandSizing } from './node-size';
import { fittedViewport } from './initial-view';
import { overlayEdges, overlayNodes } from './overlays';
import { stepAlerts } from './step-alerts';
import { ZoomBandReporter } from './ZoomBandReporter';
import { StepNode } from './StepNode';
import { RevealSelection } from './RevealSelection';
import { focusCanvasElement } from './focus-element';
import { FocusKeeper } from './FocusKeeper';
import { leaveCanvasOnThisTab } from './leave-canvas';
import { nextInTabOrder } from './tab-order';
import { tabGraphOf } from './tab-graph';
import { TransitionEdge } from './TransitionEdge';

// Module scope: React Flow re-creates every node when these objects change identity.
const nodeTypes: NodeTypes = { step: StepNode, anyStep: AnyStepNode };
const edgeTypes: EdgeTypes = { transition: TransitionEdge };
/**
 * Fit-to-view never zooms out further than this: a large pathway opens with legible steps
 * (titles about 11 px on screen) around its middle, and the minimap or panning shows the rest.
 */
const FIT_VIEW = { minZoom: 0.35 };
/**
 * From this many steps on, React Flow draws only the nodes and edges in view (Tab still walks
 * them all, see `tab-order.ts`); a smaller pathway is drawn whole, which costs little and
 * keeps every step in the DOM for find-in-page and for tools that read it.
 */
const DRAW_IN_VIEW_FROM = 100;
/**
 * The edges until React Flow's label layer is known (found after its first commit, in the
 * same task, before the first paint): edges drawn before it would all be drawn again at once,
 * with their labels.
 */
const NO_EDGES: TransitionFlowEdge[] = [];
const LEVEL_COLOURS: Record<string, string> = {
  'primary-care': '#237032',
  'specialist-care': '#1971c2',
  other: '#c2410c',
  exit: '#5c636a',
};

/**
 * The pathway as a graph. Nodes and edges are derived from the store (React Flow holds no copy
 * of the graph); moves and connections go back as edits. What a node or edge shows is derived
 * once per change of the document or the view; a drag only places the nodes again.
 */
export function Canvas() {
  const pathway = useEditor((s) => s.pathway);
  const layout = useEditor((s) => s.layout);
  const selection = useEditor((s) => s.selection);
  const language = useEditor((s) => s.language);
  const activeRun = useEditor((s) => s.activeRun);
  const measured = useEditor((s) => s.measured);
  const readOnly = useEditor((s) => s.readOnly);
  const compare = useEditor((s) => s.compare);
  const showMiniMap = useEditor((s) => s.showMiniMap);
  const zoomBand = useEditor((s) => s.zoomBand);
  const cohort = useEditor((s) => (cohortShown(s) ? (s.cohort?.badges ?? null) : null));
  const coverage = useEditor((s) => (s.coverageShown ? coverageOf(s) : null));
  const focusedEdge = useEditor((s) => s.focusedEdge);
  // A new key remounts React Flow, which fits the view to the pathway now shown.
  const sourceKey = useEditor((s) =>
    s.source === null
      ? ''
      : `${s.source.id}@${s.source.version}${s.compare === null ? '' : `:${s.compare.older.version}-${s.compare.newer.version}`}`,
  );
  const problems = useProblems();
  const t = useT();
  const [labelLayer, setLabelLayer] = useState<LabelLayer>({ shown: true, element: null });
  const onLabelLayer = useCallback(
    (next: LabelLayer) =>
      setLabelLayer((now) =>
        now.shown === next.shown && now.element === next.element ? now : next,
      ),
    [],
  );

  const walk = useMemo(
    () => (activeRun?.result ? walkHighlight(activeRun.result) : null),
    [activeRun],
  );
  const counts = useMemo(() => problemCounts(problems), [problems]);
  const previousContent = useRef<FlowNode[]>([]);
  const previousNodes = useRef<FlowNode[]>([]);
  const placed = useRef(new WeakMap<FlowNode, FlowNode>());
  const previousEdges = useRef<TransitionFlowEdge[]>([]);
  const flowRef = useRef<ReactFlowInstance<FlowNode, TransitionFlowEdge> | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const onInit = useCallback((flow: ReactFlowInstance<FlowNode, TransitionFlowEdge>) => {
    flowRef.current = flow;
  }, []);

  // Everything a node shows, without its place: not derived again while a node is dragged.
  const content = useMemo(() => {
    if (pathway === null) return [];
    const next = toUnplacedNodes(pathway, {
      language,
      selection,
      walk,
      problems: counts,
      anyStepLabel: t.anyStep,
    });
    const marked =
      compare === null
        ? next
        : markNodes(next, compare.marks, compare.older, {
            language,
            selectedStep: selection?.kind === 'step' ? selection.stepId : null,
          });
    const alerts = stepAlerts(pathway);
    const overlaid = overlayNodes(marked, pathway, language, {
      alerts,
      cohort,
      coverage,
      focusedEdge: null,
    });
    previousContent.current = keepUnchanged(
      previousContent.current,
      labelNodes(overlaid, t, alerts),
    );
    return previousContent.current;
  }, [pathway, language, selection, walk, counts, t, compare, cohort, coverage]);

  // Nodes carry a size and handle places before React Flow measures them (estimated for the
  // zoom band), so it mounts only the nodes in view rather than every node once to measure it.
  const sizing = useMemo(() => bandSizing(zoomBand), [zoomBand]);
  const nodes = useMemo(() => {
    if (pathway === null) return [];
    const positions = nodePositions(pathway, layout);
    const next = placeNodes(content, positions, measured, placed.current, sizing);
    previousNodes.current = keepUnchanged(previousNodes.current, next);
    return previousNodes.current;
  }, [pathway, content, layout, measured, sizing]);

  // The view each pathway opens at, worked out from the canvas's size and the nodes before
  // React Flow mounts (a layout effect: before the first paint), so that it opens at the
  // fitted view rather than fitting after a first pass of nodes (initial-view.ts). Once per
  // pathway shown: `sourceKey` remounts React Flow.
  const hasPathway = pathway !== null;
  const [opened, setOpened] = useState<{ key: string; viewport: Viewport | undefined } | null>(
    null,
  );
  useLayoutEffect(() => {
    const element = containerRef.current;
    if (element === null) return;
    const pane = { width: element.clientWidth, height: element.clientHeight };
    const viewport = fittedViewport(previousNodes.current, pane, FIT_VIEW);
    // The zoom band of that view from the start, so the first nodes drawn are drawn for it.
    if (viewport !== undefined) editorStore.getState().setZoomBand(zoomBandOf(viewport.zoom));
    setOpened({ key: sourceKey, viewport });
  }, [hasPathway, sourceKey]);
  const openAt = opened?.key === sourceKey ? opened : null;

  const edges = useMemo(() => {
    if (pathway === null) return [];
    const next = toFlowEdges(pathway, { language, selection, walk, problems: counts });
    const marked = compare === null ? next : markEdges(next, compare.marks);
    const overlaid = overlayEdges(marked, {
      alerts: stepAlerts(pathway),
      cohort,
      coverage,
      focusedEdge,
    });
    const labelled = labelEdges(overlaid, pathway, language, t);
    previousEdges.current = keepUnchanged(previousEdges.current, labelled);
    return previousEdges.current;
  }, [pathway, language, selection, walk, counts, compare, t, cohort, coverage, focusedEdge]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const moves: Record<string, XY> = {};
    const sizes: Record<string, { width: number; height: number }> = {};
    for (const change of changes) {
      if (
        change.type === 'position' &&
        change.position !== undefined &&
        change.id !== GLOBAL_NODE_ID
      )
        moves[change.id] = change.position;
      else if (change.type === 'dimensions' && change.dimensions !== undefined)
        sizes[change.id] = change.dimensions;
    }
    const store = editorStore.getState();
    if (Object.keys(sizes).length > 0) store.setMeasured(sizes);
    if (Object.keys(moves).length > 0)
      store.edit((d) => ({ ...d, layout: applyNodeMove(d.pathway, d.layout, moves) }), 'drag');
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    const store = editorStore.getState();
    let made: ReturnType<typeof connect>;
    store.edit((d) => {
      // A reason in each language the pathway is written in; the condition starts never true.
      made = connect(
        d.pathway,
        connection.source,
        connection.target,
        placeholderTexts(d.pathway, (language) => STRINGS[language].newTransitionReason),
      );
      return made === undefined ? d : { ...d, pathway: made.pathway };
    });
    if (made !== undefined) store.select(made.ref);
  }, []);

  const onNodeClick = useCallback((_: unknown, node: FlowNode) => {
    if (node.type === 'step') editorStore.getState().select({ kind: 'step', stepId: node.id });
  }, []);
  const onEdgeClick = useCallback((_: unknown, edge: TransitionFlowEdge) => {
    const ref = parseEdgeId(edge.id);
    if (ref !== undefined) editorStore.getState().select(ref);
  }, []);
  const onPaneClick = useCallback(() => editorStore.getState().select(null), []);
  const onNodeDragStop = useCallback(() => editorStore.getState().endGesture(), []);

  // Keyboard: Tab walks every node and edge in the keyboard order (`tab-order.ts`: the entry
  // step first), drawn or not (the rest are brought into view first); Enter or
  // Space opens the focused one's panel, Escape closes it and keeps the focus where it was.
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const element = target.closest<HTMLElement>('.react-flow__node, .react-flow__edge');
    if (element === null || element !== target) {
      if (event.key === 'Escape' && target.closest('.react-flow') !== null)
        editorStore.getState().select(null);
      return;
    }
    const id = element.dataset.id ?? '';
    if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      // Neither React Flow's DOM order (edges first) nor, on a large pathway, what it drew
      // is the keyboard order: Tab follows the whole graph's and brings the next into view.
      const flow = flowRef.current;
      const container = containerRef.current;
      if (flow === null || container === null) return;
      const kind = element.classList.contains('react-flow__node') ? 'node' : 'edge';
      const next = nextInTabOrder(tabGraphOf(flow), { kind, id }, event.shiftKey);
      // Past either end the browser's Tab leaves the canvas, skipping the other elements.
      if (next === undefined) {
        leaveCanvasOnThisTab(container);
        return;
      }
      event.preventDefault();
      focusCanvasElement(flow, container, next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (element.classList.contains('react-flow__node')) {
        if (id !== GLOBAL_NODE_ID) editorStore.getState().select({ kind: 'step', stepId: id });
      } else {
        const ref = parseEdgeId(id);
        if (ref !== undefined) editorStore.getState().select(ref);
      }
    } else if (event.key === 'Escape') {
      editorStore.getState().select(null);
      // React Flow blurs an element on Escape (after this handler, as it re-renders); a
      // keyboard user keeps their place.
      window.setTimeout(() => element.focus({ preventScroll: true }), 0);
    }
  }, []);
  const onFocus = useCallback((event: FocusEvent<HTMLDivElement>) => {
    const edge = (event.target as Element).closest<HTMLElement>('.react-flow__edge');
    editorStore.getState().setFocusedEdge(edge?.dataset.id ?? null);
  }, []);
  const onBlur = useCallback(() => editorStore.getState().setFocusedEdge(null), []);

  if (pathway === null) return null;
  // The canvas's box alone, measured by the layout effect above before React Flow mounts.
  if (openAt === null)
    return <div ref={containerRef} className={`canvas zoom-${zoomBand}`} data-testid="canvas" />;
  const pathwayAlerts = stepAlerts(pathway).everywhere;
  return (
    <div
      ref={containerRef}
      className={`canvas zoom-${zoomBand}`}
      data-testid="canvas"
      data-zoom-band={zoomBand}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <CanvasWordsContext.Provider value={CANVAS_WORDS[language]}>
        <ZoomBandContext.Provider value={zoomBand}>
          <LabelLayerContext.Provider value={labelLayer}>
            <ReactFlow<FlowNode, TransitionFlowEdge>
              key={sourceKey}
              nodes={nodes}
              edges={labelLayer.element === null ? NO_EDGES : edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              onConnect={onConnect}
              onNodeClick={onNodeClick}
              onEdgeClick={onEdgeClick}
              onPaneClick={onPaneClick}
              onNodeDragStop={onNodeDragStop}
              onInit={onInit}
              onlyRenderVisibleElements={nodes.length >= DRAW_IN_VIEW_FROM}
              nodesDraggable={!readOnly}
              nodesConnectable={!readOnly}
              deleteKeyCode={null}
              {...(openAt.viewport === undefined
                ? { fitView: true, fitViewOptions: FIT_VIEW }
                : { defaultViewport: openAt.viewport })}
              minZoom={0.02}
              proOptions={{ hideAttribution: true }}
              ariaLabelConfig={t.canvasAria}
            >
              <RevealSelection />
              <FocusKeeper />
              <ZoomBandReporter />
              <LabelLayerReporter onChange={onLabelLayer} />
              <Background />
              <Controls showInteractive={false}>
                <ControlButton
                  onClick={() => editorStore.getState().toggleMiniMap()}
                  title={t.miniMap}
                  aria-label={t.miniMap}
                  aria-pressed={showMiniMap}
                  data-testid="toggle-minimap"
                >
                  ▦
                </ControlButton>
              </Controls>
              {showMiniMap && (
                <MiniMap
                  pannable
                  zoomable
                  position="bottom-left"
                  className="minimap"
                  style={{ width: 160, height: 100, marginLeft: 56 }}
                  nodeColor={(n) =>
                    LEVEL_COLOURS[(n.data as { level?: string }).level ?? ''] ?? '#9c36b5'
                  }
                />
              )}
            </ReactFlow>
          </LabelLayerContext.Provider>
        </ZoomBandContext.Provider>
      </CanvasWordsContext.Provider>
      <div className="legend">
        {Object.entries(t.levels).map(([level, name]) => (
          <span key={level} className={`legend-item level-${level}`}>
            {name}
          </span>
        ))}
        <span className="legend-item global">{t.anyStep}</span>
        {pathwayAlerts > 0 && (
          <span className="legend-item alerts" data-testid="pathway-alerts">
            ⚠ {t.pathwayAlerts(pathwayAlerts)}
          </span>
        )}
      </div>
      <p className="canvas-keys muted small">{t.canvasKeys}</p>
    </div>
  );
}
