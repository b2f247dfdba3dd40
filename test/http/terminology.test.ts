/** `GET /api/terminology/medications`: the code table the engine classifies drugs with, read-only. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadMedicationCodes } from '../../engine/node/medication-codes';
import { RXNORM_SYSTEM } from '../../engine/terminology/medication-codes';
import { service, type TestService } from './helpers';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.app.close();
  svc = undefined;
});

interface Terms {
  substances: {
    atc: string;
    name: string;
    names?: { sv?: string; da?: string };
    codes: { system: string; code: string }[];
  }[];
}

describe('GET /api/terminology/medications', () => {
  it('serves every code of the shipped table, grouped by substance with its ATC code and name', async () => {
    svc = await service();
    const { status, body } = await svc.call({ method: 'GET', url: '/api/terminology/medications' });
    expect(status).toBe(200);
    const terms = body as Terms;
    const morphine = terms.substances.find((s) => s.atc === 'N02AA01');
    expect(morphine?.name).toBe('morphine');
    expect(morphine?.names).toEqual({ sv: 'morfin', da: 'morphin' });
    expect(morphine?.codes).toContainEqual(
      expect.objectContaining({ system: RXNORM_SYSTEM, code: '7052' }),
    );
    const codings = await loadMedicationCodes();
    expect(terms.substances.flatMap((s) => s.codes)).toHaveLength(codings.length);
  });

  it('is described in the OpenAPI document and refuses writes with the common error shape', async () => {
    svc = await service();
    const openapi = await svc.call({ method: 'GET', url: '/api/openapi.json' });
    const paths = (openapi.body as { paths: Record<string, unknown> }).paths;
    expect(Object.keys(paths)).toContain('/api/terminology/medications');
    const write = await svc.call({
      method: 'POST',
      url: '/api/terminology/medications',
      payload: {},
    });
    expect(write.status).toBeGreaterThanOrEqual(400);
    expect(write.body).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
  });
});
