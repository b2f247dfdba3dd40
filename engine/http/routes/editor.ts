/**
 * `/`: the built editor (Vite's output, `dist/editor/`) when it exists, else a small page
 * saying so and linking the API description.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const PLACEHOLDER = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Vårdprogram</title>
<link rel="icon" href="data:,">
</head>
<body>
<h1>Vårdprogram pathway service</h1>
<p>The editor is not built yet (run the editor build; it goes to <code>dist/editor/</code>).</p>
<p>The HTTP API is described in <a href="/api/openapi.json">/api/openapi.json</a>; see also
<a href="/api/pathways">/api/pathways</a> and <a href="/api/health">/api/health</a>.</p>
</body>
</html>
`;

/** Serves the editor from `editorDir`, or the placeholder page when it is not built. */
export async function registerEditorRoutes(app: FastifyInstance, editorDir: string): Promise<void> {
  if (existsSync(join(editorDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: editorDir, prefix: '/', index: 'index.html' });
    return;
  }
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(PLACEHOLDER));
}
