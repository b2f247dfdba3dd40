import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main';
import { memoryIo } from '../../engine/cli/io';
import { errorOf, service, type TestService } from './helpers';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.app.close();
  svc = undefined;
});

const scenario = {
  name: 'Chronic pain goes to treatment',
  pathway: 'mini',
  versions: ['1.1.0'],
  asOf: '2026-09-01',
  input: { facts: { painMonths: 8, flags: [] } },
  expect: { step: 'treat', alerts: [] },
};

const post = (s: TestService, body: unknown) =>
  s.call({ method: 'POST', url: '/api/pathways/mini/scenarios', payload: body as object });

describe('a saved test patient names only what exists on disk', () => {
  it('refuses a version that is not saved, naming the field, and writes nothing', async () => {
    svc = await service();
    const answer = await post(svc, {
      name: 'draft-patient',
      scenario: { ...scenario, versions: ['1.1.0', '1.4.0'] },
    });
    expect(answer.status).toBe(400);
    const issues = errorOf(answer.body).issues;
    expect(issues.map((i) => [i.path, i.value])).toEqual([['scenario.versions[1]', '1.4.0']]);
    expect(issues[0]?.message).toContain('save the version first');
    const files = await readdir(join(svc.root, 'mini', 'scenarios')).catch(() => []);
    expect(files).not.toContain('draft-patient.yaml');
  });

  it('refuses an expected step or alert the version does not have', async () => {
    svc = await service();
    const answer = await post(svc, {
      name: 'typo',
      scenario: { ...scenario, expect: { step: 'treatment', alerts: ['high-score', 'nope'] } },
    });
    expect(answer.status).toBe(400);
    expect(errorOf(answer.body).issues.map((i) => i.path)).toEqual([
      'scenario.expect.step',
      'scenario.expect.alerts[1]',
    ]);
  });

  it('saves a patient naming a saved draft version, which pathway test then runs against that version', async () => {
    svc = await service();
    const answer = await post(svc, {
      name: 'on-the-draft',
      scenario: { ...scenario, versions: ['2.0.0'] },
    });
    expect(answer.status).toBe(201);
    const io = memoryIo(svc.root);
    const code = await main(['test', join(svc.root, 'mini')], io);
    const out = io.stdout.join('\n');
    expect(out).toContain('✓ mini 2.0.0 on-the-draft.yaml');
    expect(out).not.toContain('has no version');
    expect(code).toBe(0);
  });
});
