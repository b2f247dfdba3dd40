import { pickText } from '../../../engine/editor';
import type { EvaluationResult, Pathway, Scenario } from '../../../engine/index';
import { expectFromResult, withExpectedAlert, withExpectedStep } from '../model/patient-save';
import { useT } from '../store/hooks';
import { useEditor } from '../store/store';
import { useTestsT } from './strings';

/** Props of {@link ExpectationFields}. */
export interface ExpectationFieldsProps {
  pathway: Pathway;
  expect: Scenario['expect'];
  /** The answer of today's document for this patient, offered (never applied) as the expectation. */
  result: EvaluationResult | null;
  errors: Record<string, string>;
  onChange(expect: Scenario['expect']): void;
}

/**
 * The expected answer, chosen by the author: the step the patient must end in (from the
 * version's steps, in the interface language) and exactly which alerts must fire.
 */
export function ExpectationFields({
  pathway,
  expect,
  result,
  errors,
  onChange,
}: ExpectationFieldsProps) {
  const t = useT();
  const tt = useTestsT();
  const language = useEditor((s) => s.language);
  const alerts = expect.alerts ?? [];
  return (
    <fieldset className="expectation" data-testid="patient-expectation">
      <legend>{tt.expectation}</legend>
      <div className="fact-field">
        <label htmlFor="expect-step" className="fact-label">
          {tt.expectedStep}
        </label>
        <select
          id="expect-step"
          data-testid="expect-step"
          value={expect.step ?? ''}
          onChange={(e) =>
            onChange(withExpectedStep(expect, e.target.value === '' ? undefined : e.target.value))
          }
          {...(errors.expectStep === undefined
            ? {}
            : { 'aria-invalid': true, 'aria-describedby': 'expect-step-error' })}
        >
          <option value="">{tt.chooseStep}</option>
          {pathway.steps.map((s) => (
            <option key={s.id} value={s.id}>
              {pickText(s.title, language) || s.id} ({s.id})
            </option>
          ))}
        </select>
        {errors.expectStep !== undefined && (
          <span className="error-text small" id="expect-step-error" data-testid="expect-step-error">
            {errors.expectStep}
          </span>
        )}
      </div>
      <div role="group" aria-labelledby="expect-alerts-label" className="expect-alerts">
        <span id="expect-alerts-label" className="fact-label">
          {tt.expectedAlerts}
        </span>
        {pathway.alerts.length === 0 && <span className="muted">{tt.noAlertsDeclared}</span>}
        {pathway.alerts.map((a) => (
          <label key={a.id}>
            <input
              type="checkbox"
              data-testid={`expect-alert-${a.id}`}
              checked={alerts.includes(a.id)}
              onChange={(e) => onChange(withExpectedAlert(expect, a.id, e.target.checked))}
            />
            {a.title === undefined ? a.id : pickText(a.title, language) || a.id}{' '}
            <span className="muted">({t.severities[a.severity]})</span>
          </label>
        ))}
        {errors.expectAlerts !== undefined && (
          <span className="error-text small">{errors.expectAlerts}</span>
        )}
      </div>
      {result !== null && (
        <button
          type="button"
          data-testid="use-current-answer"
          onClick={() => onChange(expectFromResult(expect, result))}
        >
          {tt.useCurrentAnswer}
        </button>
      )}
    </fieldset>
  );
}
