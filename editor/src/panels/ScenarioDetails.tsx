import type JsonEditorComponent from '../conditions/JsonEditor';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Scenario } from '../../../engine/index';
import type { JsonParse } from '../conditions/JsonEditor';
import { saveRunAsScenario } from '../store/actions';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { readJson } from '../model/json';

// The cast keeps the component generic (lazy() drops type parameters).
const JsonEditor = lazy(
  () => import('../conditions/JsonEditor'),
) as unknown as typeof JsonEditorComponent;

type Input = Scenario['input'];

/** Reads a patient input: `{ currentStep?, facts }`, both checked as far as their shape goes. */
function parsePatient(text: string): JsonParse<Input> {
  const json = readJson(text);
  if (!json.ok) return { ok: false, message: `JSON: ${json.message}` };
  const raw = json.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, message: 'expected { "facts": { … } }' };
  const facts = (raw as { facts?: unknown }).facts;
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts))
    return { ok: false, message: 'facts: expected an object' };
  return { ok: true, value: raw as Input };
}

/** Props of {@link ScenarioDetails}. */
export interface ScenarioDetailsProps {
  file: string;
  scenario: Scenario;
}

/** One run: final step, alerts, missing facts, explanation, differences; the patient to edit; save as new. */
export function ScenarioDetails({ file, scenario }: ScenarioDetailsProps) {
  const t = useT();
  const run = useEditor((s) => (s.activeRun?.file === file ? s.activeRun : null));
  const edited = useEditor((s) => s.patientEdits[file]);
  const pathway = useEditor((s) => s.pathway);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = edited ?? scenario.input;
  const schema = useMemo(() => {
    const properties: Record<string, object> = {};
    for (const f of pathway?.facts ?? []) {
      if (f.derived !== undefined) continue;
      properties[f.name] = {
        description: `${f.label.en ?? f.label.sv ?? f.name}${f.unit === undefined ? '' : ` (${f.unit})`}`,
      };
    }
    return {
      uri: 'vardprogram://schemas/patient.json',
      fileMatch: ['patient-*.json'],
      schema: {
        type: 'object',
        properties: {
          currentStep: {
            type: 'object',
            properties: {
              id: { enum: pathway?.steps.map((s) => s.id) ?? [] },
              enteredAt: { type: 'string' },
            },
          },
          facts: { type: 'object', properties, additionalProperties: false },
        },
        required: ['facts'],
      },
    };
  }, [pathway?.facts, pathway?.steps]);
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
      <h4>
        {t.patientFacts}{' '}
        {edited !== undefined && (
          <button type="button" onClick={() => editorStore.getState().setPatient(file, null)}>
            {t.resetFacts}
          </button>
        )}
      </h4>
      <Suspense fallback={<p className="muted">{t.loadingEditor}</p>}>
        <JsonEditor<Input>
          value={input}
          fileName={`patient-${file.replace(/[^\w]+/g, '-')}.json`}
          schema={schema}
          parse={parsePatient}
          onValid={(next) => {
            editorStore.getState().setPatient(file, next);
          }}
          onError={() => undefined}
          readOnly={false}
          testId="patient-json"
          height={180}
        />
      </Suspense>
      <div className="field-row">
        <input
          aria-label={t.scenarioName}
          placeholder={t.scenarioName}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="new-scenario-name"
        />
        <button
          type="button"
          disabled={name.trim() === '' || result === null}
          onClick={() => {
            setError(null);
            saveRunAsScenario(editorStore, name).then(
              () => setName(''),
              (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
            );
          }}
        >
          {t.saveAsScenario}
        </button>
      </div>
      {error !== null && <p className="error-text">{error}</p>}
    </div>
  );
}
