/**
 * A route of the REST API, declared once: method, path, schemas of its parameters, query,
 * body and answers, its documentation and its handler. The app registers the declarations
 * (`routes/index.ts`) and the OpenAPI document is generated from the same objects, so the
 * description cannot drift from what is served. The handler receives its input validated
 * (400 naming the field otherwise) and returns the answer, which tests check against the
 * declared answer schema.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { requireWriteAccess } from './auth';
import type { RouteDeps } from './deps';
import { parseInput } from './fast-body';
import { errorBodySchema } from './schemas';

/** One documented answer of a route. */
export interface RouteResponse {
  description: string;
  /** Component name in the OpenAPI document. */
  name?: string;
  schema?: z.ZodType;
  contentType?: string;
}

/**
 * A route's body. `stream`: the content types handed to the handler unread, as a byte stream
 * (the batch route reads NDJSON); `schema` then describes one line.
 */
export interface RouteBody<B extends z.ZodType> {
  schema: B;
  name: string;
  contentType?: string;
  stream?: readonly string[];
}

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

/** The error answers of a route, by status (their body is the error body). */
export function errorResponses(...statuses: number[]): Record<number, RouteResponse> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_TEXT[status] ?? 'error', name: 'Error', schema: errorBodySchema },
    ]),
  );
}

type In<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** What a handler receives. */
export interface RouteInput<P, Q, B> {
  params: In<P>;
  query: In<Q>;
  /** The validated body (undefined for a streamed body: read `request.body`). */
  body: In<B>;
  request: FastifyRequest;
  reply: FastifyReply;
  deps: RouteDeps;
}

/** One route, declared once. */
export interface Route<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
> {
  method: 'get' | 'post' | 'put';
  /** Fastify form, e.g. `/api/pathways/:id/evaluate`. */
  path: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B extends z.ZodType ? RouteBody<B> : undefined;
  /** Status → answer. Error answers list their statuses; their body is the error body. */
  responses: Record<number, RouteResponse>;
  /** Writes (and audit reads) need loopback or the bearer token; the words say what is refused. */
  guard?: string;
  /**
   * This route's own body limit in bytes, for the one route whose body carries a whole file
   * (publish's patients file). Every other route keeps the service's limit; the larger of the
   * two applies, so a service started with a higher limit never lowers this one.
   */
  bodyLimit?: number;
  /** The answer, or the reply when the handler sent it itself (a stream). */
  handler(input: RouteInput<P, Q, B>): Promise<unknown>;
}

/** Any declared route (for the list the app registers and OpenAPI describes). */
export type AnyRoute = Route<
  z.ZodObject | undefined,
  z.ZodObject | undefined,
  z.ZodType | undefined
>;

/**
 * Declares a route: an identity function that gives the handler the input types of its
 * schemas. The list of routes forgets them (a handler's parameter types do not widen), which
 * is sound because {@link registerRoute} hands each handler what its own schemas parsed.
 */
export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(route: Route<P, Q, B>): AnyRoute {
  return route as unknown as AnyRoute;
}

/** Returns the answer after checking it against its declared schema (tests turn this on). */
function checked(route: AnyRoute, deps: RouteDeps, reply: FastifyReply, value: unknown): unknown {
  if (!deps.checkResponses || value === reply) return value;
  const schema = route.responses[reply.statusCode]?.schema;
  if (schema === undefined) return value;
  const result = schema.safeParse(value);
  if (!result.success)
    throw new Error(
      `answer does not match its schema: ${JSON.stringify(result.error.issues.slice(0, 3))}`,
    );
  return value;
}

/**
 * A plain object answer as the bytes fastify would send for it (`JSON.stringify`, typed
 * `application/json; charset=utf-8`), made here once. Fastify would hand the socket the JSON
 * text, which it measures for `content-length` and then encodes to UTF-8 again (the answers
 * carry non-ASCII words, so the text is two bytes a character): measuring, encoding and
 * writing it were about a quarter of what an evaluate request allocated (a sampling heap
 * profile), for the same bytes on the wire. Anything else — a reply already
 * sent, a stream, text, bytes, an answer typed by its route — is returned as it was.
 */
function asJsonBytes(reply: FastifyReply, value: unknown): unknown {
  if (
    value === reply ||
    typeof value !== 'object' ||
    value === null ||
    Buffer.isBuffer(value) ||
    typeof (value as { pipe?: unknown }).pipe === 'function' ||
    typeof (value as { getReader?: unknown }).getReader === 'function' ||
    reply.hasHeader('content-type')
  )
    return value;
  void reply.type('application/json; charset=utf-8');
  return Buffer.from(JSON.stringify(value));
}

/** Registers one declared route on `app`. */
export function registerRoute(app: FastifyInstance, deps: RouteDeps, route: AnyRoute): void {
  app.route({
    method: route.method.toUpperCase() as 'GET' | 'POST' | 'PUT',
    url: route.path,
    ...(route.bodyLimit === undefined
      ? {}
      : { bodyLimit: Math.max(route.bodyLimit, deps.bodyLimit) }),
    handler: async (request, reply) => {
      if (route.guard !== undefined) requireWriteAccess(request, deps.writeToken, route.guard);
      const params =
        route.params === undefined
          ? undefined
          : parseInput(route.params, request.params, 'path parameters', 'INVALID_PARAM');
      const query =
        route.query === undefined
          ? undefined
          : parseInput(route.query, request.query ?? {}, 'query');
      const body =
        route.body === undefined || route.body.stream !== undefined
          ? undefined
          : parseInput(route.body.schema, request.body, 'body');
      const value = await route.handler({ params, query, body, request, reply, deps });
      return asJsonBytes(reply, checked(route, deps, reply, value));
    },
  });
}

/**
 * Registers every declared route. A route with a streamed body gets a scope of its own whose
 * only content parsers hand the request stream over unread.
 */
export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  for (const route of deps.routes) {
    const stream = route.body?.stream;
    if (stream === undefined) {
      registerRoute(app, deps, route);
      continue;
    }
    void app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser([...stream], (_request, payload, done) => done(null, payload));
      registerRoute(scope, deps, route);
    });
  }
}
