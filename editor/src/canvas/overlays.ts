/**
 * What the canvas lays over the steps and transitions besides the document: alert counts,
 * a loaded cohort's counts, test coverage, the step details shown when zoomed in and the edge
 * with keyboard focus. They go into each node's and edge's `data` here, once per change,
 * instead of each badge reading the store for itself (see canvas-view.ts).
 */
import { pickText } from '../../../engine/editor';
import type { Language, Pathway } from '../../../engine/index';
import type { CohortBadges } from '../model/cohort';
import type { CoverageBadges } from '../model/coverage';
import type { FlowNode, StepDetailsData, TransitionFlowEdge } from '../model/flow';
import type { StepAlerts } from './step-alerts';

/** The overlays of the canvas as it is now. */
export interface Overlays {
  alerts: StepAlerts;
  /** The loaded cohort's badges, or null when none of this version is loaded. */
  cohort: CohortBadges | null;
  /** Test coverage, or null while it is hidden or nothing ran. */
  coverage: CoverageBadges | null;
  /** The id of the edge with keyboard focus. */
  focusedEdge: string | null;
}

const detailsCache = new WeakMap<Pathway, Map<Language, Map<string, StepDetailsData>>>();

/** Each step's details in `language`, computed once per document and language. */
function stepDetails(pathway: Pathway, language: Language): Map<string, StepDetailsData> {
  let byLanguage = detailsCache.get(pathway);
  if (byLanguage === undefined) {
    byLanguage = new Map();
    detailsCache.set(pathway, byLanguage);
  }
  let details = byLanguage.get(language);
  if (details === undefined) {
    details = new Map(
      pathway.steps.map((step) => [
        step.id,
        {
          description: step.description === undefined ? '' : pickText(step.description, language),
          actions: step.actions.length,
          followUps: step.followUps.length,
        },
      ]),
    );
    byLanguage.set(language, details);
  }
  return details;
}

/** The step nodes with their alert count, details, cohort and coverage badges. */
export function overlayNodes(
  nodes: readonly FlowNode[],
  pathway: Pathway,
  language: Language,
  overlays: Overlays,
): FlowNode[] {
  const details = stepDetails(pathway, language);
  return nodes.map((node) => {
    if (node.type !== 'step') return node;
    const data = { ...node.data, alerts: overlays.alerts.byStep.get(node.id) ?? 0 };
    const detail = details.get(node.id);
    if (detail !== undefined) data.details = detail;
    const cohort = overlays.cohort?.nodes[node.id];
    if (cohort !== undefined) data.cohort = cohort;
    if (overlays.coverage !== null) {
      const step = overlays.coverage.steps[node.id];
      data.coverage = {
        patients: step?.patients ?? 0,
        alerts: Object.entries(step?.alerts ?? {})
          .map(([a, n]) => `${a} ×${n}`)
          .join(', '),
      };
    }
    return { ...node, data };
  });
}

/** The edges with their cohort and coverage badges and keyboard focus. */
export function overlayEdges(
  edges: readonly TransitionFlowEdge[],
  overlays: Overlays,
): TransitionFlowEdge[] {
  if (overlays.cohort === null && overlays.coverage === null && overlays.focusedEdge === null)
    return [...edges];
  return edges.map((edge) => {
    if (edge.data === undefined) return edge;
    const cohort = overlays.cohort?.edges[edge.id];
    const coverage = overlays.coverage?.edges[edge.id];
    const focused = overlays.focusedEdge === edge.id;
    if (cohort === undefined && coverage === undefined && !focused) return edge;
    const data = { ...edge.data };
    if (cohort !== undefined) data.cohort = cohort;
    if (coverage !== undefined) data.coverage = coverage;
    if (focused) data.focused = true;
    return { ...edge, data };
  });
}
