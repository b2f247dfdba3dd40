import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The browser suite: the built editor (dist/editor) served by the real service, driven in
 * Debian's chromium. Run after `vite build` (`npm test` does both). One file at a time:
 * two cores run one browser well, not several.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A loaded CI machine can take seconds to save or re-render; polled assertions wait for
    // the state they expect rather than failing on the first slow frame.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    reporters: ['default', './test/reporters/summary.ts'],
  },
});
