/**
 * Accessible names of the canvas's nodes and edges in the interface language: a step by its
 * title, level and badges, a transition by its order, its two steps' titles and its condition
 * in words (React Flow would otherwise read "Edge from intake-assessment to …" in English).
 */
import type { Pathway } from '../../../engine/index';
import { pickText } from '../../../engine/editor';
import type { Strings } from '../i18n/strings';
import type { FlowNode, TransitionFlowEdge } from '../model/flow';
import type { StepAlerts } from './step-alerts';

/** The role descriptions of one language, shared objects so unchanged nodes keep their identity. */
export interface RoleAttributes {
  step: Record<string, string>;
  transition: Record<string, string>;
}

const roleCache = new WeakMap<Strings, RoleAttributes>();

/** `aria-roledescription` for steps and transitions in the language of `t`. */
export function roleAttributes(t: Strings): RoleAttributes {
  let roles = roleCache.get(t);
  if (roles === undefined) {
    roles = {
      step: { 'aria-roledescription': t.stepRole },
      transition: { 'aria-roledescription': t.transitionRole },
    };
    roleCache.set(t, roles);
  }
  return roles;
}

/** Each step node with its accessible name and role description. */
export function labelNodes(nodes: FlowNode[], t: Strings, alerts: StepAlerts): FlowNode[] {
  const roles = roleAttributes(t);
  return nodes.map((node) => {
    if (node.type !== 'step')
      return { ...node, ariaLabel: node.data.label, domAttributes: roles.step };
    const d = node.data;
    return {
      ...node,
      ariaLabel: t.stepAria(d.title, t.levels[d.level], {
        entry: d.isEntry,
        problems: d.problems,
        alerts: alerts.byStep.get(node.id) ?? 0,
        visit: d.visit === null ? null : d.visit + 1,
      }),
      domAttributes: roles.step,
    };
  });
}

/** Each transition edge with its accessible name and role description. */
export function labelEdges(
  edges: TransitionFlowEdge[],
  pathway: Pathway,
  language: Parameters<typeof pickText>[1],
  t: Strings,
): TransitionFlowEdge[] {
  const roles = roleAttributes(t);
  const titles = new Map(pathway.steps.map((s) => [s.id, pickText(s.title, language) || s.id]));
  return edges.map((edge) => {
    const data = edge.data;
    if (data === undefined) return edge;
    const to = titles.get(edge.target) ?? edge.target;
    return {
      ...edge,
      ariaLabel: data.global
        ? t.globalTransitionAria(data.order, to, data.summary)
        : t.transitionAria(data.order, titles.get(edge.source) ?? edge.source, to, data.summary),
      domAttributes: roles.transition,
    };
  });
}
