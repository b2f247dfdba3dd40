import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JavaScript module without types (it runs before tsx is loaded).
import { compiledMain } from '../../bin/compiled.mjs';

const recipe = fileURLToPath(new URL('../../bin/compiled.mjs', import.meta.url));

/** A tiny checkout: the two entry points, a module main imports, and the recipe files. */
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), 'compiled-'));
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'engine/cli'), { recursive: true });
  mkdirSync(join(root, 'engine/node'), { recursive: true });
  cpSync(recipe, join(root, 'bin/compiled.mjs'));
  writeFileSync(join(root, 'tsconfig.json'), '{}\n');
  writeFileSync(join(root, 'engine/tsconfig.json'), '{}\n');
  writeFileSync(join(root, 'engine/node/cohort-worker.ts'), 'export {};\n');
  answer(root, 'one');
  writeFileSync(
    join(root, 'engine/cli/main.ts'),
    "import { answer } from './answer';\nexport const main = (): string => answer;\n" +
      'export const here: string = import.meta.url;\n',
  );
  return root;
}

function answer(root: string, text: string): void {
  writeFileSync(join(root, 'engine/cli/answer.ts'), `export const answer = '${text}';\n`);
}

async function run(root: string): Promise<{ url: string; main: string; here: string }> {
  const url = (await compiledMain(root)) as string | undefined;
  if (url === undefined) throw new Error('no compiled copy');
  const m = (await import(url)) as { main: () => string; here: string };
  return { url, main: m.main(), here: m.here };
}

describe('the compiled copy of the CLI (bin/compiled.mjs)', () => {
  let root = '';
  beforeEach(() => {
    root = checkout();
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('is built on first use and used again while no source changed', async () => {
    const first = await run(root);
    expect(first.main).toBe('one');
    expect(first.url.startsWith('file://')).toBe(true);
    const second = await run(root);
    expect(second.url).toBe(first.url);
    expect(readdirSync(join(root, 'dist/cli')).filter((n) => n.startsWith('b-'))).toHaveLength(1);
  });

  it('never runs a stale copy: a changed source is rebuilt before it runs', async () => {
    const first = await run(root);
    answer(root, 'two');
    const second = await run(root);
    expect(second.url).not.toBe(first.url);
    expect(second.main).toBe('two');
  });

  it('rebuilds when the recipe itself changed', async () => {
    const first = await run(root);
    writeFileSync(join(root, 'tsconfig.json'), '{ "compilerOptions": {} }\n');
    expect((await run(root)).url).not.toBe(first.url);
  });

  it('falls back (no URL) when a source is gone and the build fails', async () => {
    await run(root);
    rmSync(join(root, 'engine/cli/answer.ts'));
    await expect(compiledMain(root)).resolves.toBeUndefined();
  });

  it('keeps import.meta.url meaning the source file', async () => {
    const { here } = await run(root);
    expect(fileURLToPath(here)).toBe(join(root, 'engine/cli/main.ts'));
  });

  it('is skipped with PATHWAY_COMPILED=0', async () => {
    process.env.PATHWAY_COMPILED = '0';
    try {
      await expect(compiledMain(root)).resolves.toBeUndefined();
    } finally {
      delete process.env.PATHWAY_COMPILED;
    }
  });
});
