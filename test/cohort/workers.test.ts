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

describe('cohort runs', () => {
  it('give identical reports with two worker threads and with none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cohort-workers-'));
    const file = join(dir, 'p.ndjson');
    const lines = [...synthPatients(3000, 5, AS_OF)].map((l) => JSON.stringify(l));
    lines.splice(100, 0, '{"facts": {"age": "old"}}');
    await writeFile(file, `${lines.join('\n')}\n`);
    const settings = {
      format: 'ndjson' as const,
      asOf: AS_OF,
      by: 'healthCentre',
      badLineLimit: 5,
    };
    const report = async (workers: number) =>
      JSON.stringify(
        cohortReport(
          pathway,
          await runCohort({ pathway, file, settings, workers, chunkBytes: 64 * 1024 }),
          {
            asOf: AS_OF,
            by: 'healthCentre',
            title: 't',
          },
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
    const dir = await mkdtemp(join(tmpdir(), 'cohort-workers-only-'));
    const file = join(dir, 'p.ndjson');
    const lines = [...synthPatients(1500, 3, AS_OF)].map((l) => JSON.stringify(l));
    lines.splice(40, 0, '{"facts": {"age": -4}}');
    await writeFile(file, `${lines.join('\n')}\n`);
    const settings = {
      format: 'ndjson' as const,
      asOf: AS_OF,
      by: 'healthCentre',
      badLineLimit: 5,
    };
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
    const title = { asOf: AS_OF, by: 'healthCentre', title: 't' };
    expect(cohortReport(pathway, only, title)).toEqual(cohortReport(pathway, inline, title));
    expect(only.badLines.map((b) => b.line)).toEqual([41]);
    expect(seen.at(-1)).toBe(1501);
  });

  it('give the same report with worker threads started before the pathway was known, and end them', async () => {
    // Started first, as the CLI does, so that loading their code overlaps loading the pathway.
    const workers = new CohortWorkers(2);
    const dir = await mkdtemp(join(tmpdir(), 'cohort-early-'));
    const file = join(dir, 'p.ndjson');
    const lines = [...synthPatients(2000, 9, AS_OF)].map((l) => JSON.stringify(l));
    lines.splice(7, 0, '{"facts": {"agee": 40}}');
    await writeFile(file, `${lines.join('\n')}\n`);
    const settings = {
      format: 'ndjson' as const,
      asOf: AS_OF,
      by: 'healthCentre',
      badLineLimit: 5,
    };
    const ended = workers.threads.map((w) => new Promise<number>((done) => w.once('exit', done)));
    const early = await runCohort({ pathway, file, settings, workers, chunkBytes: 32 * 1024 });
    const inline = await runCohort({ pathway, file, settings, workers: 0 });
    expect(cohortReport(pathway, early, { asOf: AS_OF, by: 'healthCentre', title: 't' })).toEqual(
      cohortReport(pathway, inline, { asOf: AS_OF, by: 'healthCentre', title: 't' }),
    );
    expect(early.badLines.map((b) => b.line)).toEqual([8]);
    // The run closes the threads it was given; closing again is harmless.
    expect(await Promise.all(ended)).toHaveLength(2);
    await workers.close();
  });

  it('give the same report when chunks are shorter than a line and their buffers are reused', async () => {
    // Chunks of 600 bytes: most lines are carried over two or three chunks, so carried parts
    // of every length meet reused buffers (a spare too small for the next chunk is not used).
    const dir = await mkdtemp(join(tmpdir(), 'cohort-short-'));
    const file = join(dir, 'p.ndjson');
    const lines = [...synthPatients(400, 11, AS_OF)].map((l) => JSON.stringify(l));
    lines.splice(200, 0, '', '{"facts": {"age": "x"}}');
    await writeFile(file, `${lines.join('\n')}\n`);
    const settings = {
      format: 'ndjson' as const,
      asOf: AS_OF,
      by: 'healthCentre',
      badLineLimit: 5,
    };
    const title = { asOf: AS_OF, by: 'healthCentre', title: 't' };
    const inline = await runCohort({ pathway, file, settings, workers: 0 });
    for (const workers of [0, 1]) {
      const short = await runCohort({ pathway, file, settings, workers, chunkBytes: 600 });
      expect(cohortReport(pathway, short, title)).toEqual(cohortReport(pathway, inline, title));
      expect(short.badLines.map((b) => b.line)).toEqual([202]);
    }
  });
});
