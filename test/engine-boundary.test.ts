import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('the engine boundary', () => {
  it('forbids React, zustand, React Flow and Monaco anywhere in engine/', async () => {
    for (const pkg of ['react', 'zustand', '@xyflow/react', 'monaco-editor']) {
      expect(
        await restrictedImports(
          'engine/node/probe.ts',
          `import x from '${pkg}';\nexport const y = x;\n`,
        ),
      ).toHaveLength(1);
    }
  });

  it('forbids Node built-ins in the evaluation core but allows them in engine/node and engine/cli', async () => {
    const source =
      "import { readFile } from 'node:fs/promises';\nimport path from 'path';\nexport const y = [readFile, path];\n";
    expect(await restrictedImports('engine/evaluate/probe.ts', source)).toHaveLength(2);
    expect(await restrictedImports('engine/node/probe.ts', source)).toHaveLength(0);
    expect(await restrictedImports('engine/cli/probe.ts', source)).toHaveLength(0);
  });

  it('allows relative imports whose names resemble built-ins', async () => {
    expect(
      await restrictedImports(
        'engine/evaluate/probe.ts',
        "import { formatPath } from '../model/path';\nexport const y = formatPath;\n",
      ),
    ).toHaveLength(0);
  });

  it('lets the editor import the engine only through engine/index and engine/editor', async () => {
    const importOf = (from: string): string =>
      `import { x } from '${from}';\nexport const y = x;\n`;
    for (const deep of [
      '../../../engine/model/types',
      '../../../engine/evaluate/evaluate',
      '../../../engine/lint/index',
      '../../engine/diff/render',
    ])
      expect(await restrictedImports('editor/src/model/probe.ts', importOf(deep))).toEqual([
        expect.stringContaining('only through its entries'),
      ]);
    for (const entry of ['../../../engine/index', '../../../engine/editor'])
      expect(await restrictedImports('editor/src/model/probe.ts', importOf(entry))).toHaveLength(0);
  });
});
