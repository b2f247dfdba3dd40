import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pathway } from '../../engine/model/types';
import { printPathway } from '../../engine/yaml/print';
import { miniPathway } from '../fixtures/pathways';
import { tempDir, writePathway } from '../fixtures/files';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/pathway.mjs', import.meta.url));
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_PAGER: 'cat',
  NO_COLOR: '1',
};

async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await run('git', ['-c', 'color.ui=never', ...args], { cwd, env })).stdout;
}

/** mini with the `treat → done` threshold at `weeks`. */
function withThreshold(weeks: number): Pathway {
  const p = miniPathway();
  const when = p.steps.find((s) => s.id === 'treat')?.transitions[0]?.when;
  if (when !== undefined && 'all' in when)
    when.all[1] = { fact: 'weeksInStep', operator: 'greaterThanInclusive', value: weeks };
  return p;
}

/**
 * A repository in a temporary folder: a pathway committed, its threshold changed and
 * committed again, then `pathway git-setup` run in it the way a user would.
 */
let repo = '';
let setupOutput = '';

beforeAll(async () => {
  repo = await tempDir();
  await git(repo, 'init', '-q');
  const file = await writePathway(join(repo, 'pathways'), withThreshold(12));
  await git(repo, 'add', '.');
  await git(repo, 'commit', '-q', '-m', 'mini 1.0.0');
  await writeFile(file, printPathway(withThreshold(8)));
  await git(repo, 'commit', '-q', '-a', '-m', 'Wait 8 weeks instead of 12');
  setupOutput = (await run(process.execPath, [bin, 'git-setup'], { cwd: repo, env })).stdout;
}, 60_000);

describe('pathway git-setup', () => {
  it('registers the diff driver and its textconv in the repository’s .git/config', async () => {
    const config = await git(repo, 'config', '--local', '--get-regexp', '^diff\\.pathway\\.');
    expect(config).toContain('diff.pathway.command');
    expect(config).toContain('diff --git-driver');
    expect(config).toContain('diff --textconv');
    expect(setupOutput).toContain('.gitattributes: added');
  });

  it('adds the pathway line to .gitattributes once, however often it runs', async () => {
    await run(process.execPath, [bin, 'git-setup'], { cwd: repo, env });
    const attributes = await readFile(join(repo, '.gitattributes'), 'utf8');
    expect(
      attributes.split('\n').filter((l) => l === 'pathways/**/*.yaml diff=pathway'),
    ).toHaveLength(1);
  });

  it('makes git diff print the semantic diff of the changed threshold', async () => {
    const out = await git(repo, 'diff', 'HEAD~1');
    expect(out).toContain('diff --pathway a/pathways/mini/1.0.0.yaml b/pathways/mini/1.0.0.yaml');
    expect(out).toContain('mini 1.0.0 → 1.0.0: 1 change');
    expect(out).toContain('condition: weeksInStep ≥ 12 → ≥ 8');
    expect(out).not.toContain('value: 8');
  }, 30_000);

  it('makes git show and git log -p print the change as clinical rules, and the full semantic diff with --ext-diff', async () => {
    const rule = 'step treat transition 1 → done: done and weeksInStep ≥';
    const show = await git(repo, 'show');
    expect(show).toContain(`-${rule} 12`);
    expect(show).toContain(`+${rule} 8`);
    expect(show).not.toContain('value: 8');
    const log = await git(repo, 'log', '-p', '-1');
    expect(log).toContain(`+${rule} 8`);
    const ext = await git(repo, 'show', '--ext-diff');
    expect(ext).toContain('condition: weeksInStep ≥ 12 → ≥ 8');
  }, 30_000);

  it('exits 2 with the reason outside a git repository', async () => {
    const outside = await tempDir();
    const failure = await run(process.execPath, [bin, 'git-setup'], { cwd: outside, env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(
      'git rev-parse --show-toplevel failed',
    );
  }, 30_000);
});
