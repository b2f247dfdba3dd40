/**
 * The answers for a batch, as columns of small integers: what a population run counts, with
 * no object per patient. `outcome-view.ts` turns one row back into an `Outcome`.
 */
import type { PathwayError } from '../errors';
import type { PopulationPathway } from './compile';

/** Stop reasons by code, as stored in {@link BatchResults.stopReason}. */
export const STOP_REASONS = [
  'exit-step',
  'no-candidate',
  'needs-information',
  'loop-guard',
] as const;

/** Status codes in {@link BatchResults.status}. */
export const SETTLED = 0;
export const NEEDS_INFORMATION = 1;
export const REJECTED = 2;

/** Column storage for the answers of up to `capacity` patients. Reused across batches. */
export class BatchResults {
  /** 0 settled, 1 needs information, 2 rejected (the batch's or these results' errors). */
  readonly status: Uint8Array;
  /** Index into {@link STOP_REASONS}. */
  readonly stopReason: Uint8Array;
  /** Steps on the walk, the start step included. */
  readonly pathLength: Int32Array;
  /** Step indexes of the walk: `pathWidth` per patient. */
  readonly path: Int32Array;
  /** Per hop: which candidate of the step left was taken (`pathWidth` per patient). */
  readonly taken: Int32Array;
  /** The candidate of the final step whose unknown condition stopped the walk, or -1. */
  readonly pending: Int32Array;
  /** Kleene truth (0, 1, 2) of every alert condition, `alertCount` per patient. */
  readonly alerts: Uint8Array;
  /** Follow-up status code per rule (see `FOLLOW_UP_STATUS`), `ruleCount` per patient. */
  readonly followUps: Uint8Array;
  /** Per patient: the typed error of an evaluation that failed, or undefined. */
  readonly errors: (PathwayError | undefined)[] = [];
  /** Where each patient's recorded trace starts in {@link trace} (patient i ends at i + 1). */
  readonly traceStart: Int32Array;
  /** Recorded node truths of every traced patient, back to back. */
  trace: Uint8Array = new Uint8Array(0);
  /**
   * Whether the last evaluation recorded traces: every condition (true), the walk's
   * candidates only ('walk'), or none (false).
   */
  traced: boolean | 'walk' = false;
  /** The batch, and its generation, these results were last evaluated from. */
  source: { batch: object; generation: number } | undefined;
  readonly pathWidth: number;
  readonly alertCount: number;
  readonly ruleCount: number;

  constructor(
    readonly compiled: PopulationPathway,
    readonly capacity: number,
  ) {
    // No step is visited twice (the loop guard stops first), so a walk has at most one per step.
    this.pathWidth = Math.max(1, compiled.steps.length);
    this.alertCount = compiled.alerts.length;
    this.ruleCount = compiled.followUpRuleCount;
    this.status = new Uint8Array(capacity);
    this.stopReason = new Uint8Array(capacity);
    this.pathLength = new Int32Array(capacity);
    this.path = new Int32Array(capacity * this.pathWidth);
    this.taken = new Int32Array(capacity * this.pathWidth);
    this.pending = new Int32Array(capacity);
    this.alerts = new Uint8Array(capacity * this.alertCount);
    this.followUps = new Uint8Array(capacity * this.ruleCount);
    this.traceStart = new Int32Array(capacity + 1);
  }

  /** Makes room for `more` trace bytes after `used`, keeping what is recorded. */
  reserveTrace(used: number, more: number): Uint8Array {
    if (used + more > this.trace.length) {
      const grown = new Uint8Array(Math.max(used + more, this.trace.length * 2, 4096));
      grown.set(this.trace.subarray(0, used));
      this.trace = grown;
    }
    return this.trace;
  }
}
