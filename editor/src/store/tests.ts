/**
 * Test patients: the pathway's scenarios, their pass/fail against the document as edited,
 * and the one run shown on the canvas. Runs use the engine in the browser.
 */
import {
  evaluate,
  type EvaluationResult,
  type Scenario,
  type ScenarioOutcome,
} from '../../../engine/index';
import {
  applicableScenarios,
  runOne,
  scenarioFor,
  tryCompile,
  type ScenarioEntry,
} from '../model/scenarios';
import type { SliceCreator } from './types';

/** The run highlighted on the canvas. */
export interface ActiveRun {
  file: string;
  outcome: ScenarioOutcome;
  /** The evaluation in the interface language (for the explanation); null when it failed. */
  result: EvaluationResult | null;
  error: string | null;
}

export interface TestsSlice {
  scenarios: ScenarioEntry[];
  /** Pass/fail by scenario file, for the document as it is now. */
  outcomes: Record<string, ScenarioOutcome>;
  activeRun: ActiveRun | null;
  /** Patient inputs edited in the test panel, by scenario file (the file itself is unchanged). */
  patientEdits: Record<string, Scenario['input']>;
  compileError: string | null;
  setScenarios(entries: ScenarioEntry[]): void;
  runAll(): Promise<void>;
  runScenarioFile(file: string): Promise<void>;
  setPatient(file: string, input: Scenario['input'] | null): void;
  clearRun(): void;
}

let runSequence = 0;

export const createTestsSlice: SliceCreator<TestsSlice> = (set, get) => {
  /** The scenario as it runs now: applicable to the open version, with the edited patient. */
  const effective = (file: string): Scenario | undefined => {
    const s = get();
    if (s.pathway === null) return undefined;
    const entry = applicableScenarios(s.scenarios, s.pathway.version).find((e) => e.file === file);
    if (entry === undefined) return undefined;
    const scenario = scenarioFor(entry, s.pathway.version);
    const input = s.patientEdits[file];
    return input === undefined ? scenario : { ...scenario, input };
  };

  return {
    scenarios: [],
    outcomes: {},
    activeRun: null,
    patientEdits: {},
    compileError: null,
    setScenarios(scenarios) {
      set({ scenarios, outcomes: {} });
    },
    async runAll() {
      const s = get();
      if (s.pathway === null) return;
      const sequence = ++runSequence;
      const compiled = tryCompile(s.pathway);
      if ('error' in compiled) {
        set({ compileError: compiled.error, outcomes: {} });
        return;
      }
      const outcomes: Record<string, ScenarioOutcome> = {};
      for (const entry of applicableScenarios(s.scenarios, s.pathway.version)) {
        const scenario = effective(entry.file);
        if (scenario !== undefined)
          outcomes[entry.file] = await runOne(compiled.compiled, scenario);
      }
      // A later edit started a newer run: its answer wins.
      if (sequence !== runSequence) return;
      set({ outcomes, compileError: null });
      const active = get().activeRun;
      if (active !== null) await get().runScenarioFile(active.file);
    },
    async runScenarioFile(file) {
      const s = get();
      const scenario = effective(file);
      if (s.pathway === null || scenario === undefined) return;
      const compiled = tryCompile(s.pathway);
      if ('error' in compiled) {
        set({ compileError: compiled.error });
        return;
      }
      const outcome = await runOne(compiled.compiled, scenario);
      let result: EvaluationResult | null = null;
      let error: string | null = null;
      try {
        result = await evaluate(
          compiled.compiled,
          { ...scenario.input, asOf: scenario.asOf },
          { language: get().language },
        );
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      set({
        activeRun: { file, outcome, result, error },
        outcomes: { ...get().outcomes, [file]: outcome },
        compileError: null,
      });
    },
    setPatient(file, input) {
      const patientEdits = { ...get().patientEdits };
      if (input === null) delete patientEdits[file];
      else patientEdits[file] = input;
      set({ patientEdits });
    },
    clearRun() {
      set({ activeRun: null });
    },
  };
};
