/**
 * The parts of a condition whose shape alone decides them (see `shapeTruth`), outermost
 * first: shared by `always-true-condition` and `never-true-condition`, which report one side
 * each. The editor's "not written yet" default at the top of a condition is left to
 * `incomplete-condition`; references are judged where the named condition is defined.
 */
import {
  conditionChildren,
  isAll,
  isAny,
  isNot,
  isReference,
  namedConditions,
} from '../../model/condition';
import type { PathSegment } from '../../model/path';
import type { Condition, Pathway } from '../../model/types';
import { isNeverTrue, shapeTruth, type ShapeTruth } from '../constant';
import { conditionRoots, type ConditionRoot } from '../walk';

/** A part of a condition that is always or never true, and where it is. */
export interface ConstantPart {
  readonly root: ConditionRoot;
  readonly node: Condition;
  readonly path: readonly PathSegment[];
  readonly truth: ShapeTruth;
}

/** Every outermost constant part of every condition of `doc`, in document order. */
export function constantParts(doc: Pathway): ConstantPart[] {
  const named = namedConditions(doc);
  const found: ConstantPart[] = [];
  for (const root of conditionRoots(doc)) {
    if (isNeverTrue(root.when)) continue;
    const visit = (node: Condition, path: readonly PathSegment[]): void => {
      if (isReference(node)) return;
      const truth = shapeTruth(node, named);
      if (truth !== undefined) {
        found.push({ root, node, path, truth });
        return;
      }
      if (isNot(node)) visit(node.not, [...path, 'not']);
      else if (isAll(node) || isAny(node)) {
        const kind = isAll(node) ? 'all' : 'any';
        conditionChildren(node).forEach((part, i) => visit(part, [...path, kind, i]));
      }
    };
    visit(root.when, root.path);
  }
  return found;
}

/** Why a constant part is what it is, in words. */
export function shapeReason(node: Condition, truth: ShapeTruth): string {
  if (isAll(node) && node.all.length === 0) return 'an empty "all" is always true';
  if (isNot(node) && isAll(node.not) && node.not.all.length === 0)
    return 'the "not" of an empty "all" is never true';
  return truth === 'always'
    ? 'a part of it that is always true decides it'
    : 'a part of it that is never true decides it';
}
