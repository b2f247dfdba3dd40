/**
 * A cohort chunk read through the line reader counts exactly what today's route counts: the
 * same groups, results, indicator memberships, worklist rows and bad lines with their
 * messages. Today's route is forced by spelling each line's first key with an escape
 * (`"\u0069d"` for `"id"`), which JSON.parse reads as the same key and the reader declines.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processChunk, type CohortSettings } from '../../engine/cohort/process';
import type { WorklistRow } from '../../engine/cohort/worklist';
import { compilePopulation } from '../../engine/fast/index';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { synthPatients } from '../../engine/synth/index';
import { hostileLines } from '../fixtures/patient-lines';

const AS_OF = '2026-11-23';
const repo = await loadRepository(join(process.cwd(), 'pathways'));

/** `line` with its first key escaped, so that only today's route reads it. */
const forceToday = (line: string): string =>
  line.replace(/^\{"(.)/, (_, c: string) => `{"\\u00${c.charCodeAt(0).toString(16)}`);

describe('a cohort chunk read through the line reader', () => {
  it('counts what today’s route counts, bad lines, indicators and worklist included', () => {
    const { pathway } = findVersion(repo, 'chronic-pain', { version: '1.3.0', asOf: AS_OF });
    const compiled = compilePopulation(pathway);
    const good = [...synthPatients(1500, 5, AS_OF)].map((p) => JSON.stringify(p));
    const bad = Object.values(hostileLines(4096));
    const lines = good.flatMap((line, i) =>
      i % 20 === 0 ? [line, bad[i % bad.length] as string] : [line],
    );
    const text = `${lines.join('\r\n')}\n\n`;
    const today = lines.map(forceToday).join('\r\n') + '\n\n';
    expect(today).not.toBe(text);
    for (const by of ['healthCentre', 'id', undefined]) {
      const settings: CohortSettings = { format: 'ndjson', asOf: AS_OF, by, badLineLimit: 1000 };
      const rowsReader: WorklistRow[] = [];
      const rowsToday: WorklistRow[] = [];
      const viaReader = processChunk(compiled, undefined, settings, text, 1, rowsReader);
      const viaToday = processChunk(compiled, undefined, settings, today, 1, rowsToday);
      expect(JSON.stringify(viaReader)).toBe(JSON.stringify(viaToday));
      expect(JSON.stringify(rowsReader)).toBe(JSON.stringify(rowsToday));
      expect(viaReader.lines).toBe(lines.filter((l) => l.trim() !== '').length);
      expect(viaReader.badLineCount).toBeGreaterThan(60);
    }
  }, 120_000);
});
