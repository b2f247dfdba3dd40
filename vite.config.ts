import { defineConfig } from 'vitest/config';

/** Vite serves and builds the editor; Vitest reads its `test` section. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: ['default', './test/reporters/summary.ts'],
  },
});
