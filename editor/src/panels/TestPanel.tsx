import { today, timeZoneOf } from '../../../engine/editor';
import { checksNoStep, NEW_PATIENT } from '../model/scenarios';
import { coverageOf, listedScenarios } from '../store/tests';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { useTestsT } from '../tests/strings';
import { useGaps2T } from '../dialogs/use-gaps2-words';
import { ScenarioDetails } from './ScenarioDetails';
import '../tests/tests.css';

/**
 * The pathway's test patients: run all with pass/fail per patient, which ones do not check
 * the step, coverage of transitions and alerts (also drawn on the canvas), a new patient,
 * and one run in detail with its walk on the canvas.
 */
export function TestPanel() {
  const t = useT();
  const tt = useTestsT();
  const scenarios = useEditor((s) => s.scenarios);
  const scenarioRenames = useEditor((s) => s.scenarioRenames);
  const scenarioCopies = useEditor((s) => s.scenarioCopies);
  const pathway = useEditor((s) => s.pathway);
  const g2 = useGaps2T();
  const outcomes = useEditor((s) => s.outcomes);
  const activeFile = useEditor((s) => s.activeRun?.file);
  const compileError = useEditor((s) => s.compileError);
  const edits = useEditor((s) => s.patientEdits);
  const coverageShown = useEditor((s) => s.coverageShown);
  if (pathway === null) return null;
  const version = pathway.version;
  const list = listedScenarios({ scenarios, scenarioRenames, scenarioCopies, pathway });
  const fresh = edits[NEW_PATIENT];
  const rows = [
    ...(fresh === undefined ? [] : [{ file: NEW_PATIENT, scenario: fresh, basis: version }]),
    ...list,
  ];
  const ran = rows.filter((e) => outcomes[e.file] !== undefined);
  const passed = ran.filter((e) => outcomes[e.file]?.passed).length;
  const noStep = list.filter((e) => checksNoStep(e.scenario, version)).length;
  const coverage = coverageOf({ outcomes, pathway });
  const store = editorStore.getState;
  const active = rows.find((e) => e.file === activeFile);
  const transitionsTotal = Object.keys(coverage?.edges ?? {}).length;
  const transitionsCovered = Object.values(coverage?.edges ?? {}).filter((n) => n > 0).length;
  const alertsTotal = Object.keys(coverage?.alerts ?? {}).length;
  const alertsCovered = Object.values(coverage?.alerts ?? {}).filter((n) => n > 0).length;
  return (
    <div className="test-panel" data-testid="test-panel">
      <div className="field-row">
        <button
          type="button"
          data-testid="run-all"
          onClick={() => {
            store().showCoverage(true);
            void store().runAll();
          }}
        >
          {t.runAll}
        </button>
        <span data-testid="test-summary">{t.summary(passed, ran.length - passed)}</span>
        {noStep > 0 && (
          <span className="scenario-flag" data-testid="no-step-count">
            {tt.noStepCheckCount(noStep)}
          </span>
        )}
        {list.some((e) => e.basis !== version) && (
          <span className="muted">
            ({tt.inherited(list.find((e) => e.basis !== version)?.basis ?? '')})
          </span>
        )}
        {fresh === undefined && (
          <button
            type="button"
            data-testid="new-patient"
            onClick={() => store().newPatient(today(timeZoneOf(pathway)))}
          >
            {tt.newPatient}
          </button>
        )}
        <label>
          <input
            type="checkbox"
            data-testid="show-coverage"
            checked={coverageShown}
            onChange={(e) => store().showCoverage(e.target.checked)}
          />
          {tt.coverage}
        </label>
        {coverage !== null && (
          <span data-testid="coverage-summary" className="muted">
            {tt.coverageSummary(transitionsCovered, transitionsTotal, alertsCovered, alertsTotal)}
          </span>
        )}
        {activeFile !== undefined && (
          <button type="button" onClick={() => store().clearRun()}>
            {t.clearHighlight}
          </button>
        )}
      </div>
      {compileError !== null && (
        <p className="error-text">
          {t.cannotEvaluate}: {compileError}
        </p>
      )}
      {rows.length === 0 && <p className="muted">{t.noScenarios}</p>}
      <div className="test-layout">
        <div>
          <ul className="scenarios" aria-label={tt.patientList}>
            {rows.map((entry) => {
              const outcome = outcomes[entry.file];
              const status = outcome === undefined ? 'not-run' : outcome.passed ? 'pass' : 'fail';
              const isNew = entry.file === NEW_PATIENT;
              const unchecked = !isNew && checksNoStep(entry.scenario, version);
              return (
                <li
                  key={entry.file}
                  className={`scenario ${status}${activeFile === entry.file ? ' is-active' : ''}`}
                  data-testid={`scenario-${isNew ? 'new' : entry.scenario.name}`}
                  data-status={status}
                  data-checks-step={!unchecked}
                >
                  <button
                    type="button"
                    className="link"
                    aria-current={activeFile === entry.file ? 'true' : undefined}
                    onClick={() => void store().runScenarioFile(entry.file)}
                    title={entry.scenario.description}
                  >
                    <span className={`badge ${status}`}>
                      {status === 'pass' ? t.passed : status === 'fail' ? t.failed : t.notRun}
                    </span>{' '}
                    {isNew ? entry.scenario.name || tt.newPatient : entry.scenario.name}
                    {edits[entry.file] !== undefined && ' *'}
                  </button>
                  {isNew && <span className="scenario-flag">{tt.unsaved}</span>}
                  {entry.unsaved === true && (
                    <>
                      <span className="scenario-flag" data-testid="unsaved-copy">
                        {g2.unsavedCopy}
                      </span>{' '}
                      <button
                        type="button"
                        className="link small"
                        data-testid={`discard-copy-${entry.scenario.name}`}
                        onClick={() => store().discardCopy(entry.file.replace(/\.yaml$/, ''))}
                      >
                        {g2.discardCopy(entry.scenario.name)}
                      </button>
                    </>
                  )}
                  {unchecked && <span className="scenario-flag">{tt.noStepCheck}</span>}
                  {entry.basis !== version && (
                    <span className="muted small"> {tt.inherited(entry.basis)}</span>
                  )}
                </li>
              );
            })}
          </ul>
          {coverage !== null && pathway.alerts.length > 0 && (
            <>
              <h4>{tt.alertCoverage}</h4>
              <ul className="coverage-list" data-testid="alert-coverage">
                {pathway.alerts.map((a) => {
                  const n = coverage.alerts[a.id] ?? 0;
                  return (
                    <li
                      key={a.id}
                      className={n === 0 ? 'uncovered' : ''}
                      data-testid={`alert-coverage-${a.id}`}
                      data-count={n}
                    >
                      {a.id}: {n === 0 ? tt.neverFired : n}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
        {active !== undefined && (
          <ScenarioDetails
            key={active.file}
            file={active.file}
            scenario={active.scenario}
            basis={active.basis}
          />
        )}
      </div>
    </div>
  );
}
