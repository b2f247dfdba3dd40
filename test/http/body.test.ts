/**
 * The one input rule at every entrance: a key `__proto__`, `constructor` or `prototype` is
 * refused (never dropped, never kept) in an evaluate body, a batch line, a cohort line, a
 * scenario file and a CDS Hooks body; a JSON body that is not UTF-8 is refused; a BOM is dropped.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';
import { errorOf, REAL_PATHWAYS, service, type TestService } from './helpers';

const KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const open: TestService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.app.close()));
});

async function started(options: Parameters<typeof service>[0] = {}): Promise<TestService> {
  const svc = await service(options);
  open.push(svc);
  return svc;
}

/** `{"facts":{"painMonths":8,"<key>":{"x":1}}}` written by hand: JSON.stringify would drop __proto__. */
const withKey = (key: string): string => `{"facts":{"painMonths":8,"${key}":{"x":1}}}`;

describe('the JSON body parser follows the one input rule', () => {
  it.each(KEYS)('answers 400 INVALID_INPUT naming facts.%s in an evaluate body', async (key) => {
    const svc = await started();
    const { status, body } = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/evaluate',
      headers: { 'content-type': 'application/json' },
      payload: withKey(key),
    });
    expect(status).toBe(400);
    expect(errorOf(body).code).toBe('INVALID_INPUT');
    expect(errorOf(body).issues[0]?.path).toBe(`facts.${key}`);
  });

  it('refuses a constructor key nested deep inside an array of a body', async () => {
    const svc = await started();
    const { status, body } = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/evaluate',
      headers: { 'content-type': 'application/json' },
      payload: '{"facts":{"flags":[{"a":1},{"b":{"constructor":1}}]}}',
    });
    expect(status).toBe(400);
    expect(errorOf(body).issues[0]?.path).toBe('facts.flags[1].b.constructor');
  });

  it('answers 400 INVALID_JSON naming line and column when the body is not UTF-8', async () => {
    const svc = await started();
    const bytes = Buffer.concat([
      Buffer.from('{"facts":\n{"painMonths":8, "x":"'),
      Buffer.from([0xff]),
      Buffer.from('"}}'),
    ]);
    const { status, body } = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/evaluate',
      headers: { 'content-type': 'application/json' },
      payload: bytes,
    });
    expect(status).toBe(400);
    expect(errorOf(body).code).toBe('INVALID_JSON');
    expect(errorOf(body).message).toMatch(/not valid UTF-8 \(line 2, column \d+\)/);
  });

  it('drops a leading BOM of a body and evaluates it', async () => {
    const svc = await started();
    const { status } = await svc.call({
      method: 'POST',
      url: '/api/pathways/mini/evaluate',
      headers: { 'content-type': 'application/json' },
      payload: `\uFEFF${JSON.stringify({ facts: { painMonths: 8, flags: [] } })}`,
    });
    expect(status).toBe(200);
  });

  it('still answers 400 INVALID_JSON for a body that is not JSON or is empty', async () => {
    const svc = await started();
    for (const payload of ['{"facts": ', '', '   ']) {
      const { status, body } = await svc.call({
        method: 'POST',
        url: '/api/pathways/mini/evaluate',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(status, JSON.stringify(payload)).toBe(400);
      expect(errorOf(body).code).toBe('INVALID_JSON');
    }
  });

  it.each(KEYS)('answers an error line naming facts.%s for a batch line', async (key) => {
    const svc = await started();
    const response = await svc.app.inject({
      method: 'POST',
      url: '/api/pathways/mini/evaluate/batch?trace=false',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: [JSON.stringify({ facts: { painMonths: 8, flags: [] } }), withKey(key)].join('\n'),
    });
    const lines = response.body
      .split('\n')
      .filter((l) => l !== '')
      .map(
        (l) =>
          JSON.parse(l) as { line: number; error?: { code: string; issues: { path?: string }[] } },
      );
    expect(lines[0]?.error).toBeUndefined();
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'INVALID_INPUT' } });
    expect(lines[1]?.error?.issues[0]?.path).toBe(`facts.${key}`);
  });

  it.each(KEYS)('answers 400 INVALID_INPUT for a %s key in a CDS Hooks body', async (key) => {
    const svc = await started({ root: REAL_PATHWAYS, cds: { auth: { mode: 'off' } } });
    const discovery = (await svc.call({ method: 'GET', url: '/cds-services' })).body as {
      services: { id: string }[];
    };
    const id = discovery.services[0]?.id ?? '';
    expect(id).not.toBe('');
    const payload =
      `{"hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",` +
      `"context":{"userId":"Practitioner/x","patientId":"p1","${key}":{"x":1}}}`;
    const { status, body } = await svc.call({
      method: 'POST',
      url: `/cds-services/${id}`,
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(status).toBe(400);
    expect(errorOf(body).code).toBe('INVALID_INPUT');
    expect(errorOf(body).issues[0]?.path).toBe(`context.${key}`);
  });

  it.each(KEYS)('answers SCENARIO naming the file for a %s key in a scenario file', async (key) => {
    const svc = await started();
    await mkdir(join(svc.root, 'mini', 'scenarios'), { recursive: true });
    const text = [
      'name: polluted',
      'pathway: mini',
      'versions: [1.1.0]',
      'asOf: 2026-09-01',
      'input:',
      '  facts:',
      '    painMonths: 8',
      `    ${key}:`,
      '      x: 1',
      'expect:',
      '  step: treat',
      '',
    ].join('\n');
    await writeFile(join(svc.root, 'mini', 'scenarios', 'polluted.yaml'), text);
    const { status, body } = await svc.call({
      method: 'GET',
      url: '/api/pathways/mini/scenarios',
    });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(errorOf(body).message).toContain('mini/scenarios/polluted.yaml');
    expect(errorOf(body).message).toContain(`'${key}' is not allowed`);
  });
});

describe('a cohort line follows the same rule', () => {
  it.each(KEYS)('reports a %s key in a patients line as a bad line naming it', async (key) => {
    const dir = await mkdtemp(join(tmpdir(), 'cohort-keys-'));
    const good = JSON.stringify({ facts: { painMonths: 8, flags: [] } });
    await writeFile(join(dir, 'p.ndjson'), `${good}\n${withKey(key)}\n`);
    const io = memoryIo(process.cwd());
    const code = await main(
      [
        'cohort',
        'chronic-pain',
        '--patients',
        join(dir, 'p.ndjson'),
        '--as-of',
        '2026-11-23',
        '--out',
        join(dir, 'out'),
        '--workers',
        '0',
      ],
      io,
    );
    expect(code, io.stderr.join('\n')).toBe(0);
    expect(io.stderr.join('\n')).toMatch(
      new RegExp(`line 2: INVALID_INPUT.*'${key}' is not allowed`),
    );
  });
});
