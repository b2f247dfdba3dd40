/** Reading the results report from the service (`GET /api/pathways/{id}/results`). */
import type { ResultsReport } from '../../../engine/editor';

/** Why the report could not be shown. */
export type ResultsFailure =
  { kind: 'no-store' } | { kind: 'no-runs' } | { kind: 'error'; message: string };

/** The report, or why there is none. */
export type ResultsAnswer = { report: ResultsReport } | { failure: ResultsFailure };

/** Fetches the report of a pathway's stored runs in a language. */
export async function fetchResults(pathwayId: string, lang: string): Promise<ResultsAnswer> {
  let response: Response;
  try {
    response = await fetch(
      `/api/pathways/${encodeURIComponent(pathwayId)}/results?lang=${encodeURIComponent(lang)}`,
    );
  } catch (error) {
    return { failure: { kind: 'error', message: String(error) } };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { report: body as ResultsReport };
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  if (response.status === 404 && error?.code === 'NOT_FOUND')
    return {
      failure: /RESULTS_DATABASE/.test(error.message ?? '')
        ? { kind: 'no-store' }
        : { kind: 'no-runs' },
    };
  return { failure: { kind: 'error', message: error?.message ?? response.statusText } };
}

/** The editor's compare view of two versions: opens `to` and compares it with `from`. */
export function compareHref(pathwayId: string, from: string, to: string): string {
  const params = new URLSearchParams({ pathway: pathwayId, version: to, compare: from });
  return `/?${params.toString()}`;
}

/** The results view of a pathway. */
export function resultsHref(pathwayId: string): string {
  return `/?${new URLSearchParams({ view: 'results', pathway: pathwayId }).toString()}`;
}
