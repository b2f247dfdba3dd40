/** Worker threads and the main thread give byte-identical cohort reports, whatever the chunking. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohortReport } from '../../engine/cohort/report';
import { CohortWorkers, runCohort } from '../../engine/node/cohort-run';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { synthPatients } from '../../engine/synth/population';

const AS_OF = '2026-11-23';
const repo = await loadRepository(join(process.cwd(), 'pathways'));
const { pathway } = findVersion(repo, 'chronic-pain', { asOf: AS_OF });
const settings = { format: 'ndjson' as const, asOf: AS_OF, by: 'healthCentre', badLineLimit: 5 };
const title = { asOf: AS_OF, by: 'healthCentre', title: 't' };

/**
 * A patients file of `count` synthetic patients (seed `seed`) in a fresh folder named from
 * `prefix`, with the lines `inserted` put in before the one at index `at`.
 */
async function patientsFile(
  prefix: string,
  count: number,
  seed: number,
  at: number,
  ...inserted: string[]
): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), prefix)), 'p.ndjson');
  const lines = [...synthPatients(count, seed, AS_OF)].map((l) => JSON.stringify(l));
  lines.splice(at, 0, ...inserted);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

describe('cohort runs', () => {
  it('give identical reports with two worker threads and with none', async () => {
    const file = await patientsFile('cohort-workers-', 3000, 5, 100, '{"facts": {"age": "old"}}');
    const report = async (workers: number) =>
      JSON.stringify(
        cohortReport(
          pathway,
          await runCohort({ pathway, file, settings, workers, chunkBytes: 64 * 1024 }),
          title,
        ),
      );
    const inline = await report(0);
    const threaded = await report(2);
    expect(threaded).toBe(inline);
    // The main thread evaluates chunks while the workers load, and whenever both are full.
    const oneWorker = await report(1);
    expect(oneWorker).toBe(inline);
    expect(JSON.parse(inline).totals).toEqual({ lines: 3001, patients: 3000, badLines: 1 });
    expect(JSON.parse(inline).badLines[0].line).toBe(101);
  });

  it('give the same report when only the workers evaluate, the main thread waiting for them', async () => {
    const file = await patientsFile('cohort-workers-only-', 1500, 3, 40, '{"facts": {"age": -4}}');
    const seen: number[] = [];
    const only = await runCohort({
      pathway,
      file,
      settings,
      workers: 2,
      shareMainThread: false,
      chunkBytes: 16 * 1024,
      onProgress: (_done, _total, lines) => seen.push(lines),
    });
    const inline = await runCohort({ pathway, file, settings, workers: 0 });
    expect(cohortReport(pathway, only, title)).toEqual(cohortReport(pathway, inline, title));
    expect(only.badLines.map((b) => b.line)).toEqual([41]);
    expect(seen.at(-1)).toBe(1501);
  });

  it('give the same report with worker threads started before the pathway was known, and end them', async () => {
    // Started first, as the CLI does, so that loading their code overlaps loading the pathway.
    const workers = new CohortWorkers(2);
    const file = await patientsFile('cohort-early-', 2000, 9, 7, '{"facts": {"agee": 40}}');
    const ended = workers.threads.map((w) => new Promise<number>((done) => w.once('exit', done)));
    const early = await runCohort({ pathway, file, settings, workers, chunkBytes: 32 * 1024 });
    const inline = await runCohort({ pathway, file, settings, workers: 0 });
    expect(cohortReport(pathway, early, title)).toEqual(cohortReport(pathway, inline, title));
    expect(early.badLines.map((b) => b.line)).toEqual([8]);
    // The run closes the threads it was given; closing again is harmless.
    expect(await Promise.all(ended)).toHaveLength(2);
    await workers.close();
  });

  it('give the same report when chunks are shorter than a line and their buffers are reused', async () => {
    // Chunks of 600 bytes: most lines are carried over two or three chunks, so carried parts
    // of every length meet reused buffers (a spare too small for the next chunk is not used).
    const file = await patientsFile('cohort-short-', 400, 11, 200, '', '{"facts": {"age": "x"}}');
    const inline = await runCohort({ pathway, file, settings, workers: 0 });
    for (const workers of [0, 1]) {
      const short = await runCohort({ pathway, file, settings, workers, chunkBytes: 600 });
      expect(cohortReport(pathway, short, title)).toEqual(cohortReport(pathway, inline, title));
      expect(short.badLines.map((b) => b.line)).toEqual([202]);
    }
  });
});
