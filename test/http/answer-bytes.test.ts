/**
 * The evaluate route, and the batch route with its lines read by the service's batch entry,
 * answer the bytes `JSON.stringify` of the library's result gives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate } from '../../engine/evaluate/evaluate';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';
import { REAL_PATHWAYS, service, type TestService } from './helpers';

const open: TestService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.app.close()));
});

const repo = await loadRepository(REAL_PATHWAYS);
const version = findVersion(repo, 'chronic-pain', { version: '1.1.0', asOf: '2026-01-01' });
const compiled = compilePathway(version.pathway);

describe('answers written by the evaluate routes', () => {
  it('are the bytes of JSON.stringify(result), with the JSON content type', async () => {
    const svc = await service({ root: REAL_PATHWAYS });
    open.push(svc);
    let compared = 0;
    for (const [k, { input, asOf }] of chronicPainPatients(60, 21).entries()) {
      const language = (['sv', 'da', 'en'] as const)[k % 3] ?? 'en';
      const trace = k % 4 !== 0;
      const body = { ...input, asOf, version: '1.1.0', language };
      const response = await svc.app.inject({
        method: 'POST',
        url: `/api/pathways/chronic-pain/evaluate${trace ? '' : '?trace=false'}`,
        payload: body,
      });
      if (response.statusCode !== 200) continue;
      compared++;
      const expected = JSON.stringify(await evaluate(compiled, input, { asOf, language, trace }));
      expect(response.body).toBe(expected);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['content-length']).toBe(String(Buffer.byteLength(expected)));
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('write each batch line as JSON.stringify({ line, result })', async () => {
    const svc = await service({ root: REAL_PATHWAYS });
    open.push(svc);
    const patients = chronicPainPatients(30, 22);
    const response = await svc.app.inject({
      method: 'POST',
      url: '/api/pathways/chronic-pain/evaluate/batch?lang=da',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: patients
        .map(({ input, asOf }) => JSON.stringify({ ...input, asOf, version: '1.1.0' }))
        .join('\n'),
    });
    const lines = response.body.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(patients.length);
    let compared = 0;
    for (const [k, text] of lines.entries()) {
      if (!text.includes('"result"')) continue;
      const { input, asOf } = patients[k] as (typeof patients)[number];
      const result = await evaluate(compiled, input, { asOf, language: 'da' });
      expect(text).toBe(JSON.stringify({ line: k + 1, result }));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
