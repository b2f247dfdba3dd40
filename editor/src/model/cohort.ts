/**
 * The cohort overlay as pure functions: reading a `cohort.json` written by `pathway cohort`
 * (checked with zod, so a wrong file is refused with the field that is wrong) and mapping its
 * counts onto the canvas: patients per step on the nodes, transitions taken on the edges,
 * each with its share of the cohort (of everyone, or of one health centre).
 */
import { z } from 'zod';
import { globalEdgeId, transitionEdgeId } from './ids';
import { readJson } from './json';

const count = z.number().int().nonnegative();

const groupSchema = z.object({
  patients: count,
  steps: z.record(
    z.string(),
    z.object({ final: count, visited: count, share: z.number().min(0).max(1) }),
  ),
  transitions: z.record(z.string(), count),
});

const cohortFileSchema = z.object({
  pathway: z.object({ id: z.string().min(1), version: z.string().min(1) }),
  asOf: z.string(),
  by: z.string().nullable(),
  totals: z.object({ patients: count }),
  all: groupSchema,
  groups: z.record(z.string(), groupSchema),
});

/** The counts of one group (or of everyone) that the overlay reads. */
export type CohortGroup = z.infer<typeof groupSchema>;

/** The part of `cohort.json` that the overlay reads (other fields are allowed and ignored). */
export type CohortFile = z.infer<typeof cohortFileSchema>;

/** Why a file was refused; `field` names the offending field as a dotted path. */
export type CohortProblem =
  | { kind: 'not-json'; message: string }
  | { kind: 'shape'; field: string; message: string }
  | {
      kind: 'other-pathway';
      field: 'pathway.id' | 'pathway.version';
      found: string;
      expected: string;
    };

/** The outcome of reading a cohort file. */
export type CohortParse = { ok: true; value: CohortFile } | { ok: false; problem: CohortProblem };

/** A count laid over a node or an edge. */
export interface CohortBadge {
  /** Patients at the step (their final step) or who took the transition. */
  patients: number;
  /** `patients` as a share (0–1) of the cohort shown. */
  share: number;
  /** Steps only: patients whose walk passed through the step (the final one included). */
  visited?: number;
}

/** Badges by canvas id: node ids are step ids; edge ids as in `ids.ts`. */
export interface CohortBadges {
  /** Patients in the cohort shown (everyone, or one health centre). */
  patients: number;
  nodes: Readonly<Record<string, CohortBadge>>;
  edges: Readonly<Record<string, CohortBadge>>;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(the whole file)' : path.map(String).join('.');
}

/**
 * Reads the text of a `cohort.json` and checks that it is one, for pathway `expected.id`
 * version `expected.version`.
 */
export function parseCohortFile(
  text: string,
  expected: { id: string; version: string },
): CohortParse {
  const json = readJson(text);
  if (!json.ok) return { ok: false, problem: { kind: 'not-json', message: json.message } };
  const raw = json.value;
  const parsed = cohortFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: {
        kind: 'shape',
        field: fieldPath(issue?.path ?? []),
        message: issue?.message ?? 'invalid',
      },
    };
  }
  const file = parsed.data;
  if (file.pathway.id !== expected.id)
    return {
      ok: false,
      problem: {
        kind: 'other-pathway',
        field: 'pathway.id',
        found: file.pathway.id,
        expected: expected.id,
      },
    };
  if (file.pathway.version !== expected.version)
    return {
      ok: false,
      problem: {
        kind: 'other-pathway',
        field: 'pathway.version',
        found: file.pathway.version,
        expected: expected.version,
      },
    };
  return { ok: true, value: file };
}

/** The canvas edge id of a trace source key, or undefined for a key the canvas has no edge for. */
export function edgeIdOfSourceKey(key: string): string | undefined {
  const global = /^globalTransitions\[(\d+)\]$/.exec(key);
  if (global?.[1] !== undefined) return globalEdgeId(Number(global[1]));
  const step = /^steps\.(.+)\.transitions\[(\d+)\]$/.exec(key);
  if (step?.[1] !== undefined && step[2] !== undefined)
    return transitionEdgeId(step[1], Number(step[2]));
  return undefined;
}

/** The health centres (groups) of a file, sorted; empty when the run was not grouped. */
export function cohortGroupNames(file: CohortFile): string[] {
  return file.by === null ? [] : Object.keys(file.groups).sort();
}

const shareOf = (n: number, of: number): number => (of === 0 ? 0 : n / of);

/**
 * Badges for every step and transition of a cohort: of everyone, or of the health centre
 * `group` (everyone when the file has no such group).
 */
export function cohortBadges(file: CohortFile, group: string | null = null): CohortBadges {
  const counts = (group === null ? undefined : file.groups[group]) ?? file.all;
  const n = counts.patients;
  const nodes: Record<string, CohortBadge> = {};
  for (const [id, step] of Object.entries(counts.steps))
    nodes[id] = { patients: step.final, share: shareOf(step.final, n), visited: step.visited };
  const edges: Record<string, CohortBadge> = {};
  for (const [key, taken] of Object.entries(counts.transitions)) {
    const id = edgeIdOfSourceKey(key);
    if (id !== undefined) edges[id] = { patients: taken, share: shareOf(taken, n) };
  }
  return { patients: n, nodes, edges };
}

/** A share as a percentage for a badge: one decimal below 10 %, whole numbers above. */
export function percentText(share: number): string {
  const percent = share * 100;
  if (percent === 0) return '0 %';
  return percent < 10 ? `${percent.toFixed(1)} %` : `${Math.round(percent)} %`;
}
