import type JsonEditorComponent from '../conditions/JsonEditor';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { isLowerBound, type Scenario } from '../../../engine/index';
import { expectationFor, pickText } from '../../../engine/editor';
import { fieldErrors, patientFields, withFact } from '../model/patient-form';
import { NEW_PATIENT } from '../model/scenarios';
import { useT } from '../store/hooks';
import { editorStore, useEditor } from '../store/store';
import { ExpectationFields } from './ExpectationFields';
import { FactField } from './FactField';
import { MedicationField } from './MedicationField';
import { medicationChoices } from './medication-choices';
import { useMedicationTerms } from './use-medication-terms';
import { parsePatient, patientSchema } from './patient-json';
import { savePatient } from './save';
import { useTestsT } from './strings';
import './tests.css';

// The cast keeps the component generic (lazy() drops type parameters).
const JsonEditor = lazy(
  () => import('../conditions/JsonEditor'),
) as unknown as typeof JsonEditorComponent;

/** Props of {@link PatientEditor}. */
export interface PatientEditorProps {
  /** The scenario file edited, or {@link NEW_PATIENT}. */
  file: string;
  /** The scenario as saved (for a new patient: its first draft). */
  scenario: Scenario;
  /** The version whose expectation it checks: another one for a patient a draft inherits. */
  basis: string;
}

/** A derived value as read-only text: lower bounds as "≥ n", unknown as such. */
function derivedText(value: unknown, unknown: string): string {
  if (value === undefined || value === null) return unknown;
  if (isLowerBound(value)) return `≥ ${value.atLeast}`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * One test patient as a form generated from the fact dictionary (or, under "Advanced", as
 * JSON), its evaluation date and current step, the expected answer chosen from lists, and
 * save. Every change re-runs the patient against the document as edited.
 */
export function PatientEditor({ file, scenario: saved, basis }: PatientEditorProps) {
  const t = useT();
  const tt = useTestsT();
  const pathway = useEditor((s) => s.pathway);
  const language = useEditor((s) => s.language);
  const edited = useEditor((s) => s.patientEdits[file]);
  const run = useEditor((s) => (s.activeRun?.file === file ? s.activeRun : null));
  const versionSaved = useEditor((s) => s.source?.baseHash !== null);
  const hasNew = useEditor((s) => s.patientEdits[NEW_PATIENT] !== undefined);
  const [advanced, setAdvanced] = useState(false);
  const [saveErrors, setSaveErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const scenario = edited ?? saved;
  const fields = useMemo(
    () => (pathway === null ? [] : patientFields(pathway, language)),
    [pathway, language],
  );
  const { terms, failure: termsFailure } = useMedicationTerms();
  const choices = useMemo(
    () => (pathway === null ? [] : medicationChoices(pathway, terms, language)),
    [pathway, terms, language],
  );
  const schema = useMemo(() => (pathway === null ? null : patientSchema(pathway)), [pathway]);
  const change = useCallback(
    (next: Scenario) => {
      editorStore.getState().setPatient(file, next);
    },
    [file],
  );
  const current = (): Scenario => editorStore.getState().patientEdits[file] ?? saved;
  const onFact = useCallback(
    (name: string, value: unknown) => {
      const now = editorStore.getState().patientEdits[file] ?? saved;
      change({ ...now, input: withFact(now.input, name, value) });
    },
    [change, file, saved],
  );
  if (pathway === null || schema === null) return null;
  const errors = { ...fieldErrors(run?.issues ?? []), ...saveErrors };
  const facts = scenario.input.facts;
  const derived = run?.result?.derivedFacts ?? {};
  const step = scenario.input.currentStep;
  const messages = {
    name: tt.nameMissing,
    expectStep: tt.stepMissing,
    versions: tt.versionUnsaved(pathway.version),
  };
  const save = (): void => {
    setBusy(true);
    setSaveErrors({});
    savePatient(editorStore, file, messages).then(
      (r) => {
        setBusy(false);
        if (r.ok) editorStore.getState().setNotice(tt.saved);
        else setSaveErrors(r.errors);
      },
      (e: unknown) => {
        setBusy(false);
        setSaveErrors({ '': e instanceof Error ? e.message : String(e) });
      },
    );
  };
  return (
    <form
      className="patient-editor"
      data-testid="patient-editor"
      aria-label={file === NEW_PATIENT ? tt.newPatient : scenario.name}
      onSubmit={(e) => {
        e.preventDefault();
        if (basis === pathway.version) save();
      }}
    >
      <div className="patient-head">
        <div className="fact-field">
          <label htmlFor="patient-name" className="fact-label">
            {tt.patientName}
          </label>
          <input
            id="patient-name"
            data-testid="patient-name"
            value={scenario.name}
            readOnly={file !== NEW_PATIENT}
            onChange={(e) => change({ ...current(), name: e.target.value })}
            {...(errors.name === undefined ? {} : { 'aria-invalid': true })}
          />
          {errors.name !== undefined && (
            <span className="error-text small" data-testid="patient-name-error">
              {errors.name}
            </span>
          )}
        </div>
        <div className="fact-field wide">
          <label htmlFor="patient-description" className="fact-label">
            {tt.description}
          </label>
          <input
            id="patient-description"
            value={scenario.description ?? ''}
            onChange={(e) => {
              const next = { ...current() };
              if (e.target.value === '') delete next.description;
              else next.description = e.target.value;
              change(next);
            }}
          />
        </div>
        <div className="fact-field">
          <label htmlFor="patient-as-of" className="fact-label">
            {tt.evaluationDate}
          </label>
          <input
            id="patient-as-of"
            type="date"
            data-testid="patient-as-of"
            required
            value={scenario.asOf}
            onChange={(e) => {
              if (e.target.value !== '') change({ ...current(), asOf: e.target.value });
            }}
          />
          {errors.asOf !== undefined && <span className="error-text small">{errors.asOf}</span>}
        </div>
        <div className="fact-field">
          <label htmlFor="patient-current-step" className="fact-label">
            {tt.currentStep}
          </label>
          <select
            id="patient-current-step"
            data-testid="patient-current-step"
            value={step?.id ?? ''}
            onChange={(e) => {
              const now = current();
              const input = { ...now.input };
              if (e.target.value === '') delete input.currentStep;
              else input.currentStep = { ...input.currentStep, id: e.target.value };
              change({ ...now, input });
            }}
          >
            <option value="">{tt.entryStepDefault}</option>
            {pathway.steps.map((s) => (
              <option key={s.id} value={s.id}>
                {pickText(s.title, language) || s.id} ({s.id})
              </option>
            ))}
          </select>
        </div>
        {step !== undefined && (
          <div className="fact-field">
            <label htmlFor="patient-entered-at" className="fact-label">
              {tt.enteredAt}
            </label>
            <input
              id="patient-entered-at"
              type="date"
              value={step.enteredAt ?? ''}
              onChange={(e) => {
                const now = current();
                const cs = {
                  id: step.id,
                  ...(e.target.value === '' ? {} : { enteredAt: e.target.value }),
                };
                change({ ...now, input: { ...now.input, currentStep: cs } });
              }}
            />
            {errors.currentStep !== undefined && (
              <span className="error-text small">{errors.currentStep}</span>
            )}
          </div>
        )}
      </div>
      <ExpectationFields
        pathway={pathway}
        expect={scenario.expect}
        result={run?.result ?? null}
        errors={errors}
        onChange={(expect) => change({ ...current(), expect })}
      />
      <div className="field-row">
        <label>
          <input
            type="checkbox"
            data-testid="patient-advanced"
            checked={advanced}
            onChange={(e) => setAdvanced(e.target.checked)}
          />
          {tt.advancedJson}
        </label>
      </div>
      {advanced ? (
        <Suspense fallback={<p className="muted">{t.loadingEditor}</p>}>
          <JsonEditor
            value={scenario.input}
            fileName={`patient-${file.replace(/[^\w]+/g, '-')}.json`}
            schema={schema}
            parse={parsePatient}
            onValid={(input) => change({ ...current(), input })}
            onError={() => undefined}
            readOnly={false}
            testId="patient-json"
            height={220}
          />
        </Suspense>
      ) : (
        <>
          <fieldset className="patient-facts" data-testid="patient-form">
            <legend>{tt.facts}</legend>
            {fields
              .filter((f) => f.kind !== 'derived')
              .map((f) =>
                f.kind === 'medications' ? (
                  <MedicationField
                    key={f.name}
                    field={f}
                    value={facts[f.name]}
                    error={errors[f.name]}
                    choices={choices}
                    termsFailure={termsFailure}
                    onChange={onFact}
                  />
                ) : (
                  <FactField
                    key={f.name}
                    field={f}
                    value={facts[f.name]}
                    error={errors[f.name]}
                    onChange={onFact}
                  />
                ),
              )}
          </fieldset>
          {fields.some((f) => f.kind === 'derived') && (
            <fieldset className="patient-facts derived" data-testid="patient-derived">
              <legend>
                {tt.derivedFacts} <span className="muted small">({tt.derivedHint})</span>
              </legend>
              <dl>
                {fields
                  .filter((f) => f.kind === 'derived')
                  .map((f) => (
                    <div key={f.name} className="derived-fact">
                      <dt>
                        {f.label}
                        {f.unit !== undefined && <span className="muted"> ({f.unit})</span>}
                      </dt>
                      <dd data-testid={`derived-${f.name}`}>
                        {derivedText(derived[f.name], tt.unknown)}
                      </dd>
                    </div>
                  ))}
              </dl>
            </fieldset>
          )}
        </>
      )}
      {errors[''] !== undefined && (
        <p className="error-text" data-testid="patient-save-error">
          {errors['']}
        </p>
      )}
      {errors.versions !== undefined && (
        <p className="error-text" data-testid="patient-version-error">
          {errors.versions}
        </p>
      )}
      <div className="field-row">
        {basis === pathway.version ? (
          <button type="submit" data-testid="save-patient" disabled={busy}>
            {tt.savePatient}
          </button>
        ) : (
          <>
            <span className="muted small">{tt.inheritedNote(basis, pathway.version)}</span>
            <button
              type="button"
              data-testid="copy-patient"
              disabled={hasNew}
              onClick={() => {
                const store = editorStore.getState();
                const { expectByVersion: _byVersion, ...copy } = current();
                // The copy checks what the inherited patient checked for its version.
                store.setPatient(NEW_PATIENT, {
                  ...copy,
                  name: '',
                  versions: [pathway.version],
                  expect: expectationFor(current(), basis),
                });
                void store.runScenarioFile(NEW_PATIENT);
              }}
            >
              {tt.copyAsNew(pathway.version)}
            </button>
          </>
        )}
        {edited !== undefined && (
          <button
            type="button"
            data-testid="discard-patient"
            onClick={() => {
              setSaveErrors({});
              editorStore.getState().setPatient(file, null);
            }}
          >
            {tt.discard}
          </button>
        )}
        {!versionSaved && <span className="muted small">{tt.versionUnsaved(pathway.version)}</span>}
      </div>
    </form>
  );
}
