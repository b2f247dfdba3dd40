/**
 * The HTTP API the editor talks to (served by `npm start`; proxied by `npm run dev`). Every
 * failure is an {@link ApiError} carrying the server's `{ error: { code, message, issues } }`.
 */
import type { Pathway, Scenario } from '../../../engine/index';
import type { Layout } from '../../../engine/editor';
import type { ScenarioEntry } from '../model/scenarios';

/** One version in the pathway list. */
export interface VersionSummary {
  version: string;
  status: Pathway['status'];
  effective: Pathway['effective'];
  /** In effect today (the server may name it either way). */
  inEffect?: boolean;
  inEffectToday?: boolean;
  /** Active or retired, or recorded in the lock: never changes. */
  frozen?: boolean;
  hash: string;
}

/** One pathway in the list. */
export interface PathwaySummary {
  id: string;
  title: Pathway['title'];
  versions: VersionSummary[];
}

/** A version as loaded for editing. */
export interface LoadedVersion {
  pathway: Pathway;
  text: string;
  hash: string;
  layout: Layout | null;
  layoutHash: string | null;
  frozen: boolean;
}

/** An error answer (or no answer) from the server. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly { path?: string; message: string }[] = [],
  ) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', `the server did not answer (${String(error)})`);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (
      payload as { error?: { code?: string; message?: string; issues?: [] } } | undefined
    )?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? response.statusText,
      error?.issues ?? [],
    );
  }
  return payload as T;
}

const enc = encodeURIComponent;

/** All pathways with their versions. */
export async function listPathways(): Promise<PathwaySummary[]> {
  return (await request<{ pathways: PathwaySummary[] }>('GET', '/api/pathways')).pathways;
}

/** One version with its text, hash and layout. */
export function loadVersion(id: string, version: string): Promise<LoadedVersion> {
  return request('GET', `/api/pathways/${enc(id)}/versions/${enc(version)}`);
}

/** The scenarios of a pathway (all versions). */
export async function listScenarios(id: string): Promise<ScenarioEntry[]> {
  return (
    await request<{ scenarios: ScenarioEntry[] }>('GET', `/api/pathways/${enc(id)}/scenarios`)
  ).scenarios;
}

/**
 * Saves a version (canonical YAML and layout are written by the server). `baseHash` is the
 * hash the document was loaded with (null for a new file): a 409 means it changed on disk.
 */
export function saveVersion(
  id: string,
  version: string,
  body: {
    pathway: Pathway;
    layout: Layout;
    baseHash: string | null;
    /** This version's own test patients, rewritten with it (each with its hash as listed). */
    scenarios?: { name: string; scenario: Scenario; baseHash: string | null }[];
  },
): Promise<{ hash: string; layoutHash: string | null }> {
  return request('PUT', `/api/pathways/${enc(id)}/versions/${enc(version)}`, body);
}

/** Saves a scenario file: a new one, or (with the hash it was listed with) over an existing one. */
export function saveScenario(
  id: string,
  name: string,
  scenario: Scenario,
  baseHash?: string,
): Promise<{ file?: string }> {
  return request('POST', `/api/pathways/${enc(id)}/scenarios`, {
    name,
    scenario,
    ...(baseHash === undefined ? {} : { baseHash }),
  });
}

/** The medication code table the engine classifies drugs with, by substance (read-only). */
export function loadMedicationTerms(): Promise<{
  substances: {
    atc: string;
    name: string;
    codes: { system: string; code: string; display?: string }[];
  }[];
}> {
  return request('GET', '/api/terminology/medications');
}

/**
 * Publishes a saved draft (the publish route runs the same checks as the editor's dialog and
 * refuses with 409 PUBLISH_BLOCKED what is neither passing nor acknowledged).
 */
export function publishVersion(
  id: string,
  version: string,
  body: {
    baseHash: string;
    effective: { from: string; to?: string };
    acknowledge?: {
      failingScenarios?: string[];
      impact?: boolean;
      note?: string;
      patients?: { digest: string };
    };
    /** A patients file to check the impact on (the route checks it itself). */
    patients?: { name: string; text: string };
  },
): Promise<{ key: string; hash: string; frozen: true }> {
  return request('POST', `/api/pathways/${enc(id)}/versions/${enc(version)}/publish`, body);
}
