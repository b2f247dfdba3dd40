/**
 * The evaluation result: the JSON contract of `pathway evaluate --json`, the HTTP API and
 * the audit log. Field names are fixed by DESIGN.md; add fields, never rename them.
 */
import type { Language, Level, Severity } from '../model/types';

/** Three-valued truth: a missing fact makes a comparison unknown. */
export type Truth = 'true' | 'false' | 'unknown';

/** One leaf comparison as evaluated. */
export interface TraceLeaf {
  fact: string;
  /** The fact's value (undefined when unknown; JSON drops it). */
  value?: unknown;
  operator: string;
  /** The expected value; for a fact-to-fact comparison, the other fact's value. */
  expected: unknown;
  /** Set when `expected` came from another fact. */
  expectedFact?: string;
  result: Truth;
}

/** A node of an evaluated condition tree. */
export type TraceNode =
  | ({ kind: 'leaf' } & TraceLeaf)
  | { kind: 'all' | 'any'; result: Truth; children: TraceNode[] }
  | { kind: 'not'; result: Truth; child: TraceNode }
  | { kind: 'condition'; name: string; result: Truth; child: TraceNode };

/** One evaluated condition: a candidate transition, an alert or a follow-up rule. */
export interface TraceEntry {
  /** What was evaluated, e.g. `global[0]`, `steps.intake-assessment.transitions[1]`, `alerts.red-flag`. */
  source: string;
  /** For transitions: the step the walk was in, and the target. */
  from?: string;
  to?: string;
  result: Truth;
  condition: TraceNode;
}

export interface TransitionTaken {
  from: string;
  to: string;
  reason: string;
  global: boolean;
}

export interface FiredAlert {
  id: string;
  severity: Severity;
  message: string;
}

export interface UndecidedAlert {
  id: string;
  /** Input facts that would decide it; a derived fact whose inputs are all given names itself. */
  missingFacts: string[];
  /**
   * Why a derived fact it needs is unknown or only a lower bound although its inputs were
   * given (a drug without an MME factor, a medication that could not be classified), in words.
   */
  reasons?: string[];
}

export interface FollowUpItem {
  id: string;
  title: string;
  step?: string;
  measures: string[];
  status: 'upcoming' | 'due' | 'overdue';
  dueDate?: string;
}

/** The answer for one patient. */
export interface EvaluationResult {
  pathway: { id: string; version: string };
  asOf: string;
  language: Language;
  status: 'settled' | 'needs-information';
  step: { id: string; level: Level; title: string };
  path: string[];
  transitions: TransitionTaken[];
  actions: string[];
  followUps: FollowUpItem[];
  alerts: FiredAlert[];
  missingFacts: string[];
  undecidedAlerts: UndecidedAlert[];
  /** Why the walk stopped where it did, as a stable code. */
  stopReason: 'exit-step' | 'no-candidate' | 'needs-information' | 'loop-guard';
  /** Derived facts as computed (unknown ones are absent). */
  derivedFacts: Record<string, unknown>;
  /** Caveats the caller must see, e.g. that the MME excludes buprenorphine. */
  notes: string[];
  /** Plain-language explanation in `language`. */
  explanation: string;
  trace: TraceEntry[];
}
