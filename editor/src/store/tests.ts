/**
 * Test patients: the pathway's scenarios, their pass/fail against the document as edited,
 * the patients being edited (form or JSON) and the one run shown on the canvas, with the
 * coverage of the passing ones. Runs use the engine in the browser.
 */
import {
  evaluate,
  isPathwayError,
  type EvaluationResult,
  type Scenario,
  type ScenarioOutcome,
} from '../../../engine/index';
import { coverageBadges, type CoverageBadges } from '../model/coverage';
import type { InputIssue } from '../model/patient-form';
import {
  applicableScenarios,
  NEW_PATIENT,
  runOne,
  scenarioFor,
  tryCompile,
  type ApplicableScenario,
  type ScenarioEntry,
} from '../model/scenarios';
import { copiesFor, withPendingWork, type PendingRename, type ScenarioCopy } from '../model/rename';
import type { EditorState, SliceCreator } from './types';

/** The renames and copies not yet carried into scenario files, kept with a draft. */
export interface PendingScenarioWork {
  scenarioRenames: PendingRename[];
  scenarioCopies: ScenarioCopy[];
}

/** The run highlighted on the canvas. */
export interface ActiveRun {
  file: string;
  outcome: ScenarioOutcome;
  /** The evaluation in the interface language (for the explanation); null when it failed. */
  result: EvaluationResult | null;
  error: string | null;
  /** The engine's input errors of a failed evaluation, each naming its field. */
  issues: InputIssue[];
}

export interface TestsSlice {
  scenarios: ScenarioEntry[];
  /** Pass/fail by scenario file, for the document as it is now. */
  outcomes: Record<string, ScenarioOutcome>;
  activeRun: ActiveRun | null;
  /**
   * Test patients edited in the test panel, by scenario file (the file itself is unchanged
   * until saved); {@link NEW_PATIENT} holds a patient not saved yet.
   */
  patientEdits: Record<string, Scenario>;
  compileError: string | null;
  /** Whether the canvas shows how many passing patients took each transition. */
  coverageShown: boolean;
  /** Renames since the scenarios were loaded, carried into this version's own scenarios on save. */
  scenarioRenames: PendingRename[];
  /** Inherited test patients copied for this version, written as new files on save. */
  scenarioCopies: ScenarioCopy[];
  /**
   * Sets the listed scenarios and the pending renames and copies carried into them on the next
   * save (none after a save or opening a version; a restored draft's own).
   */
  setScenarios(entries: ScenarioEntry[], pending?: PendingScenarioWork): void;
  /** Copies the inherited patients `files` for the open version, or splits shared ones (see `copiesFor`). */
  copyScenarios(files: readonly string[]): void;
  /** Takes back a copy (or split) not saved yet, by its new file's name: its original runs again. */
  discardCopy(name: string): void;
  /** Replaces the patient of a copy not saved yet (edited in the test panel; saved with the version). */
  updateCopy(name: string, scenario: Scenario): void;
  runAll(): Promise<void>;
  runScenarioFile(file: string): Promise<void>;
  setPatient(file: string, scenario: Scenario | null): void;
  /** Starts a new test patient for the open version (no facts, expectation to choose). */
  newPatient(asOf: string): void;
  showCoverage(shown: boolean): void;
  clearRun(): void;
}

/**
 * The scenarios listed for the open version: a draft inherits its predecessor's, and the
 * renames and copies not saved yet are shown as the save will write them (`withPendingWork`).
 */
export function listedScenarios(
  s: Pick<EditorState, 'scenarios' | 'pathway' | 'scenarioRenames' | 'scenarioCopies'>,
): ApplicableScenario[] {
  if (s.pathway === null) return [];
  const entries = withPendingWork(s.scenarios, s.scenarioRenames, s.pathway, s.scenarioCopies);
  return applicableScenarios(entries, s.pathway.version, {
    inherit: s.pathway.status === 'draft',
  });
}

const coverageCache = new WeakMap<Record<string, ScenarioOutcome>, CoverageBadges>();

/** The coverage of the passing patients (cached per run), or null when nothing ran. */
export function coverageOf(s: Pick<EditorState, 'outcomes' | 'pathway'>): CoverageBadges | null {
  if (s.pathway === null || Object.keys(s.outcomes).length === 0) return null;
  let badges = coverageCache.get(s.outcomes);
  if (badges === undefined) {
    badges = coverageBadges(s.pathway, Object.values(s.outcomes));
    coverageCache.set(s.outcomes, badges);
  }
  return badges;
}

/** Narrow selector: passing patients that took edge `id`, or undefined while coverage is hidden. */
export function edgeCoverage(id: string): (s: EditorState) => number | undefined {
  return (s) => (s.coverageShown ? coverageOf(s)?.edges[id] : undefined);
}

/** Narrow selector: passing patients whose walk ended in step `id` (0 when none), or undefined while hidden. */
export function stepCoverage(id: string): (s: EditorState) => number | undefined {
  return (s) => {
    if (!s.coverageShown) return undefined;
    const c = coverageOf(s);
    return c === null ? undefined : (c.steps[id]?.patients ?? 0);
  };
}

let runSequence = 0;

export const createTestsSlice: SliceCreator<TestsSlice> = (set, get) => {
  /** The scenario as it runs now: applicable to the open version, as edited. */
  const effective = (file: string): Scenario | undefined => {
    const s = get();
    if (s.pathway === null) return undefined;
    const edited = s.patientEdits[file];
    if (file === NEW_PATIENT) return edited;
    const entry = listedScenarios(s).find((e) => e.file === file);
    if (entry === undefined) return undefined;
    return scenarioFor(
      edited === undefined ? entry : { ...entry, scenario: edited },
      s.pathway.version,
    );
  };

  return {
    scenarios: [],
    outcomes: {},
    activeRun: null,
    patientEdits: {},
    compileError: null,
    coverageShown: false,
    scenarioRenames: [],
    scenarioCopies: [],
    setScenarios(scenarios, pending = { scenarioRenames: [], scenarioCopies: [] }) {
      set({ scenarios, outcomes: {}, ...pending });
    },
    copyScenarios(files) {
      const s = get();
      if (s.pathway === null || s.readOnly) return;
      const copies = copiesFor(s.scenarios, s.pathway.version, files, s.scenarioCopies);
      if (copies.length > 0) set({ scenarioCopies: [...s.scenarioCopies, ...copies] });
    },
    discardCopy(name) {
      const copies = get().scenarioCopies;
      if (copies.some((c) => c.name === name))
        set({ scenarioCopies: copies.filter((c) => c.name !== name) });
    },
    updateCopy(name, scenario) {
      set({
        scenarioCopies: get().scenarioCopies.map((c) => (c.name === name ? { ...c, scenario } : c)),
      });
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
      const files = listedScenarios(s).map((e) => e.file);
      if (s.patientEdits[NEW_PATIENT] !== undefined) files.unshift(NEW_PATIENT);
      for (const file of files) {
        const scenario = effective(file);
        if (scenario !== undefined) outcomes[file] = await runOne(compiled.compiled, scenario);
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
      let issues: InputIssue[] = [];
      try {
        result = await evaluate(
          compiled.compiled,
          { ...scenario.input, asOf: scenario.asOf },
          { language: get().language },
        );
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
        if (isPathwayError(e))
          issues = e.issues.map((i) => ({
            message: i.message,
            ...(i.path === undefined ? {} : { path: i.path }),
          }));
      }
      set({
        activeRun: { file, outcome, result, error, issues },
        outcomes: { ...get().outcomes, [file]: outcome },
        compileError: null,
      });
    },
    setPatient(file, scenario) {
      const patientEdits = { ...get().patientEdits };
      if (scenario === null) delete patientEdits[file];
      else patientEdits[file] = scenario;
      const active = get().activeRun;
      set({
        patientEdits,
        ...(scenario === null && file === NEW_PATIENT && active?.file === NEW_PATIENT
          ? { activeRun: null }
          : {}),
      });
    },
    newPatient(asOf) {
      const pathway = get().pathway;
      if (pathway === null) return;
      const scenario: Scenario = {
        name: '',
        pathway: pathway.id,
        versions: [pathway.version],
        asOf,
        input: { facts: {} },
        expect: {},
      };
      set({ patientEdits: { ...get().patientEdits, [NEW_PATIENT]: scenario } });
      void get().runScenarioFile(NEW_PATIENT);
    },
    showCoverage(shown) {
      set({ coverageShown: shown });
    },
    clearRun() {
      set({ activeRun: null });
    },
  };
};
