/**
 * The HTTP contract as zod schemas: request bodies, path and query parameters, and the
 * answers. Routes validate requests with them ({@link parseWith}); the OpenAPI document
 * is generated from them; tests check every answer against them.
 */
import { z } from 'zod';
import { layoutSchema } from '../model/layout';
import {
  LANGUAGES,
  LEVELS,
  evaluationLineSchema,
  evaluationRequestSchema,
  isoDate,
  languageSchema,
  pathwaySchema,
  scenarioSchema,
  textsSchema,
} from '../model/schema';
import { formatPath } from '../model/path';
import { cdsFeedbackFieldsSchema } from '../cds/schema';
import { AUDIT_CHANNELS } from '../service/audit';
import { HttpError, type AnyErrorCode, type HttpIssue } from './errors';

/** A pathway id as used in folder names: kebab-case, at most 100 characters. */
export const pathwayIdSchema = z
  .string()
  .max(100)
  .regex(
    /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
    'expected a kebab-case pathway id such as chronic-pain',
  );

/** A semantic version as used in file names. */
export const versionSchema = z
  .string()
  .max(64)
  .regex(
    /^\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/,
    'expected a semantic version such as 1.2.0',
  );

/** A calendar date, YYYY-MM-DD (the pathway schema's definition). */
export const isoDateSchema = isoDate;

/** A content hash as the engine computes it. */
export const hashSchema = z
  .string()
  .regex(/^sha256:[0-9a-f]{64}$/, 'expected sha256:<64 hex digits>');

/** `:id` */
export const idParamsSchema = z.strictObject({ id: pathwayIdSchema });
/** `:id/versions/:version` */
export const versionParamsSchema = z.strictObject({ id: pathwayIdSchema, version: versionSchema });

/** Query of the evaluate routes: `?lang=sv&trace=false`. */
export const evaluateQuerySchema = z.strictObject({
  lang: languageSchema.optional(),
  trace: z.enum(['true', 'false']).optional(),
});

/** One patient to evaluate: the evaluation request (the model's one schema) plus `language`. */
export const evaluateBodySchema = evaluationRequestSchema.extend({
  language: languageSchema.optional(),
});
export type EvaluateBody = z.infer<typeof evaluateBodySchema>;

/** One line of a batch: the line format of every patients file, plus `language`. */
export const batchInputLineSchema = evaluationLineSchema.extend({
  language: languageSchema.optional(),
});

/** `POST /api/validate`: a YAML text or a parsed document. */
export const validateBodySchema = z.union([
  z.strictObject({ text: z.string() }),
  z.strictObject({ pathway: z.record(z.string(), z.unknown()) }),
]);

/** `PUT /api/pathways/:id/versions/:version`: the editor's save. */
export const saveBodySchema = z.strictObject({
  pathway: z.record(z.string(), z.unknown()),
  layout: layoutSchema.optional(),
  /** The hash of the file as the editor loaded it; null when creating a new file. */
  baseHash: hashSchema.nullable(),
  /**
   * Test patients of this version alone, rewritten with it (after a rename), each with the
   * hash of its file as loaded, or new copies of inherited ones; see routes/save-scenarios.ts.
   */
  scenarios: z
    .array(
      z.strictObject({
        name: z
          .string()
          .max(100)
          .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case file name'),
        scenario: z.record(z.string(), z.unknown()),
        /** Null for a new file (a patient copied for this version), which must not exist. */
        baseHash: hashSchema.nullable(),
      }),
    )
    .max(1000)
    .optional(),
});

/** `PUT /api/pathways/:id/versions/:version/layout`: positions only (allowed for frozen versions). */
export const saveLayoutBodySchema = z.strictObject({
  layout: layoutSchema,
  baseLayoutHash: hashSchema.nullable(),
});

/** `POST /api/pathways/:id/versions/:version/publish`. */
export const publishBodySchema = z.strictObject({
  baseHash: hashSchema,
  effective: z.strictObject({ from: isoDateSchema, to: isoDateSchema.optional() }),
  /**
   * What the publisher accepts knowingly: failing scenarios by name, and (`impact: true`) the
   * scenario patients whose outcome changes against the replaced version. Recorded in the
   * published file as `publication`.
   */
  acknowledge: z
    .strictObject({
      failingScenarios: z.array(z.string().min(1).max(200)).max(1000).optional(),
      impact: z.boolean().optional(),
      note: z.string().max(2000).optional(),
      /**
       * The impact on the patients file sent in `patients` was seen and is intended. Names the
       * file by its content hash (`sha256:<hex>` of its text); refused without `patients`.
       */
      patients: z.strictObject({ digest: hashSchema }).optional(),
    })
    .optional(),
  /**
   * A patients file (NDJSON, one evaluation request a line) to check the impact on, as the
   * editor's publish dialog checked it: the route runs the same check on this text.
   */
  patients: z.strictObject({ name: z.string().min(1).max(300), text: z.string() }).optional(),
});

/** `POST /api/pathways/:id/scenarios`. */
export const saveScenarioBodySchema = z.strictObject({
  name: z
    .string()
    .max(100)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case file name such as red-flag-exit'),
  scenario: z.record(z.string(), z.unknown()),
  /** Required to overwrite an existing scenario: the hash of the file as loaded. */
  baseHash: hashSchema.nullable().optional(),
});

const channelSchema = z.enum(AUDIT_CHANNELS);
const auditStatusSchema = z.enum(['settled', 'needs-information', 'error']);

/** `GET /api/audit` filters. */
export const auditQuerySchema = z.strictObject({
  pathway: pathwayIdSchema.optional(),
  version: versionSchema.optional(),
  channel: channelSchema.optional(),
  step: z.string().max(200).optional(),
  status: auditStatusSchema.optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  afterId: z.coerce.number().int().min(0).optional(),
});

/** `GET /api/audit/feedback`. */
export const feedbackQuerySchema = z.strictObject({
  pathway: pathwayIdSchema.optional(),
  version: versionSchema.optional(),
  outcome: z.enum(['accepted', 'overridden']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  afterId: z.coerce.number().int().min(0).optional(),
});

/** `GET /api/audit/:id`. */
export const auditParamsSchema = z.strictObject({ id: z.coerce.number().int().min(1) });

// ---- answers -------------------------------------------------------------------------

const issueSchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
  value: z.unknown().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
});

/** Every error answer. */
export const errorBodySchema = z.object({
  error: z.looseObject({ code: z.string(), message: z.string(), issues: z.array(issueSchema) }),
});

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  pathways: z.number().int(),
  audit: z.literal('ok'),
  time: z.string(),
});

export const pathwayListResponseSchema = z.object({
  today: z.string(),
  pathways: z.array(
    z.object({
      id: z.string(),
      title: textsSchema,
      inEffect: z.string().nullable(),
      versions: z.array(
        z.object({
          version: z.string(),
          status: z.enum(['draft', 'active', 'retired']),
          effective: z.object({ from: z.string(), to: z.string().optional() }),
          inEffectToday: z.boolean(),
          frozen: z.boolean(),
          hash: z.string(),
          title: textsSchema,
        }),
      ),
    }),
  ),
});

export const versionResponseSchema = z.object({
  pathway: pathwaySchema,
  text: z.string(),
  hash: z.string(),
  layout: layoutSchema.nullable(),
  layoutHash: z.string().nullable(),
  frozen: z.boolean(),
});

export const scenariosResponseSchema = z.object({
  scenarios: z.array(z.object({ file: z.string(), hash: z.string(), scenario: scenarioSchema })),
});

const textOrLevel = z.enum(LEVELS);
/** The result object of `pathway evaluate --json` (the trace is described loosely). */
export const evaluationResultSchema = z.object({
  pathway: z.object({ id: z.string(), version: z.string() }),
  asOf: z.string(),
  language: z.enum(LANGUAGES),
  status: z.enum(['settled', 'needs-information']),
  step: z.object({ id: z.string(), level: textOrLevel, title: z.string() }),
  path: z.array(z.string()),
  transitions: z.array(
    z.object({ from: z.string(), to: z.string(), reason: z.string(), global: z.boolean() }),
  ),
  actions: z.array(z.string()),
  followUps: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      step: z.string().optional(),
      measures: z.array(z.string()),
      status: z.enum(['upcoming', 'due', 'overdue']),
      dueDate: z.string().optional(),
    }),
  ),
  alerts: z.array(
    z.object({
      id: z.string(),
      severity: z.enum(['critical', 'warning', 'info']),
      message: z.string(),
    }),
  ),
  missingFacts: z.array(z.string()),
  undecidedAlerts: z.array(
    z.object({
      id: z.string(),
      missingFacts: z.array(z.string()),
      /** Why a fact it needs is unknown or only a lower bound although its inputs were given. */
      reasons: z.array(z.string()).optional(),
    }),
  ),
  stopReason: z.enum(['exit-step', 'no-candidate', 'needs-information', 'loop-guard']),
  derivedFacts: z.record(z.string(), z.unknown()),
  notes: z.array(z.string()),
  explanation: z.string(),
  trace: z.array(
    z.object({
      source: z.string(),
      from: z.string().optional(),
      to: z.string().optional(),
      result: z.enum(['true', 'false', 'unknown']),
      condition: z.object({ kind: z.string() }),
    }),
  ),
});

/** One line of a batch answer. */
export const batchLineSchema = z.union([
  z.object({ line: z.number().int(), result: evaluationResultSchema }),
  z.object({ line: z.number().int(), error: errorBodySchema.shape.error }),
]);

const lintIssueSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  path: z.string(),
  stepId: z.string().optional(),
  transitionIndex: z.number().int().optional(),
  alertId: z.string().optional(),
  version: z.string().optional(),
});

export const validateResponseSchema = z.object({
  ok: z.boolean(),
  errors: z.array(issueSchema),
  lint: z.array(lintIssueSchema),
});

export const saveResponseSchema = z.object({
  key: z.string(),
  hash: z.string(),
  layoutHash: z.string().nullable(),
  created: z.boolean(),
  lint: z.array(lintIssueSchema),
});

export const saveLayoutResponseSchema = z.object({ key: z.string(), layoutHash: z.string() });

export const publishResponseSchema = z.object({
  key: z.string(),
  hash: z.string(),
  frozen: z.literal(true),
});

export const saveScenarioResponseSchema = z.object({
  file: z.string(),
  hash: z.string(),
  created: z.boolean(),
});

export const auditRecordSchema = z.object({
  id: z.number().int(),
  time: z.string(),
  channel: channelSchema,
  pathwayId: z.string(),
  version: z.string(),
  contentHash: z.string(),
  asOf: z.string(),
  language: z.string(),
  input: z.unknown(),
  status: auditStatusSchema,
  step: z.string().nullable(),
  alerts: z.array(z.string()),
  errorCode: z.string().optional(),
  /** CDS Hooks calls: the request's hookInstance, context.patientId and context.userId. */
  hookInstance: z.string().optional(),
  patientId: z.string().optional(),
  userId: z.string().optional(),
});

export const auditListResponseSchema = z.object({
  records: z.array(auditRecordSchema),
  nextAfterId: z.number().int().nullable(),
});

export const feedbackRecordSchema = cdsFeedbackFieldsSchema.extend({
  id: z.number().int(),
  received: z.string(),
  serviceId: z.string(),
  auditId: z.number().int(),
  pathwayId: z.string(),
  version: z.string(),
  topic: z.enum(['step', 'alert', 'missing-data']),
  subject: z.string().nullable(),
});

export const feedbackListResponseSchema = z.object({
  feedback: z.array(feedbackRecordSchema),
  nextAfterId: z.number().int().nullable(),
});

// ---- validation helper -----------------------------------------------------------------

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = input;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/** Short text for a value in a message. */
function show(value: unknown): string {
  // JSON has no Infinity, but `1e999` parses as one and would print as null.
  if (typeof value === 'number' && !Number.isFinite(value))
    return `${String(value)} (not a finite number)`;
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Validates `input` (a body, the path parameters or the query) with `schema`; on failure
 * throws a 400 {@link HttpError} whose issues name each field and its value. `prefix`
 * goes in front of paths (for example `query`).
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  code: AnyErrorCode = 'BAD_REQUEST',
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: HttpIssue[] = result.error.issues.map((issue) => {
    const segments = issue.path.filter(
      (s): s is string | number => typeof s === 'string' || typeof s === 'number',
    );
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = formatPath(keys.length === 1 ? [...segments, keys[0] ?? ''] : segments);
    const value = valueAt(input, keys.length === 1 ? [...issue.path, keys[0] ?? ''] : issue.path);
    const message =
      value === undefined && issue.code === 'invalid_type'
        ? `${path || what} is required`
        : keys.length > 0
          ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${k}'`).join(', ')}`
          : `${issue.message}${value === undefined ? '' : ` (got ${show(value)})`}`;
    return { code, message, path, ...(value === undefined ? {} : { value }) };
  });
  const first = issues[0];
  const head =
    first === undefined
      ? `invalid ${what}`
      : `invalid ${what}: ${first.path ? `${first.path}: ` : ''}${first.message}`;
  throw new HttpError(code, head, issues);
}
