/**
 * One evaluated patient of a batch, read straight from the batch's result columns (step
 * indexes, alert truths, follow-up codes) as an {@link EvaluatedWalk}: what `outcomeAt` would
 * put in an Outcome, without building one. Missing facts are worked out only when asked for,
 * with the same collectors and dependency walk as `outcomeAt` (engine/fast/outcome-view.ts).
 * One reader serves a whole run: {@link BatchWalk.at} points it at the next patient.
 */
import type { OutcomeFollowUp } from '../evaluate/outcome';
import type { PatientBatch } from '../fast/batch';
import { NEEDS_INFORMATION, REJECTED, type BatchResults } from '../fast/batch-results';
import type { FastStep, PopulationPathway } from '../fast/compile';
import { FOLLOW_UP_STATUS } from '../fast/follow-ups';
import type { PathwayError } from '../errors';
import type { AlertTruth, EvaluatedWalk } from './walk';

/** A reusable reader of one batch patient's walk, alerts and follow-ups. */
export class BatchWalk implements EvaluatedWalk {
  private batch: PatientBatch | undefined;
  private results: BatchResults | undefined;
  private i = 0;
  /** The walk's missing facts once worked out for the current patient. */
  private walkMissing: readonly string[] | undefined;
  private readonly scratch: string[] = [];
  /** Alert index (file order) by id. */
  private readonly alertIndex: ReadonlyMap<string, number>;

  constructor(readonly compiled: PopulationPathway) {
    this.alertIndex = new Map(compiled.alerts.map((a, k) => [a.id, k] as const));
  }

  /**
   * Points the reader at patient `i` of an evaluated batch. Returns the error `evaluate()`
   * would throw for that patient (the walk is then not to be read), else undefined.
   */
  at(batch: PatientBatch, results: BatchResults, i: number): PathwayError | RangeError | undefined {
    this.batch = batch;
    this.results = results;
    this.i = i;
    this.walkMissing = undefined;
    const error = batch.errors[i] ?? results.errors[i];
    if (error !== undefined) return error;
    return results.status[i] === REJECTED
      ? new RangeError(`patient ${i} was not evaluated`)
      : undefined;
  }

  /** The patient's slots in its own context (input and derived facts, as loaded). */
  ownRow(): readonly unknown[] {
    return (this.batch as PatientBatch).rows[this.i] as unknown[];
  }

  private get r(): BatchResults {
    return this.results as BatchResults;
  }

  /** Steps on the walk, the start step included. */
  get pathLength(): number {
    return this.r.pathLength[this.i] as number;
  }

  /** The index (into `compiled.steps`) of the `j`th step of the walk. */
  pathIndex(j: number): number {
    const r = this.r;
    return r.path[this.i * r.pathWidth + j] as number;
  }

  /** Which candidate of the `j`th step was taken (out of range when the candidate is unknown). */
  takenIndex(j: number): number {
    const r = this.r;
    return r.taken[this.i * r.pathWidth + j] as number;
  }

  /** The `j`th step of the walk. */
  pathStep(j: number): FastStep {
    const r = this.r;
    return this.compiled.steps[r.path[this.i * r.pathWidth + j] as number] as FastStep;
  }

  /** The source key of the `j`th transition taken (`''` when the candidate is unknown). */
  takenKey(j: number): string {
    const r = this.r;
    return this.pathStep(j).candidates[r.taken[this.i * r.pathWidth + j] as number]?.key ?? '';
  }

  /** Truth of alert `k` (file order). */
  alertAt(k: number): AlertTruth {
    const r = this.r;
    return r.alerts[this.i * r.alertCount + k] as AlertTruth;
  }

  /** Listed status of follow-up rule `index` (all rules numbered), or undefined. */
  followUpAt(index: number): OutcomeFollowUp['status'] | undefined {
    const r = this.r;
    return FOLLOW_UP_STATUS[r.followUps[this.i * r.ruleCount + index] as number];
  }

  step(): string {
    return this.pathStep(this.pathLength - 1).id;
  }

  status(): 'settled' | 'needs-information' {
    return this.r.status[this.i] === NEEDS_INFORMATION ? 'needs-information' : 'settled';
  }

  visited(id: string): boolean {
    for (let j = 0; j < this.pathLength; j++) if (this.pathStep(j).id === id) return true;
    return false;
  }

  missingFacts(): readonly string[] {
    if (this.walkMissing !== undefined) return this.walkMissing;
    const c = this.compiled;
    const batch = this.batch as PatientBatch;
    const length = this.pathLength;
    const pending = this.r.pending[this.i] as number;
    const candidate = pending < 0 ? undefined : this.pathStep(length - 1).candidates[pending];
    let found: readonly string[] = [];
    if (candidate !== undefined) {
      // The slots the final step's conditions were evaluated on, as outcomeAt reads them.
      const s = (length > 1 ? batch.walkRow(this.i) : batch.rows[this.i]) as unknown[];
      this.scratch.length = 0;
      (c.unknownFacts[candidate.cond] as (typeof c.unknownFacts)[number])(s, this.scratch);
      found = c.missing.forFacts(this.scratch, s);
    }
    this.walkMissing = found;
    return found;
  }

  alert(id: string): AlertTruth {
    const k = this.alertIndex.get(id);
    return k === undefined ? 0 : this.alertAt(k);
  }

  alertMissingFacts(id: string): readonly string[] {
    const k = this.alertIndex.get(id);
    if (k === undefined || this.alertAt(k) !== 1) return [];
    const c = this.compiled;
    const own = (this.batch as PatientBatch).rows[this.i] as unknown[];
    const a = c.alerts[k] as (typeof c.alerts)[number];
    this.scratch.length = 0;
    (c.unknownFacts[a.cond] as (typeof c.unknownFacts)[number])(own, this.scratch);
    return c.missing.forFacts(this.scratch, own);
  }

  followUpStatus(id: string, step: string | undefined): OutcomeFollowUp['status'] | undefined {
    // Listed follow-ups are the final step's own and the pathway's, as outcomeAt lists them.
    const final = this.pathStep(this.pathLength - 1);
    for (const rules of [final.followUps, this.compiled.followUps])
      for (const rule of rules)
        if (rule.id === id && rule.step === step) {
          const status = this.followUpAt(rule.index);
          if (status !== undefined) return status;
        }
    return undefined;
  }
}
