/**
 * The service's batch entry (`serveLine`: a line read straight into a batch by the line
 * reader) against today's per-line route (parse under the input rule, check the nesting and
 * the line schema, `serve`): the same version, result bytes, error and audit record for every
 * line it takes, over the synthetic population, the adversarial sets with bad lines, the
 * hostile lines and mutated lines. Lines it does not take are left to the per-line route.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryValues } from '../../engine/audit/columns';
import { parseInput } from '../../engine/http/fast-body';
import { batchInputLineSchema } from '../../engine/http/schemas';
import { checkNesting } from '../../engine/model/nesting';
import { parseJsonText } from '../../engine/model/input-text';
import { loadRepository, versionsOf } from '../../engine/node/repository';
import type { AuditEntry } from '../../engine/service/audit';
import { createEvaluationService, type Served } from '../../engine/service/service';
import { adversarialPatients } from '../../engine/synth/adversarial';
import { synthPatients } from '../../engine/synth/index';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';
import { hostileLines, MUTATIONS } from '../fixtures/patient-lines';

const TODAY = '2026-11-23';
const repo = await loadRepository(join(process.cwd(), 'pathways'));

/** A service whose audit log keeps each record's column values. */
function recordingService(): {
  service: ReturnType<typeof createEvaluationService>;
  rows: (string | null)[][];
} {
  const rows: (string | null)[][] = [];
  const service = createEvaluationService({
    versionsOf: (id) => versionsOf(repo, id),
    today: () => TODAY,
    now: () => '2026-11-23T10:00:00.000Z',
    audit: {
      record: (entry: AuditEntry) => {
        rows.push(entryValues(entry));
        return Promise.resolve(rows.length);
      },
    },
  });
  return { service, rows };
}

/** An outcome as text: the answer's bytes and what it was served with, or the error. */
async function settled(answer: Promise<Served | undefined>): Promise<string | undefined> {
  try {
    const served = await answer;
    if (served === undefined) return undefined;
    const { result, version, asOf, auditId } = served;
    return JSON.stringify([result, version.key, asOf, auditId]);
  } catch (error) {
    return JSON.stringify(['error', error, (error as Error).message]);
  }
}

/** Today's per-line route of the batch, as engine/http/routes/batch.ts runs it. */
function perLine(
  service: ReturnType<typeof createEvaluationService>,
  pathwayId: string,
  text: string,
  options: { language?: 'sv' | 'da' | 'en'; trace: boolean; channel: 'batch' },
): Promise<Served> {
  return (async () => {
    const parsed = parseJsonText(text, { line: 1 });
    checkNesting(parsed, 'line 1', 1);
    const line = parseInput(batchInputLineSchema, parsed, 'line 1');
    const { id: _id, healthCentre: _centre, language: own, ...body } = line;
    return service.serve(pathwayId, body, {
      channel: 'batch',
      language: own ?? options.language,
      trace: options.trace,
    });
  })();
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The lines tried, and how many of them come first unmutated. */
function linesFor(pathwayId: string): { lines: string[]; plain: number } {
  const versions = versionsOf(repo, pathwayId);
  const latest = versions[versions.length - 1];
  if (latest === undefined) return { lines: [], plain: 0 };
  const lines = [
    // `pathway synth` writes chronic-pain patients.
    ...(pathwayId === 'chronic-pain'
      ? [...synthPatients(300, 3, TODAY)].map((p) => JSON.stringify(p))
      : []),
    // Dates up to 600 days after each version took effect (so every version answers some).
    ...versions.flatMap((v) =>
      adversarialPatients(v.pathway, 150, 7, {
        invalid: 0.2,
        latestAsOf: addDays(v.pathway.effective.from, 600),
      }).map(({ input, asOf }) => JSON.stringify({ ...input, asOf })),
    ),
    ...(pathwayId === 'chronic-pain'
      ? chronicPainPatients(300, 5, { invalid: 0.1 }).map(({ input, asOf }, k) =>
          JSON.stringify({
            ...input,
            ...(k % 5 === 0 ? {} : { asOf }),
            ...(k % 3 === 0 ? { version: '1.1.0' } : {}),
          }),
        )
      : []),
    ...Object.values(hostileLines(4096)),
  ];
  // Each valid line also in spellings of the same values, and broken.
  const mutated = lines
    .slice(0, 200)
    .flatMap((line, k) =>
      MUTATIONS.map((mutate, m) => mutate(line, (k * 7 + m * 13) % Math.max(1, line.length))),
    );
  return { lines: [...lines, ...mutated], plain: lines.length };
}

describe('the batch entry of the evaluation service', () => {
  it.each(['chronic-pain', 'chronic-pain-dk'])(
    'answers and records every line it takes as the per-line route does (%s)',
    async (pathwayId) => {
      const direct = recordingService();
      const today = recordingService();
      let taken = 0;
      let takenPlain = 0;
      const { lines, plain } = linesFor(pathwayId);
      for (const [k, text] of lines.entries()) {
        const options = {
          channel: 'batch' as const,
          ...(k % 4 === 0 ? {} : { language: (['sv', 'da', 'en'] as const)[k % 3] ?? 'en' }),
          trace: k % 6 !== 0,
        };
        const before = direct.rows.length;
        const mine = await settled(direct.service.serveLine(pathwayId, text, options));
        if (mine === undefined) {
          // Declined: nothing was recorded, and the per-line route answers.
          expect(direct.rows.length).toBe(before);
          continue;
        }
        taken++;
        if (k < plain) takenPlain++;
        // The same record numbering on both sides, so the audit ids compare too.
        while (today.rows.length < before) today.rows.push([]);
        const theirs = await settled(perLine(today.service, pathwayId, text, options));
        expect(mine, text.slice(0, 300)).toBe(theirs);
        expect(direct.rows[before], text.slice(0, 300)).toEqual(today.rows[before]);
      }
      // Most lines written by JSON.stringify are taken: the entry is not one that declines all.
      expect(takenPlain).toBeGreaterThan(plain / 3);
      expect(taken).toBeGreaterThan(takenPlain);
    },
    // Thousands of lines through both routes: allow for a busy machine.
    120_000,
  );

  it('leaves a line not written as JSON.stringify writes it to the per-line route', async () => {
    const { service, rows } = recordingService();
    const line = JSON.stringify({ facts: { age: 52 }, asOf: '2026-01-01' });
    expect(await service.serveLine('chronic-pain', line, { channel: 'batch' })).toBeDefined();
    for (const other of [
      line.replace(':52', ':52.0'),
      line.replace(':52', ': 52'),
      line.replace('age', 'a\\u0067e'),
      ` ${line}`,
      line.replace('{', '{"language":"sv",'),
    ])
      expect(await service.serveLine('chronic-pain', other, { channel: 'batch' })).toBeUndefined();
    expect(rows).toHaveLength(1);
  });
});
