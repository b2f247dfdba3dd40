/**
 * The view a pathway opens at: fitted to its nodes, as React Flow's `fitView` fits it, but
 * worked out before React Flow mounts, from the nodes' known or estimated sizes
 * (node-size.ts). React Flow's own fit waits for its store and its first pass of nodes, so
 * it first draws the nodes at the top left of an unfitted view, then the fitted view's.
 */
import { getNodesBounds, getViewportForBounds, type Viewport } from '@xyflow/react';
import type { FlowNode } from '../model/flow';

/** The canvas's size on screen, px. */
export interface PaneSize {
  width: number;
  height: number;
}

/** How the view is fitted: React Flow's defaults (padding 0.1, zoom at most 2) and ours. */
export interface FitOptions {
  minZoom: number;
  maxZoom?: number;
  padding?: number;
}

/**
 * The viewport that shows every node, or undefined when it cannot be known yet (an empty
 * pathway or a canvas with no size, such as a hidden one): React Flow's fit is left to it.
 */
export function fittedViewport(
  nodes: readonly FlowNode[],
  pane: PaneSize,
  options: FitOptions,
): Viewport | undefined {
  if (nodes.length === 0 || pane.width <= 0 || pane.height <= 0) return undefined;
  const bounds = getNodesBounds([...nodes]);
  if (bounds.width <= 0 || bounds.height <= 0) return undefined;
  return getViewportForBounds(
    bounds,
    pane.width,
    pane.height,
    options.minZoom,
    options.maxZoom ?? 2,
    options.padding ?? 0.1,
  );
}
