/**
 * The leaves and references of every condition of a document (the places come from
 * `model/condition-roots`, the tree's shape from `model/condition`), located for issues.
 * Rules read them from here rather than each walking the tree again.
 */
import { isLeaf, isReference, valueFact, walkCondition } from '../model/condition';
import {
  conditionRoots as documentConditionRoots,
  type ConditionOwner,
  type ConditionRoot as ModelConditionRoot,
} from '../model/condition-roots';
import type { PathSegment } from '../model/path';
import type { FollowUp, LeafCondition, Pathway } from '../model/types';
import type { Location } from './issue';

/** One condition tree, with its owner, path and the location the editor focuses. */
export interface ConditionRoot extends ModelConditionRoot {
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

/** Which node, edge or alert an issue about a condition of `owner` belongs to. */
function locationOf(owner: ConditionOwner): Location {
  switch (owner.kind) {
    case 'named-condition':
      return {};
    case 'global-transition':
      return { transitionIndex: owner.index };
    case 'transition':
      return { stepId: owner.stepId, transitionIndex: owner.index };
    case 'alert':
      return { alertId: owner.id };
    case 'follow-up':
      return owner.stepId === undefined ? {} : { stepId: owner.stepId };
    case 'indicator':
      return {};
  }
}

/** Every condition tree of the document, in document (schema key) order, located for lint. */
export function conditionRoots(doc: Pathway): ConditionRoot[] {
  return documentConditionRoots(doc).map((root) => ({ ...root, at: locationOf(root.owner) }));
}

/** The leaves and references of one tree, depth first in document order. */
function walkConditionNodes(root: ConditionRoot): ConditionNode[] {
  const nodes: ConditionNode[] = [];
  walkCondition(
    root.when,
    ({ node, path }) => {
      if (isReference(node)) nodes.push({ kind: 'reference', name: node.condition, path, root });
      else if (isLeaf(node)) nodes.push({ kind: 'leaf', leaf: node, path, root });
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
    case 'indicator':
      return `indicator "${owner.id}" (${owner.part})`;
  }
}
