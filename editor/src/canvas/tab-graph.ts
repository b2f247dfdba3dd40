/** The graph the canvas's keyboard order is worked out from, as the canvas shows it now. */
import type { ReactFlowInstance } from '@xyflow/react';
import type { Pathway } from '../../../engine/index';
import type { FlowNode, TransitionFlowEdge } from '../model/flow';
import { stepOrder } from '../model/step-order';
import { editorStore } from '../store/store';
import type { TabGraph } from './tab-order';

/** Each pathway's step order, worked out once per document (an edit makes a new one). */
const orders = new WeakMap<Pathway, readonly string[]>();

/** The pathway on screen and React Flow's nodes and edges, for `tab-order.ts`. */
export function tabGraphOf(flow: ReactFlowInstance<FlowNode, TransitionFlowEdge>): TabGraph {
  const pathway = editorStore.getState().pathway;
  let steps: readonly string[] = [];
  if (pathway !== null) {
    steps = orders.get(pathway) ?? stepOrder(pathway);
    orders.set(pathway, steps);
  }
  return { steps, nodes: flow.getNodes(), edges: flow.getEdges() };
}
