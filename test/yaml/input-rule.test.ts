import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main';
import { memoryIo } from '../../engine/cli/io';
import { PathwayError } from '../../engine/errors';
import { parseLineJson } from '../../engine/service/lines';
import { parsePathway, parseScenario } from '../../engine/yaml/parse';
import { printPathway } from '../../engine/yaml/print';
import { miniPathway } from '../fixtures/pathways';
import { tempDir, writePathway } from '../fixtures/files';

describe('YAML readers follow the one input rule', () => {
  it('reads a pathway with a leading BOM as the same pathway', () => {
    const text = printPathway(miniPathway());
    expect(parsePathway(`\uFEFF${text}`)).toEqual(parsePathway(text));
  });

  it('refuses a __proto__ key in a pathway, naming its path', () => {
    const text = printPathway(miniPathway()).replace(/^title:\n/m, 'title:\n  __proto__: x\n');
    expect(text).toContain('__proto__');
    try {
      parsePathway(text, 'mini.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PathwayError);
      expect((error as PathwayError).issues[0]).toMatchObject({
        path: 'title.__proto__',
        file: 'mini.yaml',
      });
    }
  });

  it('lint reports a pathway file that is not UTF-8 as an error with its line', async () => {
    const root = await tempDir();
    const file = await writePathway(root, miniPathway());
    const text = printPathway(miniPathway()).replace('title:', 'title: # caf\u00e9');
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf(Buffer.from('\u00e9', 'utf8'));
    bytes[at] = 0xe9; // Latin-1 é: not UTF-8
    bytes[at + 1] = 0x20;
    await writeFile(file, bytes);
    const io = memoryIo(root);
    const code = await main(['lint', file], io);
    expect(code).not.toBe(0);
    const out = [...io.stdout, ...io.stderr].join('\n');
    expect(out).toMatch(/mini\/1\.0\.0\.yaml:\d+:\d+: error yaml-syntax.*not valid UTF-8/);
  });
});

describe('a __proto__ key is refused, not dropped, in scenarios and input lines', () => {
  it('refuses __proto__ in a scenario file', () => {
    const text = [
      'name: x',
      'pathway: mini',
      'versions: [1.0.0]',
      'asOf: 2026-09-01',
      'input:',
      '  facts:',
      '    painMonths: 8',
      '    __proto__:',
      '      polluted: true',
      'expect:',
      '  step: treat',
      '',
    ].join('\n');
    expect(() => parseScenario(text, 's.yaml')).toThrow(
      /'__proto__' is not allowed \(at input\.facts\.__proto__\)/,
    );
  });

  it('refuses __proto__ in a batch or cohort line with INVALID_INPUT naming the line', () => {
    try {
      parseLineJson('{"facts":{"painMonths":8,"__proto__":{"x":1}}}', 4);
      expect.unreachable();
    } catch (error) {
      expect((error as PathwayError).code).toBe('INVALID_INPUT');
      expect((error as PathwayError).issues[0]).toMatchObject({ path: 'facts.__proto__', line: 4 });
    }
  });

  it('accepts a BOM at the start of a batch line', () => {
    expect(parseLineJson('\uFEFF{"facts":{}}', 1)).toEqual({ facts: {} });
  });
});
