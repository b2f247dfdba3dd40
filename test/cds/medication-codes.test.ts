/**
 * The CDS Hooks service hands the shipped medication code table to the FHIR mapping, and
 * the service context reads the table once.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openAuditLog } from '../../engine/audit/log';
import * as fhir from '../../engine/fhir';
import { createServiceContext } from '../../engine/http/service-context';
import { RXNORM_SYSTEM } from '../../engine/terminology/medication-codes';
import { tempDir } from '../fixtures/files';
import { FIXTURE_AS_OF, loadPrefetch } from '../fixtures/fhir/load';
import { testIssuer } from './issuer';
import { REAL_PATHWAYS, service, type TestService } from '../http/helpers';

const issuer = await testIssuer();

vi.mock('../../engine/fhir', async (importOriginal) => {
  const actual = await importOriginal<typeof fhir>();
  return { ...actual, factsFromFhir: vi.fn(actual.factsFromFhir) };
});

const running: TestService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.app.close()));
  vi.mocked(fhir.factsFromFhir).mockClear();
});

describe('medication codes in the CDS Hooks service', () => {
  it('passes the shipped table, with RxNorm diazepam, to the FHIR mapping', async () => {
    const s = await service({
      root: REAL_PATHWAYS,
      cds: issuer.settings,
      today: () => FIXTURE_AS_OF,
    });
    running.push(s);
    const prefetch = await loadPrefetch('anna-opioid-benzodiazepine');
    const patientId = (prefetch['patient'] as { id: string }).id;
    const { status } = await s.call({
      method: 'POST',
      url: '/cds-services/chronic-pain-pathway',
      headers: await issuer.headers(),
      payload: {
        hook: 'patient-view',
        hookInstance: 'b0c7d6e5-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
        context: { userId: 'Practitioner/dr-lind', patientId },
        prefetch,
      },
    });
    expect(status).toBe(200);
    const options = vi.mocked(fhir.factsFromFhir).mock.calls[0]?.[2];
    expect(options?.medicationCodes).toContainEqual({
      system: RXNORM_SYSTEM,
      code: '3322',
      atc: 'N05BA01',
      display: 'diazepam',
      name: 'diazepam',
      // Each coding carries its substance's cited Swedish and Danish names (issue 18).
      names: { sv: 'diazepam', da: 'diazepam' },
    });
  });
});

describe('the service context', () => {
  it('reads the medication code table once and keeps it', async () => {
    const dir = await tempDir();
    const file = join(dir, 'codes.yaml');
    await writeFile(
      file,
      `sources:\n  - id: s\n    citation: A test list.\nsubstances:\n  - atc: N05BA01\n    name: diazepam\n    source: s\n    codes:\n      - system: ${RXNORM_SYSTEM}\n        code: '3322'\n        source: s\n`,
    );
    const ctx = createServiceContext({
      pathwaysDir: dir,
      audit: await openAuditLog(join(dir, 'audit.sqlite')),
      medicationCodesFile: file,
    });
    try {
      const first = await ctx.medicationCodes();
      await writeFile(file, 'not: a table\n');
      expect(await ctx.medicationCodes()).toBe(first);
      expect(first).toEqual([
        { system: RXNORM_SYSTEM, code: '3322', atc: 'N05BA01', name: 'diazepam' },
      ]);
    } finally {
      await ctx.close();
    }
  });

  it('answers a broken table as a server fault naming the issue, and reads the file again next time', async () => {
    const dir = await tempDir();
    const file = join(dir, 'codes.yaml');
    await writeFile(
      file,
      'sources:\n  - id: s\n    citation: A test list.\nsubstances:\n  - atc: N05BA\n    name: x\n    source: s\n    codes: []\n',
    );
    const ctx = createServiceContext({
      pathwaysDir: dir,
      audit: await openAuditLog(join(dir, 'audit.sqlite')),
      medicationCodesFile: file,
    });
    try {
      await expect(ctx.medicationCodes()).rejects.toMatchObject({
        code: 'FILE_READ',
        issues: [{ code: 'ATC_FORMAT', path: 'substances[0].atc' }],
      });
      await writeFile(file, 'sources: []\nsubstances: []\n');
      await expect(ctx.medicationCodes()).resolves.toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
