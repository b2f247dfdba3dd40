/** Worker threads and the main thread give byte-identical cohort reports, whatever the chunking. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohortReport } from '../../engine/cohort/report';
import { runCohort } from '../../engine/node/cohort-run';
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
    expect(JSON.parse(inline).totals).toEqual({ lines: 3001, patients: 3000, badLines: 1 });
    expect(JSON.parse(inline).badLines[0].line).toBe(101);
  });
});
