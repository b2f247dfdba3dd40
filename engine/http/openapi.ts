/**
 * The OpenAPI 3.1 description of the service, generated from the declared routes
 * (`routes/index.ts`): the same objects the app registers, with the same zod schemas the
 * routes validate with (zod 4's `z.toJSONSchema`). There is no second route table.
 */
import { z } from 'zod';
import type { AnyRoute } from './route';

type JsonObject = Record<string, unknown>;

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

const built = new WeakMap<readonly AnyRoute[], JsonObject>();

/** The OpenAPI 3.1 document of `routes` (built once per list). */
export function openApiDocument(routes: readonly AnyRoute[]): JsonObject {
  let document = built.get(routes);
  if (document === undefined) {
    document = buildDocument(routes);
    built.set(routes, document);
  }
  return document;
}

function buildDocument(routes: readonly AnyRoute[]): JsonObject {
  const components: JsonObject = {};
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
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
      ...(route.guard === undefined ? {} : { security: [{}, { bearerToken: [] }] }),
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
