/**
 * The compiled copy of the CLI (bin/compiled.mjs) gives the very reports of the TypeScript
 * sources run through tsx (also when it answers from the pathway files it kept parsed), and
 * its cohort worker the very counts of processChunk.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JavaScript module without types (it runs before tsx is loaded).
import { compiledMain } from '../../bin/compiled.mjs';
import { processChunk } from '../../engine/cohort/process';
import { compilePopulation } from '../../engine/fast/compile';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { synthPatients } from '../../engine/synth/population';

const AS_OF = '2026-11-23';
const bin = fileURLToPath(new URL('../../bin/pathway.mjs', import.meta.url));
const run = promisify(execFile);

async function population(): Promise<{ dir: string; file: string; text: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-compiled-'));
  const file = join(dir, 'p.ndjson');
  const lines = [...synthPatients(2000, 7, AS_OF)].map((l) => JSON.stringify(l));
  lines.splice(50, 0, '{"facts": {"age": "old"}}', '', '{"facts": ');
  const text = `${lines.join('\n')}\n`;
  await writeFile(file, text);
  return { dir, file, text };
}

describe('the compiled cohort command', () => {
  it('writes byte-identical reports to the sources run through tsx', async () => {
    const { dir, file } = await population();
    const report = async (name: string, compiled: boolean): Promise<string[]> => {
      const out = join(dir, name);
      const env = { ...process.env, PATHWAY_COMPILED: compiled ? '1' : '0' };
      await run(
        process.execPath,
        [bin, 'cohort', 'chronic-pain', '--patients', file, '--as-of', AS_OF, '--out', out],
        { env },
      );
      return Promise.all(['cohort.json', 'cohort.html'].map((f) => readFile(join(out, f), 'utf8')));
    };
    const viaTsx = await report('tsx', false);
    const compiled = await report('compiled', true);
    expect(compiled).toEqual(viaTsx);
    expect(JSON.parse(compiled[0] as string).totals.badLines).toBe(2);
    // The compiled copy kept the pathway's parsed version files in its build folder, by the
    // SHA-256 of their text, and a run answered from them writes the same reports.
    const build = dirname(fileURLToPath(String(await compiledMain())));
    const kept = (
      await Promise.all(
        (await readdir(join(build, 'parsed'))).map((stamp) =>
          readdir(join(build, 'parsed', stamp)),
        ),
      )
    ).flat();
    const folder = join(process.cwd(), 'pathways', 'chronic-pain');
    for (const name of (await readdir(folder)).filter((n) => /^\d+\.\d+\.\d+\.yaml$/.test(n))) {
      const sha = createHash('sha256').update(await readFile(join(folder, name), 'utf8'));
      expect(kept).toContain(`${sha.digest('hex')}.v8`);
    }
    expect(await report('compiled-again', true)).toEqual(viaTsx);
  }, 120_000);

  it("has a worker that gives processChunk's counts for a chunk and hands its bytes back", async () => {
    const { text } = await population();
    const repo = await loadRepository(join(process.cwd(), 'pathways'));
    const { pathway } = findVersion(repo, 'chronic-pain', { asOf: AS_OF });
    const settings = {
      format: 'ndjson' as const,
      asOf: AS_OF,
      by: 'healthCentre',
      badLineLimit: 5,
    };
    const main = (await compiledMain()) as string;
    const worker = new Worker(new URL('./cohort-worker.mjs', main));
    try {
      const answers: unknown[] = [];
      const done = new Promise<void>((resolve, reject) => {
        worker.on('message', (m: unknown) => {
          answers.push(m);
          if (answers.length === 2) resolve();
        });
        worker.on('error', reject);
      });
      worker.postMessage({ setup: { pathway, settings, header: undefined, worklists: false } });
      const bytes = new TextEncoder().encode(text);
      worker.postMessage({ id: 7, bytes, firstLine: 1 });
      await done;
      const here = processChunk(compilePopulation(pathway), undefined, settings, text, 1);
      expect(answers[0]).toEqual({ ready: true });
      const answer = answers[1] as { id: number; counts: unknown; bytes: Uint8Array };
      expect(answer.id).toBe(7);
      expect(JSON.stringify(answer.counts)).toBe(JSON.stringify(here));
      // The chunk's bytes come back, for their buffer to be read into again.
      expect(new TextDecoder().decode(answer.bytes)).toBe(text);
    } finally {
      await worker.terminate();
    }
  }, 120_000);
});
