/**
 * The shape of a semantic diff between two pathway documents. It is plain data (JSON-safe)
 * so that the CLI can print it, the editor can mark its canvas from it, and a pull request
 * can carry it. Every entry names what it is about (step id, transition index, alert id …)
 * and holds the old and the new value.
 */
import type { Operator } from '../model/types';

/** What part of the pathway an entry is about. */
export type DiffArea =
  | 'metadata'
  | 'drug-class'
  | 'mme-row'
  | 'fact'
  | 'condition'
  | 'measure'
  | 'global-transition'
  | 'step'
  | 'transition'
  | 'alert'
  | 'follow-up'
  | 'indicator';

/**
 * How it changed. `renamed`: a step kept its id but got a new title (and nothing else);
 * `retargeted`: a transition now leads to another step; `reordered`: the same transitions
 * are tried in another order (which matters: the first true one is taken).
 */
export type DiffChange = 'added' | 'removed' | 'changed' | 'renamed' | 'retargeted' | 'reordered';

/** `step-added`, `transition-retargeted`, `alert-changed` … */
export type DiffKind = `${DiffArea}-${DiffChange}`;

/** One comparison `fact operator value` as it stood on one side of a threshold change. */
export interface ComparisonSide {
  operator: Operator;
  value: unknown;
}

/**
 * How a condition changed: `threshold` when the two rules are the same except for one
 * comparison of the same fact (`weeksInStep ≥ 12 → ≥ 8`); `rule` otherwise (show both).
 */
export type RuleChange =
  { kind: 'threshold'; fact: string; old: ComparisonSide; new: ComparisonSide } | { kind: 'rule' };

/** One field of an item that differs, e.g. `severity`, `when`, `range`, `effective.to`. */
export interface FieldChange {
  field: string;
  /** Absent when the field was not set on the old side. */
  old?: unknown;
  /** Absent when the field is not set on the new side. */
  new?: unknown;
  /** For condition fields (`when`, `appliesWhen`, `dueWhen`, `overdueWhen`). */
  rule?: RuleChange;
}

/** A transition's place in the order it is tried, on one side. */
export interface TransitionPlace {
  index: number;
  to: string;
}

/** One change. Only the locating keys that apply to its area are present. */
export interface DiffEntry {
  kind: DiffKind;
  area: DiffArea;
  change: DiffChange;
  /** The step: for step entries, a step's transitions and a step's follow-ups. */
  stepId?: string;
  /** Zero-based index of a transition in its list (the step's or the global one), old side. */
  oldIndex?: number;
  /** Zero-based index of a transition in its list, new side. */
  newIndex?: number;
  /** A transition's target step (on the new side when it has one, else the old). */
  to?: string;
  alertId?: string;
  /** A drug class of the file (`drugClasses[].id`). */
  drugClassId?: string;
  /** An MME table row, as `table-id ATC` (`nordic-2026 N02AA05`). */
  mmeRow?: string;
  factName?: string;
  conditionName?: string;
  measureId?: string;
  followUpId?: string;
  /** An indicator of the file (`indicators[].id`). */
  indicatorId?: string;
  /** For metadata entries: `version`, `status`, `effective.from`, `title`, `references` … */
  field?: string;
  /** The fields that differ, for `changed`, `renamed` and `retargeted` entries. */
  fields: FieldChange[];
  /** The item before (absent when added). For `reordered`: the old order. */
  old?: unknown;
  /** The item after (absent when removed). For `reordered`: the new order. */
  new?: unknown;
}

/** The semantic difference between two pathway documents; `entries` is empty when they mean the same. */
export interface PathwayDiff {
  old: { id: string; version: string };
  new: { id: string; version: string };
  entries: DiffEntry[];
}
