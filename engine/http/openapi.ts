/**
 * The OpenAPI 3.1 description of the service, generated from the same zod schemas the
 * routes validate with (zod 4's `z.toJSONSchema`). Every route the app serves is listed
 * in {@link API_ROUTES}; a test checks that the two agree.
 */
import { z } from 'zod';
import {
  auditListResponseSchema,
  auditParamsSchema,
  auditQuerySchema,
  auditRecordSchema,
  feedbackListResponseSchema,
  feedbackQuerySchema,
  batchLineSchema,
  errorBodySchema,
  evaluateBodySchema,
  evaluateQuerySchema,
  evaluationResultSchema,
  healthResponseSchema,
  idParamsSchema,
  pathwayListResponseSchema,
  publishBodySchema,
  publishResponseSchema,
  saveBodySchema,
  saveLayoutBodySchema,
  saveLayoutResponseSchema,
  saveResponseSchema,
  saveScenarioBodySchema,
  saveScenarioResponseSchema,
  scenariosResponseSchema,
  validateBodySchema,
  validateResponseSchema,
  versionParamsSchema,
  versionResponseSchema,
} from './schemas';

type JsonObject = Record<string, unknown>;

/** One documented route. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put';
  /** Fastify form, e.g. `/api/pathways/:id/evaluate`. */
  path: string;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { schema: z.ZodType; contentType?: string; name: string };
  /** Status → [description, schema name, schema, content type]. */
  responses: Record<
    number,
    { description: string; name?: string; schema?: z.ZodType; contentType?: string }
  >;
  /** Writes need loopback or the bearer token. */
  guarded?: boolean;
}

const errors = (...codes: number[]): RouteDoc['responses'] =>
  Object.fromEntries(
    codes.map((code) => [
      code,
      { description: ERROR_TEXT[code] ?? 'error', name: 'Error', schema: errorBodySchema },
    ]),
  );

const ERROR_TEXT: Record<number, string> = {
  400: 'bad JSON, or a bad field (the issues name it)',
  403: 'not allowed: non-loopback client without the token, or a frozen version',
  404: 'unknown pathway, version or record',
  409: 'the file changed since it was loaded (currentHash given), or it already exists',
  413: 'body over the size limit',
  415: 'unsupported content type',
  422: 'the pathway version cannot be evaluated',
  500: 'internal error',
};

/** Every route of the service. */
export const API_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'The service is up, the pathways load and the audit log answers',
    responses: {
      200: { description: 'healthy', name: 'Health', schema: healthResponseSchema },
      ...errors(500),
    },
  },
  {
    method: 'get',
    path: '/api/pathways',
    summary: 'Pathways with their versions (status, effective dates, in effect today, hash)',
    responses: {
      200: { description: 'the list', name: 'PathwayList', schema: pathwayListResponseSchema },
    },
  },
  {
    method: 'get',
    path: '/api/pathways/:id/versions/:version',
    summary: 'One version: the document, its canonical YAML, hash, layout and whether it is frozen',
    params: versionParamsSchema,
    responses: {
      200: { description: 'the version', name: 'Version', schema: versionResponseSchema },
      ...errors(400, 404),
    },
  },
  {
    method: 'put',
    path: '/api/pathways/:id/versions/:version',
    summary: "Save a draft (the editor's save)",
    description:
      'Writes canonical YAML and the layout sidecar atomically. `baseHash` must be the hash of the file as loaded (null: the file must not exist). Only drafts; frozen versions are refused.',
    params: versionParamsSchema,
    body: { schema: saveBodySchema, name: 'SaveRequest' },
    responses: {
      200: { description: 'saved', name: 'SaveResponse', schema: saveResponseSchema },
      201: { description: 'created', name: 'SaveResponse', schema: saveResponseSchema },
      ...errors(400, 403, 409, 413),
    },
    guarded: true,
  },
  {
    method: 'put',
    path: '/api/pathways/:id/versions/:version/layout',
    summary:
      'Save node positions only (allowed for frozen versions: positions are not clinical content)',
    params: versionParamsSchema,
    body: { schema: saveLayoutBodySchema, name: 'SaveLayoutRequest' },
    responses: {
      200: { description: 'saved', name: 'SaveLayoutResponse', schema: saveLayoutResponseSchema },
      ...errors(400, 403, 404, 409),
    },
    guarded: true,
  },
  {
    method: 'post',
    path: '/api/pathways/:id/versions/:version/publish',
    summary: 'Publish a draft: status active, effective dates, recorded in frozen.lock.json',
    params: versionParamsSchema,
    body: { schema: publishBodySchema, name: 'PublishRequest' },
    responses: {
      200: {
        description: 'published and frozen',
        name: 'PublishResponse',
        schema: publishResponseSchema,
      },
      ...errors(400, 403, 404, 409),
    },
    guarded: true,
  },
  {
    method: 'get',
    path: '/api/pathways/:id/scenarios',
    summary: 'The example patients of a pathway',
    params: idParamsSchema,
    responses: {
      200: { description: 'the scenarios', name: 'ScenarioList', schema: scenariosResponseSchema },
      ...errors(400, 404),
    },
  },
  {
    method: 'post',
    path: '/api/pathways/:id/scenarios',
    summary:
      'Save a scenario in canonical form (overwrite only with the baseHash it was loaded with)',
    params: idParamsSchema,
    body: { schema: saveScenarioBodySchema, name: 'SaveScenarioRequest' },
    responses: {
      200: {
        description: 'overwritten',
        name: 'SaveScenarioResponse',
        schema: saveScenarioResponseSchema,
      },
      201: {
        description: 'created',
        name: 'SaveScenarioResponse',
        schema: saveScenarioResponseSchema,
      },
      ...errors(400, 403, 404, 409),
    },
    guarded: true,
  },
  {
    method: 'post',
    path: '/api/pathways/:id/evaluate',
    summary: 'Evaluate one patient (the result object of `pathway evaluate --json`)',
    description:
      '`asOf` defaults to today and picks the version in effect unless `version` is given. The audit record id is in the `X-Audit-Id` header.',
    params: idParamsSchema,
    query: evaluateQuerySchema,
    body: { schema: evaluateBodySchema, name: 'EvaluateRequest' },
    responses: {
      200: { description: 'the result', name: 'EvaluationResult', schema: evaluationResultSchema },
      ...errors(400, 404, 413, 422),
    },
  },
  {
    method: 'post',
    path: '/api/pathways/:id/evaluate/batch',
    summary:
      'Evaluate many patients: NDJSON in (one EvaluateRequest per line), NDJSON out, streamed',
    description:
      'Each answer line is `{ line, result }` or `{ line, error }`; a bad line does not stop the batch. Each line is limited to the JSON body limit; the batch itself is not.',
    params: idParamsSchema,
    query: evaluateQuerySchema,
    body: {
      schema: evaluateBodySchema,
      name: 'EvaluateRequest',
      contentType: 'application/x-ndjson',
    },
    responses: {
      200: {
        description: 'one line per input line',
        name: 'BatchLine',
        schema: batchLineSchema,
        contentType: 'application/x-ndjson',
      },
      ...errors(400, 404, 415),
    },
  },
  {
    method: 'post',
    path: '/api/validate',
    summary: 'Check a pathway document (YAML text or object): schema errors and lint findings',
    body: { schema: validateBodySchema, name: 'ValidateRequest' },
    responses: {
      200: {
        description: 'the findings',
        name: 'ValidateResponse',
        schema: validateResponseSchema,
      },
      ...errors(400, 413),
    },
  },
  {
    method: 'get',
    path: '/api/audit',
    summary: 'Audit records, oldest first, filtered; page with afterId = nextAfterId',
    query: auditQuerySchema,
    responses: {
      200: { description: 'records', name: 'AuditList', schema: auditListResponseSchema },
      ...errors(400, 403),
    },
    guarded: true,
  },
  {
    method: 'get',
    path: '/api/audit/feedback',
    summary:
      "CDS Hooks feedback on the cards sent (accepted or overridden, with reason), with the card's alert or step and pathway version",
    query: feedbackQuerySchema,
    responses: {
      200: { description: 'feedback', name: 'FeedbackList', schema: feedbackListResponseSchema },
      ...errors(400, 403),
    },
    guarded: true,
  },
  {
    method: 'get',
    path: '/api/audit/:id',
    summary: 'One audit record',
    params: auditParamsSchema,
    responses: {
      200: { description: 'the record', name: 'AuditRecord', schema: auditRecordSchema },
      ...errors(400, 403, 404),
    },
    guarded: true,
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1' } },
  },
];

/** Converts a schema, moving its `$defs` into components under `name_…`. */
function componentize(
  schema: z.ZodType,
  name: string,
  io: 'input' | 'output',
  components: JsonObject,
): JsonObject {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonObject;
  const defs = (json.$defs ?? {}) as Record<string, unknown>;
  delete json.$defs;
  delete json.$schema;
  const rename = (def: string): string => `${name}_${def.replace(/^_+/, '')}`;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
          ? `#/components/schemas/${rename(v.slice('#/$defs/'.length))}`
          : k === '$ref' && v === '#'
            ? `#/components/schemas/${name}`
            : rewrite(v);
    }
    return out;
  };
  for (const [def, body] of Object.entries(defs)) components[rename(def)] = rewrite(body);
  return rewrite(json) as JsonObject;
}

function refTo(
  schema: z.ZodType,
  name: string,
  io: 'input' | 'output',
  components: JsonObject,
): JsonObject {
  if (!(name in components)) components[name] = componentize(schema, name, io, components);
  return { $ref: `#/components/schemas/${name}` };
}

function parameters(
  where: 'path' | 'query',
  schema: z.ZodObject | undefined,
  components: JsonObject,
): JsonObject[] {
  if (schema === undefined) return [];
  const json = componentize(schema, `${where}Params`, 'input', components);
  const properties = (json.properties ?? {}) as Record<string, unknown>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
  }));
}

/** The OpenAPI path form of a fastify path: `:id` → `{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

/** Builds the OpenAPI 3.1 document. */
export function openApiDocument(): JsonObject {
  const components: JsonObject = {};
  const paths: Record<string, JsonObject> = {};
  for (const route of API_ROUTES) {
    const operation: JsonObject = {
      summary: route.summary,
      ...(route.description === undefined ? {} : { description: route.description }),
      operationId: `${route.method}${route.path.replace(/[^A-Za-z]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: [
        ...parameters('path', route.params, components),
        ...parameters('query', route.query, components),
      ],
      ...(route.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: {
                [route.body.contentType ?? 'application/json']: {
                  schema: refTo(route.body.schema, route.body.name, 'input', components),
                },
              },
            },
          }),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.schema === undefined || r.name === undefined
              ? {}
              : {
                  content: {
                    [r.contentType ?? 'application/json']: {
                      schema: refTo(r.schema, r.name, 'output', components),
                    },
                  },
                }),
          },
        ]),
      ),
      ...(route.guarded === true ? { security: [{}, { bearerToken: [] }] } : {}),
    };
    const path = openApiPath(route.path);
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vårdprogram pathway service',
      version: '1.0.0',
      description:
        'Care-pathway rules engine over HTTP. Every error answers `{ error: { code, message, issues: [{ code, message, path, value }] } }`. Writes and audit reads are allowed from loopback clients, or with `Authorization: Bearer <PATHWAY_WRITE_TOKEN>`.',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'PATHWAY_WRITE_TOKEN' },
      },
    },
  };
}
