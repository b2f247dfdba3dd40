import type { Scenario } from '../../../engine/index';
import { PatientEditor } from '../tests/PatientEditor';
import { useEditor } from '../store/store';
import { useT } from '../store/hooks';

/** Props of {@link ScenarioDetails}. */
export interface ScenarioDetailsProps {
  file: string;
  scenario: Scenario;
  /** The version whose expectation the patient checks (another one when inherited). */
  basis: string;
}

/** One run: final step, alerts, missing facts, explanation, differences; then the patient's form. */
export function ScenarioDetails({ file, scenario, basis }: ScenarioDetailsProps) {
  const t = useT();
  const run = useEditor((s) => (s.activeRun?.file === file ? s.activeRun : null));
  if (run === null) return null;
  const result = run.result;
  return (
    <div className="scenario-details" data-testid="scenario-details">
      {run.error !== null && <p className="error-text">{run.error}</p>}
      {result !== null && (
        <dl className="result">
          <dt>{t.finalStep}</dt>
          <dd data-testid="result-step">
            {result.step.title} <code>{result.step.id}</code> ({t.resultStatuses[result.status]})
          </dd>
          <dt>{t.path}</dt>
          <dd>{result.path.join(' → ')}</dd>
          <dt>{t.alerts}</dt>
          <dd data-testid="result-alerts">
            {result.alerts.length === 0
              ? t.none
              : result.alerts.map((a) => `${a.id} (${t.severities[a.severity]})`).join(', ')}
          </dd>
          <dt>{t.missingFacts}</dt>
          <dd>{result.missingFacts.length === 0 ? t.none : result.missingFacts.join(', ')}</dd>
          <dt>{t.explanation}</dt>
          <dd>
            <pre className="explanation" data-testid="result-explanation">
              {result.explanation}
            </pre>
          </dd>
        </dl>
      )}
      {run.outcome.failures.length > 0 && (
        <div className="failures">
          <strong>{t.failures}</strong>
          <ul>
            {run.outcome.failures.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
      <PatientEditor file={file} scenario={scenario} basis={basis} />
    </div>
  );
}
