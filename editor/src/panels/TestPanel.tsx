import { applicableScenarios } from '../model/scenarios';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { ScenarioDetails } from './ScenarioDetails';

/** The pathway's test patients: pass/fail for the document as edited, one run in detail. */
export function TestPanel() {
  const t = useT();
  const scenarios = useEditor((s) => s.scenarios);
  const version = useEditor((s) => s.pathway?.version);
  const outcomes = useEditor((s) => s.outcomes);
  const activeFile = useEditor((s) => s.activeRun?.file);
  const compileError = useEditor((s) => s.compileError);
  const edits = useEditor((s) => s.patientEdits);
  if (version === undefined) return null;
  const list = applicableScenarios(scenarios, version);
  const ran = list.filter((e) => outcomes[e.file] !== undefined);
  const passed = ran.filter((e) => outcomes[e.file]?.passed).length;
  const store = editorStore.getState;
  const active = list.find((e) => e.file === activeFile);
  return (
    <div className="test-panel" data-testid="test-panel">
      <div className="field-row">
        <button type="button" data-testid="run-all" onClick={() => void store().runAll()}>
          {t.runAll}
        </button>
        <span data-testid="test-summary">{t.summary(passed, ran.length - passed)}</span>
        {list[0] !== undefined && list[0].basis !== version && (
          <span className="muted">({t.inheritedFrom(list[0].basis)})</span>
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
      {list.length === 0 && <p className="muted">{t.noScenarios}</p>}
      <div className="test-layout">
        <ul className="scenarios">
          {list.map((entry) => {
            const outcome = outcomes[entry.file];
            const status = outcome === undefined ? 'not-run' : outcome.passed ? 'pass' : 'fail';
            return (
              <li
                key={entry.file}
                className={`scenario ${status}${activeFile === entry.file ? ' is-active' : ''}`}
                data-testid={`scenario-${entry.scenario.name}`}
                data-status={status}
              >
                <button
                  type="button"
                  className="link"
                  onClick={() => void store().runScenarioFile(entry.file)}
                  title={entry.scenario.description}
                >
                  <span className={`badge ${status}`}>
                    {status === 'pass' ? t.passed : status === 'fail' ? t.failed : t.notRun}
                  </span>{' '}
                  {entry.scenario.name}
                  {edits[entry.file] !== undefined && ' *'}
                </button>
              </li>
            );
          })}
        </ul>
        {active !== undefined && (
          <ScenarioDetails key={active.file} file={active.file} scenario={active.scenario} />
        )}
      </div>
    </div>
  );
}
