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
/** Node built-ins, banned from the evaluation core so that it also runs in the browser. */
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
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
          patterns: [
            {
              group: uiPackages,
              message: 'engine/ is headless: no React, DOM, zustand, React Flow or Monaco.',
            },
            {
              group: nodeBuiltins,
              message:
                'The evaluation core must run in the browser: put Node-only code in engine/node/, engine/cli/ or engine/server/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['engine/node/**/*.ts', 'engine/cli/**/*.ts', 'engine/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: uiPackages,
              message: 'engine/ is headless: no React, DOM, zustand, React Flow or Monaco.',
            },
          ],
        },
      ],
    },
  },
);
