/** `GET /api/openapi.json`: the OpenAPI 3.1 description, built once. */
import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../openapi';

/** Registers the OpenAPI route. */
export function registerOpenApiRoutes(app: FastifyInstance): void {
  let document: Record<string, unknown> | undefined;
  app.get('/api/openapi.json', async () => {
    document ??= openApiDocument();
    return document;
  });
}
