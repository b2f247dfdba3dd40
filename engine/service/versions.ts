/**
 * Which version answers a request: the one rule every entrance follows (docs/versions.md).
 *
 * 1. An explicit version wins: the request's `version`, `--version`, or a pathway file named
 *    on the command line. It answers on `asOf` even outside its effective dates (drafts are
 *    only reachable this way).
 * 2. Otherwise the version in effect on `asOf` per the files' effective dates.
 * 3. `asOf` is the request's `asOf`, else today in the pathway's time zone (`timeZoneOf`).
 * Two sources that disagree (the input file's `asOf` and `--as-of`) are refused with
 * CONFLICTING_INPUT rather than one being picked silently.
 */
import { PathwayError } from '../errors';
import type { Pathway } from '../model/types';
import { effectiveEnd, inEffectOn, selectVersion, supersederOf } from '../versions/select';
import type { EvaluationRequest } from './request';
import { requestTimeZone, timeZoneOf, type Today } from './today';

/** A version file as the service needs it: the document, its content hash and its name. */
export interface VersionFile {
  pathway: Pathway;
  /** Content hash of the file (`sha256:…`): the compile cache and the audit log key on it. */
  hash: string;
  /** `<id>/<version>.yaml`, or the file as named. */
  key: string;
}

/** The version that answers and the date it answers on. */
export interface Chosen<V extends VersionFile = VersionFile> {
  version: V;
  asOf: string;
}

/** The evaluation date: the request's `asOf`, else today in `timeZone` (the default zone when none is given). */
export function asOfOf(
  request: Pick<EvaluationRequest, 'asOf'>,
  today: Today,
  timeZone?: string,
): string {
  return request.asOf ?? today(timeZone);
}

/**
 * Chooses among the versions of one pathway. Throws UNKNOWN_VERSION, NO_VERSION_IN_EFFECT or
 * AMBIGUOUS_VERSION.
 */
export function chooseVersion<V extends VersionFile>(
  versions: readonly V[],
  request: Pick<EvaluationRequest, 'asOf' | 'version'>,
  today: Today,
): Chosen<V> {
  const asOf = request.asOf ?? today(requestTimeZone(versions, request, today));
  return { version: selectVersion(versions, { version: request.version, asOf }), asOf };
}

/**
 * A version named by its file: it is the explicit version. A request naming another version
 * is refused (UNKNOWN_VERSION), as it would be for an id without that version.
 */
export function choosePinned<V extends VersionFile>(
  file: V,
  request: Pick<EvaluationRequest, 'asOf' | 'version'>,
  today: Today,
): Chosen<V> {
  const { pathway } = file;
  if (request.version !== undefined && request.version !== pathway.version) {
    throw new PathwayError(
      'UNKNOWN_VERSION',
      `${file.key} is version ${pathway.version}, not ${request.version}`,
      [
        {
          code: 'UNKNOWN_VERSION',
          message: `file holds version ${pathway.version}`,
          path: 'version',
          value: request.version,
        },
      ],
      pathway.id,
    );
  }
  return { version: file, asOf: asOfOf(request, today, timeZoneOf(pathway)) };
}

/**
 * Why an explicitly chosen version is not the one in effect on its date; undefined when it is.
 * `siblings` (the pathway's other versions) let a successor's `supersedes` end its period.
 */
export function outOfEffect(chosen: Chosen, siblings: readonly Pathway[] = []): string | undefined {
  const { pathway } = chosen.version;
  if (inEffectOn(pathway, chosen.asOf, siblings)) return undefined;
  const end = effectiveEnd(pathway, siblings);
  const superseder = supersederOf(pathway, siblings);
  const range = `${pathway.effective.from} – ${end ?? '…'}${superseder === undefined ? '' : `, superseded by ${superseder.version}`}`;
  return pathway.status === 'draft'
    ? `${pathway.id} ${pathway.version} is a draft: it is never in effect, and answers only because it was named`
    : `${pathway.id} ${pathway.version} is not in effect on ${chosen.asOf} (${pathway.status}, ${range}); it answers because it was named`;
}

/**
 * Merges the request in an input file with the same fields given on the command line. A field
 * given in both places must agree.
 * @throws PathwayError CONFLICTING_INPUT naming the field and both values.
 */
export function withCommandLine(
  request: EvaluationRequest,
  flags: { asOf?: string | undefined; version?: string | undefined },
  file?: string,
): EvaluationRequest {
  const out: EvaluationRequest = { ...request };
  for (const [field, option] of [
    ['asOf', '--as-of'],
    ['version', '--version'],
  ] as const) {
    const given = flags[field];
    if (given === undefined) continue;
    const own = request[field];
    if (own !== undefined && own !== given) {
      const message = `${option} ${given} disagrees with the input's ${field} ${own}: give one, or make them agree`;
      throw new PathwayError('CONFLICTING_INPUT', message, [
        {
          code: 'CONFLICTING_INPUT',
          message,
          path: field,
          value: own,
          ...(file === undefined ? {} : { file }),
        },
      ]);
    }
    out[field] = given;
  }
  return out;
}
