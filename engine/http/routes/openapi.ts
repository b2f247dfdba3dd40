/** `GET /api/openapi.json`: the OpenAPI 3.1 description, generated once from the declared routes. */
import { openApiDocument } from '../openapi';
import { defineRoute } from '../route';

export const openApiRoute = defineRoute({
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This document',
  responses: { 200: { description: 'OpenAPI 3.1' } },
  async handler({ deps }) {
    return openApiDocument(deps.routes);
  },
});
