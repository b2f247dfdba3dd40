import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';
import type { Scenario } from '../../engine/model/types';
import { parseScenario } from '../../engine/yaml/parse';
import { tempDir, writePathway } from '../fixtures/files';
import { miniPathway } from '../fixtures/pathways';
import { systemToday } from '../../engine/service/today';
import { REAL_PATHWAYS, TODAY, errorCode, errorOf, service, type TestService } from './helpers';

let real: TestService;
let mini: TestService;
beforeAll(async () => {
  // 200 requests at once from one address: the per-client limit is off here.
  real = await service({ root: REAL_PATHWAYS, limits: { clientConcurrency: 0 } });
  mini = await service();
});
afterAll(async () => {
  await real.app.close();
  await mini.app.close();
});

const evaluateUrl = (id: string, query = ''): string => `/api/pathways/${id}/evaluate${query}`;

async function cliJson(args: string[]): Promise<unknown> {
  const io = memoryIo(join(REAL_PATHWAYS, '..'), TODAY);
  const code = await main(['evaluate', ...args, '--json'], io);
  expect(code, io.stderr.join('')).toBe(0);
  return JSON.parse(io.stdout.join('')) as unknown;
}

/** Every chronic-pain scenario that applies to 1.1.0, as an evaluate body. */
async function scenarioBodies(): Promise<{ name: string; body: Record<string, unknown> }[]> {
  const dir = join(REAL_PATHWAYS, 'chronic-pain', 'scenarios');
  const out: { name: string; body: Record<string, unknown> }[] = [];
  for (const file of (await readdir(dir)).sort()) {
    const scenario: Scenario = parseScenario(await readFile(join(dir, file), 'utf8'));
    if (!scenario.versions.includes('1.1.0')) continue;
    out.push({ name: file, body: { ...scenario.input, asOf: scenario.asOf, version: '1.1.0' } });
  }
  return out;
}

describe('POST /api/pathways/:id/evaluate', () => {
  it('answers exactly the result object of `pathway evaluate --json` for the same input', async () => {
    const input = JSON.parse(
      await readFile(join(REAL_PATHWAYS, 'chronic-pain/examples/patient.json'), 'utf8'),
    ) as Record<string, unknown>;
    const { status, body, response } = await real.call({
      method: 'POST',
      url: evaluateUrl('chronic-pain'),
      payload: input,
    });
    expect(status).toBe(200);
    expect(body).toEqual(
      await cliJson(['chronic-pain', '--input', 'pathways/chronic-pain/examples/patient.json']),
    );
    expect(response.headers['x-audit-id']).toMatch(/^\d+$/);
  });

  it('gives the CLI answer for an explicit version, date and language too', async () => {
    const input = JSON.parse(
      await readFile(join(REAL_PATHWAYS, 'chronic-pain/examples/patient.json'), 'utf8'),
    ) as Record<string, unknown>;
    const { body } = await real.call({
      method: 'POST',
      url: evaluateUrl('chronic-pain', '?lang=sv'),
      payload: { ...input, asOf: '2026-12-20', version: '1.0.0' },
    });
    expect(body).toEqual(
      await cliJson([
        'chronic-pain',
        '--input',
        'pathways/chronic-pain/examples/patient.json',
        '--as-of',
        '2026-12-20',
        '--version',
        '1.0.0',
        '--lang',
        'sv',
      ]),
    );
    expect((body as { language: string }).language).toBe('sv');
  });

  it('lets the body language win over ?lang= and leaves the trace out with ?trace=false', async () => {
    const { body } = await mini.call({
      method: 'POST',
      url: evaluateUrl('mini', '?lang=sv&trace=false'),
      payload: { facts: { painMonths: 8, flags: [] }, language: 'en' },
    });
    expect(body).toMatchObject({
      language: 'en',
      trace: [],
      step: { id: 'treat', title: 'Step treat' },
    });
  });

  it("defaults asOf to today in the pathway's time zone: 23:30 UTC on 6 December is 7 December in Stockholm", async () => {
    const root = await tempDir();
    const active = {
      version: '1.1.0',
      status: 'active',
      effective: { from: '2026-07-01' },
    } as const;
    await writePathway(root, miniPathway({ ...active, timeZone: 'Europe/Stockholm' }));
    await writePathway(root, miniPathway({ ...active, id: 'utc-mini', timeZone: 'UTC' }));
    await writePathway(root, miniPathway({ ...active, id: 'plain-mini' }));
    const late = await service({
      root,
      today: systemToday(() => new Date('2026-12-06T23:30:00Z')),
    });
    try {
      const asOfOf = async (id: string): Promise<unknown> =>
        (await late.call({ method: 'POST', url: evaluateUrl(id), payload: { facts: {} } })).body;
      expect(await asOfOf('mini')).toMatchObject({ asOf: '2026-12-07' });
      expect(await asOfOf('utc-mini')).toMatchObject({ asOf: '2026-12-06' });
      // Without a declared zone the day is the Stockholm one (the default zone).
      expect(await asOfOf('plain-mini')).toMatchObject({ asOf: '2026-12-07' });
    } finally {
      await late.app.close();
    }
  });

  it('uses today and the version in effect today unless the body says otherwise', async () => {
    const today = await mini.call({
      method: 'POST',
      url: evaluateUrl('mini'),
      payload: { facts: { painMonths: 8 } },
    });
    expect(today.body).toMatchObject({ asOf: TODAY, pathway: { id: 'mini', version: '1.1.0' } });
    const past = await mini.call({
      method: 'POST',
      url: evaluateUrl('mini'),
      payload: { facts: {}, asOf: '2025-06-01' },
    });
    expect(past.body).toMatchObject({ pathway: { version: '1.0.0' } });
    const draft = await mini.call({
      method: 'POST',
      url: evaluateUrl('mini'),
      payload: { facts: {}, version: '2.0.0' },
    });
    expect(draft.body).toMatchObject({ pathway: { version: '2.0.0' } });
  });

  it('chooses the same version as `pathway evaluate` for every combination of asOf and version', async () => {
    const dir = await tempDir();
    const requests = [
      { facts: {} },
      { facts: {}, asOf: '2026-06-30' },
      { facts: {}, asOf: '2026-07-01' },
      { facts: {}, asOf: '2020-01-01' },
      { facts: {}, version: '1.0.0' },
      { facts: {}, version: '2.0.0', asOf: '2026-06-30' },
      { facts: {}, version: '1.1.0', asOf: '2025-03-01' },
    ];
    for (const [i, request] of requests.entries()) {
      const rest = await mini.call({ method: 'POST', url: evaluateUrl('mini'), payload: request });
      const file = join(dir, `request-${i}.json`);
      await writeFile(file, JSON.stringify(request));
      const io = memoryIo(mini.root, TODAY);
      const code = await main(['evaluate', 'mini', '-i', file, '--pathways', '.', '--json'], io);
      const cli = code === 0 ? (JSON.parse(io.stdout.join('')) as unknown) : undefined;
      const what = JSON.stringify(request);
      if (rest.status === 200) {
        expect(code, what).toBe(0);
        expect(cli, what).toMatchObject({
          asOf: (rest.body as { asOf: string }).asOf,
          pathway: (rest.body as { pathway: unknown }).pathway,
        });
      } else {
        expect(code, what).toBe(2);
        expect(io.stderr.join(''), what).toContain(errorCode(rest.body));
      }
    }
  });

  it('answers 400 naming the field for a bad body, bad facts and bad JSON', async () => {
    const cases: [unknown, string, string][] = [
      [{}, 'BAD_REQUEST', 'facts'],
      [{ facts: [] }, 'BAD_REQUEST', 'facts'],
      [{ facts: {}, asOf: '2026-02-30' }, 'BAD_REQUEST', 'asOf'],
      [{ facts: {}, language: 'fi' }, 'BAD_REQUEST', 'language'],
      [{ facts: {}, patient: 1 }, 'BAD_REQUEST', 'patient'],
      [{ facts: { painMonths: 'long' } }, 'FACT_TYPE', 'facts.painMonths'],
      [{ facts: { painMonths: 9000 } }, 'FACT_RANGE', 'facts.painMonths'],
      [{ facts: { ageYears: 3 } }, 'UNKNOWN_FACT', 'facts.ageYears'],
      [{ facts: {}, currentStep: { id: 'nowhere' } }, 'UNKNOWN_STEP', 'currentStep.id'],
    ];
    for (const [payload, code, path] of cases) {
      const { status, body } = await mini.call({
        method: 'POST',
        url: evaluateUrl('mini'),
        payload: payload as object,
      });
      expect(status, JSON.stringify(payload)).toBe(400);
      expect(errorCode(body), JSON.stringify(body)).toBe(code);
      expect(errorOf(body).issues.map((i) => i.path)).toContain(path);
    }
    const bad = await mini.call({
      method: 'POST',
      url: evaluateUrl('mini'),
      headers: { 'content-type': 'application/json' },
      payload: '{"facts": ',
    });
    expect(bad.status).toBe(400);
    expect(errorCode(bad.body)).toBe('INVALID_JSON');
    const query = await mini.call({
      method: 'POST',
      url: evaluateUrl('mini', '?lang=xx'),
      payload: { facts: {} },
    });
    expect(query.status).toBe(400);
    expect(errorOf(query.body).issues[0]?.path).toBe('lang');
  });

  it('answers 404 for an unknown pathway or version and for a date no version covers', async () => {
    const pathway = await mini.call({
      method: 'POST',
      url: evaluateUrl('other'),
      payload: { facts: {} },
    });
    expect([pathway.status, errorCode(pathway.body)]).toEqual([404, 'UNKNOWN_PATHWAY']);
    const version = await mini.call({
      method: 'POST',
      url: evaluateUrl('mini'),
      payload: { facts: {}, version: '3.0.0' },
    });
    expect([version.status, errorCode(version.body)]).toEqual([404, 'UNKNOWN_VERSION']);
    const date = await mini.call({
      method: 'POST',
      url: evaluateUrl('mini'),
      payload: { facts: {}, asOf: '2020-01-01' },
    });
    expect([date.status, errorCode(date.body)]).toEqual([404, 'NO_VERSION_IN_EFFECT']);
  });

  it('answers 413 for a body over the limit and 415 for a body that is not JSON', async () => {
    const small = await service({ bodyLimit: 1000 });
    try {
      const big = await small.call({
        method: 'POST',
        url: evaluateUrl('mini'),
        payload: { facts: { flags: Array.from({ length: 400 }, () => 'a') } },
      });
      expect([big.status, errorCode(big.body)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      const text = await small.call({
        method: 'POST',
        url: evaluateUrl('mini'),
        headers: { 'content-type': 'text/plain' },
        payload: 'facts',
      });
      expect([text.status, errorCode(text.body)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    } finally {
      await small.app.close();
    }
  });

  it('gives 200 concurrent patients exactly the answers they get one at a time', async () => {
    const bodies = await scenarioBodies();
    const requests = Array.from(
      { length: 200 },
      (_, i) => bodies[i % bodies.length] as (typeof bodies)[number],
    );
    const alone: string[] = [];
    for (const { body } of requests) {
      const r = await real.call({
        method: 'POST',
        url: evaluateUrl('chronic-pain'),
        payload: body,
      });
      alone.push(JSON.stringify(r.body));
    }
    const together = await Promise.all(
      requests.map(({ body }) =>
        real.call({ method: 'POST', url: evaluateUrl('chronic-pain'), payload: body }),
      ),
    );
    expect(together.map((r) => JSON.stringify(r.body))).toEqual(alone);
    // The patients really differ: many steps, alert sets and statuses.
    const answers = alone.map(
      (a) => JSON.parse(a) as { step?: { id: string }; alerts?: { id: string }[]; status?: string },
    );
    expect(new Set(answers.map((a) => a.step?.id)).size).toBeGreaterThan(5);
    expect(
      new Set(answers.map((a) => JSON.stringify(a.alerts?.map((x) => x.id)))).size,
    ).toBeGreaterThan(5);
    expect(new Set(answers.map((a) => a.status)).size).toBeGreaterThan(1);
  });
});
