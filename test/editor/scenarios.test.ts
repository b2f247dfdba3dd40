import { describe, expect, it } from 'vitest';
import { applicableScenarios, checksNoStep } from '../../editor/src/model/scenarios';
import { chronicPainScenarios } from './helpers';

describe('the test patients of a draft', () => {
  it('keeps every inherited patient after the draft gets its own first one', () => {
    const all = chronicPainScenarios();
    const inherited = applicableScenarios(all, '1.4.0');
    const own = {
      file: 'new-patient.yaml',
      scenario: { ...all[0]!.scenario, name: 'new-patient', versions: ['1.4.0'] },
    };
    const after = applicableScenarios([...all, own], '1.4.0');
    expect(after).toHaveLength(inherited.length + 1);
    expect(after[0]).toMatchObject({ file: 'new-patient.yaml', basis: '1.4.0' });
    expect(after.slice(1).every((e) => e.basis === '1.3.0')).toBe(true);
  });

  it('does not inherit twice a patient that already names the draft', () => {
    const all = chronicPainScenarios();
    const first = all[0]!;
    const adopted = { ...first, scenario: { ...first.scenario, versions: ['1.3.0', '1.4.0'] } };
    const list = applicableScenarios([adopted, ...all.slice(1)], '1.4.0');
    expect(list.filter((e) => e.file === first.file)).toEqual([{ ...adopted, basis: '1.4.0' }]);
    expect(list).toHaveLength(all.length);
  });

  it('runs exactly the scenarios naming an active version when it must not inherit', () => {
    const all = chronicPainScenarios();
    const only12 = all.filter((e) => !e.scenario.versions.includes('1.3.0'));
    const list = applicableScenarios(all, '1.3.0', { inherit: false });
    expect(list).toHaveLength(all.length - only12.length);
    expect(applicableScenarios(all, '1.5.0', { inherit: false })).toEqual([]);
  });
});

describe('scenarios that do not check the step', () => {
  it('are told apart from those expecting a step or an error', () => {
    const all = chronicPainScenarios();
    const noStep = all.filter((e) => checksNoStep(e.scenario, '1.3.0'));
    expect(noStep.length).toBeGreaterThan(0);
    for (const e of noStep) {
      expect(e.scenario.expect.step).toBeUndefined();
      expect(e.scenario.expect.error).toBeUndefined();
    }
    const errorOne = all.find((e) => e.scenario.expect.error !== undefined);
    expect(errorOne !== undefined && checksNoStep(errorOne.scenario, '1.3.0')).toBe(false);
  });
});
