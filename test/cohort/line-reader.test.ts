/**
 * A cohort chunk read through the line reader counts exactly what today's route counts: the
 * same groups, results, indicator memberships, worklist rows and bad lines with their
 * messages. Today's route is forced by spelling each line's first key with an escape
 * (`"\u0069d"` for `"id"`), which JSON.parse reads as the same key and the reader declines.
 * A chunk handed over as bytes (`processChunkBytes`, the byte reader first) counts what the
 * same chunk as text counts, whether it is ASCII, holds other characters, bytes that are not
 * UTF-8 or starts with a byte order mark, and whether a line the byte reader declines sits in
 * the middle of it (its lines are split on the bytes; only a declined line is decoded).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processChunk, processChunkBytes, type CohortSettings } from '../../engine/cohort/process';
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

/** Bytes `a`, then `b`, then `c`. */
const joined = (a: Uint8Array, b: Uint8Array, c: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length + c.length);
  out.set(a, 0);
  out.set(b, a.length);
  out.set(c, a.length + b.length);
  return out;
};

/**
 * Chunks whose lines are split on the bytes: a line the byte reader declines in the middle,
 * other characters on some lines only, CRLF line ends, a byte order mark starting a line in
 * the middle (which only the chunk's own start drops), and a UTF-8 sequence cut short just
 * before a line's CRLF.
 */
function edgeChunks(lines: readonly string[]): Record<string, Uint8Array> {
  const encoder = new TextEncoder();
  const half = Math.floor(lines.length / 2);
  const mixed = lines.map((l, i) => (i % 7 === 3 ? l.replace('vc-', 'vå-') : l));
  const declined = [
    ...mixed.slice(0, half),
    forceToday(mixed[half] as string),
    ...mixed.slice(half + 1),
  ];
  const before = encoder.encode(`${lines.slice(0, half).join('\r\n')}\r\n${lines[half]}`);
  const after = encoder.encode(`\r\n${lines.slice(half + 1).join('\r\n')}\r\n`);
  return {
    'a declined line in the middle, other characters, CRLF': encoder.encode(
      `${declined.join('\r\n')}\r\n`,
    ),
    'a byte order mark starting a line in the middle': encoder.encode(
      `${lines.slice(0, half).join('\n')}\n\uFEFF${lines.slice(half).join('\n')}\n`,
    ),
    'a sequence cut short before a CRLF': joined(before, new Uint8Array([0xe2, 0x82]), after),
  };
}

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

  it('counts the same from a chunk’s bytes as from its text, whatever the bytes', () => {
    const { pathway } = findVersion(repo, 'chronic-pain', { version: '1.3.0', asOf: AS_OF });
    const compiled = compilePopulation(pathway);
    const good = [...synthPatients(600, 9, AS_OF)].map((p) => JSON.stringify(p));
    const bad = Object.values(hostileLines(4096));
    const lines = good.flatMap((line, i) =>
      i % 15 === 0 ? [line, bad[i % bad.length] as string] : [line],
    );
    const encoder = new TextEncoder();
    const ascii = encoder.encode(`${lines.join('\r\n')}\n\n`);
    const withInvalid = ascii.slice();
    // A lone byte that is not UTF-8 in a centre's name: one replacement character in the text.
    withInvalid[ascii.indexOf(0x76 /* v of vc- */)] = 0xff;
    const chunks = {
      ascii,
      'not UTF-8': withInvalid,
      'other characters': encoder.encode(lines.map((l) => l.replace('vc-', 'vå-')).join('\n')),
      'byte order mark': encoder.encode(`\uFEFF${lines.join('\n')}`),
      ...edgeChunks(lines),
    };
    const decoder = new TextDecoder();
    for (const [kind, bytes] of Object.entries(chunks))
      for (const by of ['healthCentre', 'id', undefined]) {
        const settings: CohortSettings = { format: 'ndjson', asOf: AS_OF, by, badLineLimit: 1000 };
        const rowsBytes: WorklistRow[] = [];
        const rowsText: WorklistRow[] = [];
        const viaBytes = processChunkBytes(compiled, undefined, settings, bytes, 3, rowsBytes);
        const viaText = processChunk(
          compiled,
          undefined,
          settings,
          decoder.decode(bytes),
          3,
          rowsText,
        );
        expect([kind, JSON.stringify(viaBytes)]).toEqual([kind, JSON.stringify(viaText)]);
        expect([kind, JSON.stringify(rowsBytes)]).toEqual([kind, JSON.stringify(rowsText)]);
        expect(viaBytes.badLineCount).toBeGreaterThan(30);
        // Split at the line breaks the file reader found, instead of searching the bytes.
        const rowsSplit: WorklistRow[] = [];
        const breaks = Int32Array.from([...bytes.keys()].filter((i) => bytes[i] === 0x0a));
        const viaBreaks = processChunkBytes(
          compiled,
          undefined,
          settings,
          bytes,
          3,
          rowsSplit,
          breaks,
        );
        expect([kind, JSON.stringify(viaBreaks)]).toEqual([kind, JSON.stringify(viaText)]);
        expect([kind, JSON.stringify(rowsSplit)]).toEqual([kind, JSON.stringify(rowsText)]);
      }
  }, 120_000);
});
