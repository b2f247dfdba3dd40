import { memo } from 'react';
import {
  choiceOf,
  numberOfText,
  truthOf,
  valueOfTruth,
  type PatientField,
  type Truth,
} from '../model/patient-form';
import { useTestsT } from './strings';

/** Props of {@link FactField}. */
export interface FactFieldProps {
  field: PatientField;
  /** The fact's value in the patient input (undefined: unknown). */
  value: unknown;
  /** The engine's complaint about this fact, if any. */
  error: string | undefined;
  onChange(name: string, value: unknown): void;
}

const TRUTHS: readonly Truth[] = ['yes', 'no', 'unknown'];

/** Text shown in a field for a value of the wrong shape (typed in JSON), so nothing is hidden. */
const shown = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * One fact of the test patient, entered the way its dictionary entry says: a number with its
 * unit and range, yes/no/unknown, a choice list, a date or free text. Unknown = absent.
 */
function FactFieldView({ field, value, error, onChange }: FactFieldProps) {
  const t = useTestsT();
  const id = `patient-fact-${field.name}`;
  const errorId = `${id}-error`;
  const describedBy = error === undefined ? {} : { 'aria-describedby': errorId };
  const invalid = error === undefined ? {} : { 'aria-invalid': true };
  const hint =
    field.min !== undefined || field.max !== undefined
      ? t.range(
          field.min === undefined ? '' : String(field.min),
          field.max === undefined ? '' : String(field.max),
        )
      : '';
  let control;
  switch (field.kind) {
    case 'boolean': {
      const truth = truthOf(value);
      control = (
        <div role="radiogroup" aria-labelledby={`${id}-label`} className="truth" {...describedBy}>
          {TRUTHS.map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name={id}
                value={choice}
                checked={truth === choice}
                data-testid={`${id}-${choice}`}
                onChange={() => onChange(field.name, valueOfTruth(choice))}
              />
              {t[choice]}
            </label>
          ))}
        </div>
      );
      break;
    }
    case 'choice':
      control = (
        <select
          id={id}
          data-testid={id}
          value={shown(value)}
          onChange={(e) => onChange(field.name, choiceOf(e.target.value, field.values ?? []))}
          {...describedBy}
          {...invalid}
        >
          <option value="">{t.unknown}</option>
          {(field.values ?? []).map((v) => (
            <option key={String(v)} value={String(v)}>
              {String(v)}
            </option>
          ))}
        </select>
      );
      break;
    case 'choices': {
      const chosen = Array.isArray(value) ? (value as unknown[]).map(String) : null;
      control = (
        <div className="choices" role="group" aria-labelledby={`${id}-label`} {...describedBy}>
          {chosen === null ? (
            <>
              <span>{t.unknown}</span>
              <button
                type="button"
                data-testid={`${id}-known`}
                onClick={() => onChange(field.name, [])}
              >
                {t.enterValues}
              </button>
            </>
          ) : (
            <>
              {(field.values ?? []).map((v) => (
                <label key={String(v)}>
                  <input
                    type="checkbox"
                    data-testid={`${id}-${String(v)}`}
                    checked={chosen.includes(String(v))}
                    onChange={(e) => {
                      const next = (field.values ?? []).filter((x) =>
                        String(x) === String(v) ? e.target.checked : chosen.includes(String(x)),
                      );
                      onChange(field.name, next);
                    }}
                  />
                  {String(v)}
                </label>
              ))}
              <button type="button" onClick={() => onChange(field.name, undefined)}>
                {t.setUnknown}
              </button>
            </>
          )}
        </div>
      );
      break;
    }
    case 'date':
      control = (
        <input
          id={id}
          type="date"
          data-testid={id}
          value={shown(value)}
          onChange={(e) => onChange(field.name, e.target.value === '' ? undefined : e.target.value)}
          {...describedBy}
          {...invalid}
        />
      );
      break;
    case 'texts':
      control = (
        <input
          id={id}
          data-testid={id}
          value={Array.isArray(value) ? (value as unknown[]).join(', ') : shown(value)}
          onChange={(e) =>
            onChange(
              field.name,
              e.target.value.trim() === ''
                ? undefined
                : e.target.value
                    .split(',')
                    .map((x) => x.trim())
                    .filter((x) => x !== ''),
            )
          }
          {...describedBy}
          {...invalid}
        />
      );
      break;
    case 'number':
      control = (
        <input
          id={id}
          type="text"
          inputMode="decimal"
          data-testid={id}
          value={shown(value)}
          onChange={(e) => onChange(field.name, numberOfText(e.target.value))}
          {...describedBy}
          {...invalid}
        />
      );
      break;
    default:
      control = (
        <input
          id={id}
          data-testid={id}
          value={shown(value)}
          onChange={(e) => onChange(field.name, e.target.value === '' ? undefined : e.target.value)}
          {...describedBy}
          {...invalid}
        />
      );
  }
  const title = (
    <>
      {field.label}
      {field.unit !== undefined && <span className="muted"> ({field.unit})</span>}
    </>
  );
  return (
    <div className={`fact-field${error === undefined ? '' : ' has-error'}`} data-kind={field.kind}>
      {field.kind === 'boolean' || field.kind === 'choices' ? (
        <span id={`${id}-label`} className="fact-label">
          {title}
        </span>
      ) : (
        <label htmlFor={id} id={`${id}-label`} className="fact-label">
          {title}
        </label>
      )}
      {control}
      {hint !== '' && <span className="muted small">{hint}</span>}
      {error !== undefined && (
        <span className="error-text small" id={errorId} data-testid={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** Memoised: typing in one field re-renders that field, not the whole form. */
export const FactField = memo(FactFieldView);
