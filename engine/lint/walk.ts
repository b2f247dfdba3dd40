/**
 * The shared walker over every condition of a document: named conditions, global
 * transitions, step transitions, alerts and follow-up conditions. Rules read leaves and
 * `{ condition }` references from here rather than each walking the tree again, so a new
 * place that holds a condition is added once.
 */
import { valueFact, walkCondition } from '../model/condition';
import type { PathSegment } from '../model/path';
import type { Condition, FollowUp, LeafCondition, Pathway } from '../model/types';
import type { Location } from './issue';

/** Where a condition tree hangs in the document. */
export type ConditionOwner =
  | { readonly kind: 'named-condition'; readonly name: string; readonly index: number }
  | { readonly kind: 'global-transition'; readonly index: number; readonly to: string }
  | {
      readonly kind: 'transition';
      readonly stepId: string;
      readonly stepIndex: number;
      readonly index: number;
      readonly to: string;
    }
  | { readonly kind: 'alert'; readonly id: string; readonly index: number }
  | { readonly kind: 'follow-up'; readonly id: string; readonly field: FollowUpConditionField };

/** The follow-up fields that hold a condition. */
export type FollowUpConditionField = 'appliesWhen' | 'dueWhen' | 'overdueWhen';

/** One condition tree, with its owner and location. */
export interface ConditionRoot {
  readonly owner: ConditionOwner;
  readonly when: Condition;
  readonly path: readonly PathSegment[];
  readonly at: Location;
}

/** A comparison leaf or a reference to a named condition, found inside a root. */
export type ConditionNode =
  | {
      readonly kind: 'leaf';
      readonly leaf: LeafCondition;
      readonly path: readonly PathSegment[];
      readonly root: ConditionRoot;
    }
  | {
      readonly kind: 'reference';
      readonly name: string;
      readonly path: readonly PathSegment[];
      readonly root: ConditionRoot;
    };

/** A fact named by a leaf: its `fact`, or a `value: { fact }` it is compared with. */
export interface FactUse {
  readonly name: string;
  readonly path: readonly PathSegment[];
  readonly node: Extract<ConditionNode, { kind: 'leaf' }>;
  readonly role: 'fact' | 'value';
}

/** A follow-up of the pathway or of a step, with where it sits. */
export interface FollowUpSite {
  readonly followUp: FollowUp;
  readonly path: readonly PathSegment[];
  readonly at: Location;
}

/** Every follow-up in document order: the pathway's own, then each step's. */
export function followUpSites(doc: Pathway): FollowUpSite[] {
  const sites: FollowUpSite[] = doc.followUps.map((followUp, f) => ({
    followUp,
    path: ['followUps', f],
    at: {},
  }));
  doc.steps.forEach((step, s) => {
    step.followUps.forEach((followUp, f) => {
      sites.push({ followUp, path: ['steps', s, 'followUps', f], at: { stepId: step.id } });
    });
  });
  return sites.sort((a, b) => rootOrder(a.path) - rootOrder(b.path));
}

/** Top-level keys in schema order, so that roots come out in document order. */
function rootOrder(path: readonly PathSegment[]): number {
  return path[0] === 'steps' ? 1 : 2;
}

const FOLLOW_UP_FIELDS: readonly FollowUpConditionField[] = [
  'appliesWhen',
  'dueWhen',
  'overdueWhen',
];

/** Every condition tree of the document, in document (schema key) order. */
export function conditionRoots(doc: Pathway): ConditionRoot[] {
  const roots: ConditionRoot[] = [];
  doc.conditions.forEach((named, index) => {
    roots.push({
      owner: { kind: 'named-condition', name: named.name, index },
      when: named.when,
      path: ['conditions', index, 'when'],
      at: {},
    });
  });
  doc.globalTransitions.forEach((transition, index) => {
    roots.push({
      owner: { kind: 'global-transition', index, to: transition.to },
      when: transition.when,
      path: ['globalTransitions', index, 'when'],
      at: { transitionIndex: index },
    });
  });
  const followUpRoots = (site: FollowUpSite): void => {
    for (const field of FOLLOW_UP_FIELDS) {
      const when = site.followUp[field];
      if (when === undefined) continue;
      roots.push({
        owner: { kind: 'follow-up', id: site.followUp.id, field },
        when,
        path: [...site.path, field],
        at: site.at,
      });
    }
  };
  doc.steps.forEach((step, stepIndex) => {
    step.followUps.forEach((followUp, f) =>
      followUpRoots({
        followUp,
        path: ['steps', stepIndex, 'followUps', f],
        at: { stepId: step.id },
      }),
    );
    step.transitions.forEach((transition, index) => {
      roots.push({
        owner: { kind: 'transition', stepId: step.id, stepIndex, index, to: transition.to },
        when: transition.when,
        path: ['steps', stepIndex, 'transitions', index, 'when'],
        at: { stepId: step.id, transitionIndex: index },
      });
    });
  });
  doc.alerts.forEach((alert, index) => {
    roots.push({
      owner: { kind: 'alert', id: alert.id, index },
      when: alert.when,
      path: ['alerts', index, 'when'],
      at: { alertId: alert.id },
    });
  });
  doc.followUps.forEach((followUp, f) =>
    followUpRoots({ followUp, path: ['followUps', f], at: {} }),
  );
  return roots;
}

/** The leaves and references of one tree, depth first in document order. */
function walkConditionNodes(root: ConditionRoot): ConditionNode[] {
  const nodes: ConditionNode[] = [];
  walkCondition(
    root.when,
    ({ node, kind, path }) => {
      if (kind === 'reference' && 'condition' in node)
        nodes.push({ kind: 'reference', name: node.condition, path, root });
      else if (kind === 'leaf' && 'fact' in node)
        nodes.push({ kind: 'leaf', leaf: node, path, root });
    },
    root.path,
  );
  return nodes;
}

/** All leaves and references of the document, in document order. */
export function conditionNodes(doc: Pathway): ConditionNode[] {
  return conditionRoots(doc).flatMap(walkConditionNodes);
}

/** Every fact named by the leaves among `nodes`. */
export function factUses(nodes: readonly ConditionNode[]): FactUse[] {
  const uses: FactUse[] = [];
  for (const node of nodes) {
    if (node.kind !== 'leaf') continue;
    uses.push({ name: node.leaf.fact, path: [...node.path, 'fact'], node, role: 'fact' });
    const other = valueFact(node.leaf);
    if (other !== undefined) {
      uses.push({ name: other, path: [...node.path, 'value', 'fact'], node, role: 'value' });
    }
  }
  return uses;
}

/** `step "start", transition to "treat"` and the like, for messages. */
export function describeOwner(owner: ConditionOwner): string {
  switch (owner.kind) {
    case 'named-condition':
      return `condition "${owner.name}"`;
    case 'global-transition':
      return `global transition to "${owner.to}"`;
    case 'transition':
      return `step "${owner.stepId}", transition to "${owner.to}"`;
    case 'alert':
      return `alert "${owner.id}"`;
    case 'follow-up':
      return `follow-up "${owner.id}" (${owner.field})`;
  }
}
