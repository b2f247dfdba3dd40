/**
 * An answer without a trace records only the walk's conditions (the explanation reads them),
 * not the alerts': it must be the traced answer, word for word, with an empty trace.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate, evaluateOutcome } from '../../engine/evaluate/evaluate';
import { loadRepository, versionsOf } from '../../engine/node/repository';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';

const repo = await loadRepository(join(process.cwd(), 'pathways'));

describe('an evaluation without a trace', () => {
  for (const version of versionsOf(repo, 'chronic-pain')) {
    it(`gives the traced answer with an empty trace on chronic-pain ${version.pathway.version}, in every language`, async () => {
      const compiled = compilePathway(version.pathway);
      const patients = chronicPainPatients(300, 20261207 + version.pathway.version.length, {
        invalid: 0.1,
      });
      let answered = 0;
      for (const [i, { input, asOf }] of patients.entries()) {
        const language = (['sv', 'da', 'en'] as const)[i % 3] ?? 'en';
        const settle = (trace: boolean): Promise<unknown> =>
          evaluate(compiled, input, { asOf, language, trace }).then(
            (r) => ({ ...r, trace: [] }),
            (e: unknown) => ({ error: String(e) }),
          );
        const traced = await settle(true);
        expect(await settle(false)).toEqual(traced);
        if (!('error' in (traced as object))) answered += 1;
      }
      expect(answered).toBeGreaterThan(200);
    });
  }

  it("records the walk's conditions but not the alerts' with trace 'walk'", () => {
    const version = versionsOf(repo, 'chronic-pain').at(-1);
    if (version === undefined) throw new Error('no chronic-pain version');
    const compiled = compilePathway(version.pathway);
    const [patient] = chronicPainPatients(1, 7);
    if (patient === undefined) throw new Error('no patient');
    const options = { asOf: patient.asOf };
    const full = evaluateOutcome(compiled, patient.input, { ...options, trace: true }).trace ?? [];
    const walk = evaluateOutcome(compiled, patient.input, { ...options, trace: 'walk' }).trace;
    expect(full.some((e) => e.source.startsWith('alerts.'))).toBe(true);
    expect(walk).toEqual(full.filter((e) => !e.source.startsWith('alerts.')));
  });
});
