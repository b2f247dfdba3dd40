/**
 * "What changed" at a version break of a results series: the semantic diff of the two
 * versions (the same words as `pathway diff`, in the report's language) as a small
 * self-contained HTML page. `pathway report` writes it next to the report; the HTTP
 * service answers it at `GET /api/pathways/{id}/diff`. Node-only (reads the pathways folder).
 */
import { escapeXml } from '../cohort/svg';
import { diffHeadline, diffPathways, renderDiff } from '../diff/index';
import { PathwayError } from '../errors';
import type { Language } from '../model/types';
import { versionsOf, type PathwayRepository } from './repository';

/** The two versions of one pathway a break lies between. */
export interface VersionBreak {
  pathwayId: string;
  from: string;
  to: string;
}

/** The file name of a break's page, e.g. `what-changed-chronic-pain-1.2.0-to-1.3.0.html`. */
export function whatChangedFile(change: VersionBreak): string {
  return `what-changed-${change.pathwayId}-${change.from}-to-${change.to}.html`;
}

function versionOf(repo: PathwayRepository, id: string, version: string) {
  const found = versionsOf(repo, id).find((v) => v.pathway.version === version);
  if (found === undefined) {
    const message = `pathway ${id} has no version ${version} in ${repo.root}`;
    throw new PathwayError(
      'UNKNOWN_VERSION',
      message,
      [{ code: 'UNKNOWN_VERSION', message, path: 'version', value: version }],
      id,
    );
  }
  return found.pathway;
}

/**
 * The page of one break. Throws UNKNOWN_PATHWAY or UNKNOWN_VERSION when the pathways folder
 * lacks either version (a store can outlive the files it was made from).
 */
export function whatChangedHtml(
  repo: PathwayRepository,
  change: VersionBreak,
  lang: Language,
): string {
  const diff = diffPathways(
    versionOf(repo, change.pathwayId, change.from),
    versionOf(repo, change.pathwayId, change.to),
  );
  return page(diffHeadline(diff, lang), renderDiff(diff, { format: 'text', lang }), lang);
}

/** Why a break has no diff, in the report's language (the reason itself is the engine's). */
const MISSING: Record<Language, (from: string, to: string) => string> = {
  sv: (from, to) => `Ändringarna ${from} → ${to} kan inte visas`,
  da: (from, to) => `Ændringerne ${from} → ${to} kan ikke vises`,
  en: (from, to) => `The changes ${from} → ${to} cannot be shown`,
};

/** The page of a break whose versions could not be read: says so and why. */
export function whatChangedMissingHtml(
  change: VersionBreak,
  reason: string,
  lang: Language,
): string {
  return page(`${change.pathwayId}: ${MISSING[lang](change.from, change.to)}`, reason, lang);
}

function page(headline: string, text: string, lang: Language): string {
  const title = escapeXml(headline);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}pre{white-space:pre-wrap;line-height:1.4}</style>
</head><body><h1>${title}</h1><pre data-testid="what-changed">${escapeXml(text)}</pre></body></html>
`;
}
