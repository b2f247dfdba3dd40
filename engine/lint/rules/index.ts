/**
 * The rule registries, in the order their issues are listed when two point at the same
 * place. Every code in PATHWAY_RULES / VERSION_RULES has exactly one entry (a test checks).
 */
import type { PathwayRule } from '../context';
import type { VersionRule } from '../versions';
import { alertTemplate } from './alert-template';
import { alwaysTrueCondition } from './always-true-condition';
import { conditionCycle } from './condition-cycle';
import { deadEndStep } from './dead-end-step';
import { derivedFact } from './derived-fact';
import { differentIds } from './different-ids';
import { duplicateId } from './duplicate-id';
import { duplicateVersion } from './duplicate-version';
import { effectiveDates } from './effective-dates';
import { effectiveGap } from './effective-gap';
import { exitStepTransitions } from './exit-step-transitions';
import { incompleteCondition } from './incomplete-condition';
import { missingText } from './missing-text';
import { multipleActive } from './multiple-active';
import { neverTrueCondition } from './never-true-condition';
import { openEndedRetired } from './open-ended-retired';
import { operatorType } from './operator-type';
import { overlappingVersions } from './overlapping-versions';
import { messageThreshold } from './message-threshold';
import { thresholdOutOfRange } from './threshold-out-of-range';
import { unknownCondition } from './unknown-condition';
import { unknownFact } from './unknown-fact';
import { unknownMeasure } from './unknown-measure';
import { unknownReference } from './unknown-reference';
import { unknownStep } from './unknown-step';
import { unreachableStep } from './unreachable-step';
import { unsatisfiableCondition } from './unsatisfiable-condition';
import { unusedCondition } from './unused-condition';
import { unusedFact } from './unused-fact';
import { versionOrder } from './version-order';

/** Rules over one document. */
export const PATHWAY_RULE_CHECKS: readonly PathwayRule[] = [
  duplicateId,
  effectiveDates,
  unknownStep,
  unknownFact,
  unknownCondition,
  conditionCycle,
  operatorType,
  thresholdOutOfRange,
  incompleteCondition,
  unsatisfiableCondition,
  neverTrueCondition,
  alwaysTrueCondition,
  derivedFact,
  unreachableStep,
  deadEndStep,
  exitStepTransitions,
  missingText,
  alertTemplate,
  messageThreshold,
  unknownReference,
  unknownMeasure,
  unusedFact,
  unusedCondition,
];

/** Rules over all versions of one pathway. */
export const VERSION_RULE_CHECKS: readonly VersionRule[] = [
  differentIds,
  duplicateVersion,
  overlappingVersions,
  effectiveGap,
  versionOrder,
  multipleActive,
  openEndedRetired,
];
