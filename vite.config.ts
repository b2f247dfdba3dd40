import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
/** The HTTP service (`npm start`) that the dev server forwards API calls to. */
const service = 'http://127.0.0.1:8080';

/**
 * Vite serves (`npm run dev`, hot reload) and builds (`npm run build` → dist/editor) the
 * editor in editor/; Vitest reads the `test` section for the node test suites. Vitest runs
 * from the repository root, so the editor root applies only outside Vitest.
 */
export default defineConfig({
  root: process.env.VITEST === undefined ? `${repoRoot}editor` : repoRoot,
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/editor`,
    emptyOutDir: true,
    // Monaco is split into its own lazily loaded chunks; its size is known and accepted.
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      treeshake: {
        // The `yaml` package does nothing when imported; the editor never reads or writes YAML
        // (the service does), but the engine's entry file imports it. Dropped unless used.
        moduleSideEffects: [
          { test: /node_modules[\\/]yaml[\\/]/, sideEffects: false },
          { test: /\.css$/, sideEffects: true },
        ],
      },
      output: {
        codeSplitting: {
          // Everything the first screen imports in one chunk: the parts loaded later
          // (app/parts.ts) would otherwise cut it into many small shared chunks, each one
          // more request before the first render.
          groups: [{ name: 'editor', tags: ['$initial'] }],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': service, '/cds-services': service },
  },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    // The browser suite has its own config (test/e2e/vitest.config.ts): it needs a build.
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: ['default', './test/reporters/summary.ts'],
  },
});
