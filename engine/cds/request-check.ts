/**
 * A cheap check in front of zod for the CDS service call's body (as `engine/http/fast-body.ts`
 * is for the evaluate body): a request shaped the common way is accepted here and given back
 * exactly as `cdsRequestSchema` gives it (only the schema's keys, in the schema's order, the
 * records copied); anything else, including every request zod would refuse, goes to zod,
 * which words the error. `fhirServer` is checked by the schema's own URL rule.
 */
import { isPlainRecord } from '../model/plain-record';
import {
  absoluteUrl,
  cdsRequestSchema,
  patientViewContextSchema,
  type CdsRequest,
  type PatientViewContext,
} from './schema';

const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A copy of a record as `z.record(z.string(), z.unknown())` gives it. */
function copied(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) out[key] = record[key];
  return out;
}

/** The request as the schema gives it, when the plain check is sure; undefined otherwise. */
function plainRequest(body: unknown): CdsRequest | undefined {
  if (!isPlainRecord(body)) return undefined;
  const { hook, hookInstance, fhirServer, fhirAuthorization, context, prefetch, extension } = body;
  if (!text(hook) || !text(hookInstance) || !isPlainRecord(context)) return undefined;
  // fhirAuthorization is rare and has five rules of its own: zod reads it.
  if (fhirAuthorization !== undefined) return undefined;
  if (prefetch !== undefined && !isPlainRecord(prefetch)) return undefined;
  if (extension !== undefined && !isPlainRecord(extension)) return undefined;
  if (fhirServer !== undefined && !absoluteUrl.safeParse(fhirServer).success) return undefined;
  return {
    hook,
    hookInstance,
    ...(fhirServer === undefined ? {} : { fhirServer: fhirServer as string }),
    context: copied(context),
    ...(prefetch === undefined ? {} : { prefetch: copied(prefetch) }),
    ...(extension === undefined ? {} : { extension: copied(extension) }),
  };
}

/** `cdsRequestSchema.safeParse(body)`, answered without zod for a request shaped the common way. */
export function parseCdsRequest(body: unknown): ReturnType<typeof cdsRequestSchema.safeParse> {
  const plain = plainRequest(body);
  return plain === undefined ? cdsRequestSchema.safeParse(body) : { success: true, data: plain };
}

/**
 * `patientViewContextSchema.safeParse(context)`, answered without zod when the context is
 * shaped the common way (the ids as text, no encounterId or one as text).
 */
export function parsePatientViewContext(
  context: Record<string, unknown>,
): ReturnType<typeof patientViewContextSchema.safeParse> {
  const { userId, patientId, encounterId } = context;
  if (text(userId) && text(patientId) && (encounterId === undefined || text(encounterId))) {
    const data: PatientViewContext = { userId, patientId };
    if (encounterId !== undefined) data.encounterId = encounterId;
    return { success: true, data };
  }
  return patientViewContextSchema.safeParse(context);
}
