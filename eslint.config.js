import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Packages the headless engine must never import: it runs in services, the CLI and the browser. */
const uiPackages = [
  'react',
  'react-dom',
  'react/*',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'monaco-editor',
  'monaco-editor/*',
  '@monaco-editor/*',
  '@xyflow/*',
  'reactflow',
];
const uiMessage = 'engine/ is headless: no React, DOM, zustand, React Flow or Monaco.';
/** Node built-ins, banned from the evaluation core so that it also runs in the browser. */
const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'worker_threads',
  'http',
  'https',
  'net',
];
const nodeMessage =
  'The evaluation core must run in the browser: put Node-only code in engine/node/, engine/cli/, engine/http/, engine/cds/, engine/audit/ or engine/store/.';

const engineEntryMessage =
  'The editor imports the engine only through its entries: engine/index (public API) or engine/editor.';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Bare built-in names are matched exactly: as a pattern, 'path' would also match './path'.
          paths: nodeBuiltins.map((name) => ({ name, message: nodeMessage })),
          patterns: [
            { group: uiPackages, message: uiMessage },
            { group: ['node:*'], message: nodeMessage },
          ],
        },
      ],
    },
  },
  {
    files: [
      'engine/node/**/*.ts',
      'engine/cli/**/*.ts',
      'engine/http/**/*.ts',
      'engine/cds/**/*.ts',
      'engine/audit/**/*.ts',
      'engine/store/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: uiPackages, message: uiMessage }] }],
    },
  },
  {
    // The editor runs in the browser, and it reaches the engine only through its entries
    // (engine/index.ts, the public API, and engine/editor.ts), so engine internals can move.
    files: ['editor/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/*', '**/engine/*/**', '!**/engine/index', '!**/engine/editor'],
              message: engineEntryMessage,
            },
          ],
        },
      ],
    },
  },
);
