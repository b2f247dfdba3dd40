/**
 * The evaluation service: pick version → compile (cached) → evaluate → record, the same for
 * every entrance (CLI, REST, batch, CDS Hooks, replay, impact). Pure: the versions come from
 * a callback and the audit log is an interface, so it runs in Node and in the browser.
 */
import { PathwayError } from '../errors';
import { evaluate, evaluateLine, lastLineFields } from '../evaluate/evaluate';
import type { CompiledPathway } from '../evaluate/compile';
import type { EvaluationResult } from '../evaluate/result';
import type { Language } from '../model/types';
import type { AuditChannel, AuditSink, CardsSent, CdsCallIds } from './audit';
import { CompileCache } from './compile-cache';
import { canonicalLine } from './line-text';
import { evaluatedInput, type EvaluationRequest } from './request';
import type { Today } from './today';
import { chooseVersion, type Chosen, type VersionFile } from './versions';

/** What a service is built from. */
export interface ServiceOptions<V extends VersionFile> {
  /** The versions of one pathway (throws UNKNOWN_PATHWAY for an unknown id). */
  versionsOf(pathwayId: string): Promise<readonly V[]> | readonly V[];
  /**
   * Today's date (YYYY-MM-DD) in a time zone (the default zone, Europe/Stockholm, when none
   * is given): the default `asOf` is today in the pathway's zone. A test may fix the date and ignore the zone.
   */
  today: Today;
  /** Where served evaluations are recorded; none: nothing is recorded. */
  audit?: AuditSink | undefined;
  /** The clock of audit entries (ISO timestamp). */
  now?: () => string;
  /** How many compiled versions to keep. Default 64. */
  compileCacheSize?: number;
}

/** How one evaluation is run. */
export interface EvaluateOptions {
  /** Record it in the audit log under this channel (when the service has one). */
  channel?: AuditChannel | undefined;
  language?: Language | undefined;
  /** Include the per-condition trace. Default true. */
  trace?: boolean | undefined;
  /** A CDS Hooks call's hookInstance, patient and user, recorded with the evaluation. */
  cdsCall?: CdsCallIds | undefined;
  /**
   * Called with a successful result before it is recorded; the cards it gives are recorded
   * with the evaluation in one transaction (a CDS Hooks call's, see `AuditSink.record`).
   * Called whether or not the service records; undefined: no cards. It must not throw.
   */
  cardsOf?: ((result: EvaluationResult) => CardsSent | undefined) | undefined;
}

/** An evaluation served, with the version that answered and its audit id (when recorded). */
export interface Served<V extends VersionFile = VersionFile> {
  result: EvaluationResult;
  version: V;
  asOf: string;
  auditId: number | undefined;
}

/** The evaluation service. */
export interface EvaluationService<V extends VersionFile = VersionFile> {
  /** Today's date in the default zone (Europe/Stockholm), as the service sees it (a request's default `asOf` is in the pathway's zone). */
  today(): string;
  /** The version that answers a request for `pathwayId`, and its date (docs/versions.md). */
  choose(
    pathwayId: string,
    request: Pick<EvaluationRequest, 'asOf' | 'version'>,
  ): Promise<Chosen<V>>;
  /** The compiled form of a version (cached by content hash); PATHWAY_NOT_EVALUABLE when it does not compile. */
  compiled(version: VersionFile): CompiledPathway;
  /**
   * Evaluates a request with a chosen version and records it. Bad input rejects with the
   * engine's PathwayError (recorded as status `error`); a log that cannot record rejects
   * with SERVICE_UNAVAILABLE, and the result is not served.
   */
  evaluate(
    chosen: Chosen<V>,
    request: EvaluationRequest,
    options?: EvaluateOptions,
  ): Promise<Served<V>>;
  /** {@link choose} then {@link evaluate}. */
  serve(
    pathwayId: string,
    request: EvaluationRequest,
    options?: EvaluateOptions,
  ): Promise<Served<V>>;
  /**
   * The batch entry: one line of a patients file (its text, not parsed) read straight into a
   * batch by the line reader and evaluated there, answered and recorded exactly as
   * {@link serve} of the parsed line's request would (the same version, result, error and
   * audit record). Resolves to undefined when the line is not one the reader takes (anything
   * unusual: a `language`, white space, a value the loader declines): then parse and check
   * the line and {@link serve} it.
   */
  serveLine(
    pathwayId: string,
    text: string,
    options?: EvaluateOptions,
  ): Promise<Served<V> | undefined>;
}

/**
 * The system clock as an ISO timestamp, written once per millisecond: under load many
 * evaluations are recorded in the same millisecond, and each would format the same text.
 */
function systemClock(): () => string {
  let lastMs = Number.NaN;
  let lastText = '';
  return () => {
    const ms = Date.now();
    if (ms !== lastMs) {
      lastMs = ms;
      lastText = new Date(ms).toISOString();
    }
    return lastText;
  };
}

/** Builds a service. */
export function createEvaluationService<V extends VersionFile>(
  options: ServiceOptions<V>,
): EvaluationService<V> {
  const cache = new CompileCache(options.compileCacheSize);
  const now = options.now ?? systemClock();
  const { audit } = options;

  // Awaited before the answer is given: an evaluation the log cannot store is not served.
  const record = async (
    entry: Parameters<AuditSink['record']>[0],
    cards?: CardsSent,
  ): Promise<number | undefined> => {
    if (audit === undefined) return undefined;
    try {
      return await (cards === undefined ? audit.record(entry) : audit.record(entry, cards));
    } catch (error) {
      const message = `the audit log could not record this evaluation, so it is not served: ${error instanceof Error ? error.message : String(error)}`;
      throw new PathwayError('SERVICE_UNAVAILABLE', message);
    }
  };

  /**
   * Records an evaluation (when it has a channel) and gives it as served; a failed one is
   * recorded as an error and rethrown. `input` is the input as evaluated, or its JSON text.
   */
  const served = async (
    chosen: Chosen<V>,
    settings: EvaluateOptions,
    input: { value: unknown } | { json: string },
    evaluation: Promise<EvaluationResult>,
  ): Promise<Served<V>> => {
    const { version, asOf } = chosen;
    const language: Language = settings.language ?? 'en';
    const base = {
      time: now(),
      pathwayId: version.pathway.id,
      version: version.pathway.version,
      contentHash: version.hash,
      asOf,
      language,
      ...('json' in input ? { input: undefined, inputJson: input.json } : { input: input.value }),
      ...settings.cdsCall,
    };
    const channel = settings.channel;
    let result: EvaluationResult;
    try {
      result = await evaluation;
    } catch (error) {
      // Every refusal is on the record; a bug is recorded as INTERNAL.
      if (channel !== undefined)
        await record({
          ...base,
          channel,
          status: 'error',
          step: null,
          alerts: [],
          errorCode: error instanceof PathwayError ? error.code : 'INTERNAL',
        });
      throw error;
    }
    const cards = settings.cardsOf?.(result);
    const auditId =
      channel === undefined
        ? undefined
        : await record(
            {
              ...base,
              channel,
              status: result.status,
              step: result.step.id,
              alerts: result.alerts.map((a) => a.id),
            },
            cards,
          );
    return { result, version, asOf, auditId };
  };

  const service: EvaluationService<V> = {
    today: () => options.today(),
    async choose(pathwayId, request) {
      return chooseVersion(await options.versionsOf(pathwayId), request, options.today);
    },
    compiled: (version) => cache.compiled(version),
    async evaluate(chosen, request, settings = {}) {
      const compiled = cache.compiled(chosen.version);
      const input = evaluatedInput(request, chosen.asOf);
      const language: Language = settings.language ?? 'en';
      // Evaluated before anything is awaited, as it always was (a synchronous evaluator).
      const evaluation = evaluate(compiled, input, { language, trace: settings.trace ?? true });
      return served(chosen, settings, { value: input }, evaluation);
    },
    async serve(pathwayId, request, settings) {
      return service.evaluate(await service.choose(pathwayId, request), request, settings);
    },
    async serveLine(pathwayId, text, settings = {}) {
      const line = canonicalLine(text, 0, text.length);
      if (line === undefined) return undefined;
      let chosen: Chosen<V>;
      try {
        chosen = await service.choose(pathwayId, { asOf: line.asOf, version: line.version });
      } catch {
        return undefined; // the per-line route gives the error
      }
      const compiled = cache.compiled(chosen.version);
      const language: Language = settings.language ?? 'en';
      const evaluation = evaluateLine(compiled, text, 0, text.length, chosen.asOf, {
        language,
        trace: settings.trace ?? true,
      });
      if (evaluation === undefined) return undefined;
      // What the line's schema would refuse and the reader takes: an id or a centre too long.
      const fields = lastLineFields(compiled);
      if (
        fields === undefined ||
        (typeof fields.id === 'string' && fields.id.length > 200) ||
        (typeof fields.id === 'number' && !Number.isFinite(fields.id)) ||
        (fields.healthCentre !== undefined && fields.healthCentre.length > 200)
      ) {
        evaluation.catch(() => {});
        return undefined;
      }
      // The input as evaluated, `{ currentStep?, facts, asOf }`, as JSON.stringify writes it:
      // the line is written that way (canonicalLine), so its own text is that JSON.
      const step =
        line.stepStart < 0 ? '' : `"currentStep":${text.slice(line.stepStart, line.stepEnd)},`;
      const json = `{${step}"facts":${text.slice(line.factsStart, line.factsEnd)},"asOf":${JSON.stringify(chosen.asOf)}}`;
      return served(chosen, settings, { json }, evaluation);
    },
  };
  return service;
}
