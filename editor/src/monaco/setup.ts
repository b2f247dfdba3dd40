/**
 * Monaco, bundled: the editor API and the JSON language only (about a third of the full
 * package), workers built by Vite, and @monaco-editor/react told to use this copy instead
 * of fetching one from a CDN. Imported only by the lazily loaded JSON editor.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });

const schemas = new Map<string, { fileMatch: string[]; schema: object }>();

function applySchemas(): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [...schemas.entries()].map(([uri, s]) => ({
      uri,
      fileMatch: s.fileMatch,
      schema: s.schema,
    })),
  });
}

/** Validates and completes files matching `fileMatch` against `schema` (replacing an earlier one under `uri`). */
export function registerSchema(uri: string, fileMatch: string[], schema: object): void {
  schemas.set(uri, { fileMatch, schema });
  applySchemas();
}

export { monaco };
