import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const LIBRARY_HEADING = '## The engine as a library';

/** The first fenced block of `language` after `from` in `text`, and where it ends. */
function fencedBlock(text: string, language: string, from: number): { code: string; end: number } {
  const open = text.indexOf('```' + language + '\n', from);
  if (open < 0) throw new Error(`no \`\`\`${language} block after position ${from}`);
  const start = open + language.length + 4;
  const close = text.indexOf('\n```', start);
  return { code: text.slice(start, close + 1), end: close + 4 };
}

describe('the README', () => {
  it('shows a library example that runs against the package exports and prints what it says', async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const heading = readme.indexOf(`\n${LIBRARY_HEADING}\n`);
    expect(heading).toBeGreaterThan(0);
    const example = fencedBlock(readme, 'ts', heading);
    const printed = fencedBlock(readme, 'text', example.end);
    expect(readme.slice(example.end, printed.end)).toMatch(/^\s*prints\s*```text\n/);
    expect(example.code).toContain("from 'vardprogram'");

    // A library user's setup: the package installed under node_modules, the script outside it.
    const dir = await mkdtemp(join(tmpdir(), 'readme-example-'));
    try {
      await mkdir(join(dir, 'node_modules'));
      await symlink(root, join(dir, 'node_modules', 'vardprogram'), 'dir');
      await writeFile(join(dir, 'example.mts'), example.code);
      const tsx = join(root, 'node_modules', '.bin', 'tsx');
      const { stdout } = await run(tsx, [join(dir, 'example.mts')], { cwd: root });
      expect(stdout).toBe(printed.code);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
