import { memo, useId, useState } from 'react';
import { useGapsT } from '../dialogs/use-gaps-words';
import { useGaps2T } from '../dialogs/use-gaps2-words';
import type { PatientField } from '../model/patient-form';
import { searchMedications, type MedicationChoice } from './medication-choices';
import { useTestsT } from './strings';
import { keyboard2Strings } from '../i18n/keyboard2-strings';
import { useEditor } from '../store/store';

/** Props of {@link MedicationField}. */
export interface MedicationFieldProps {
  field: PatientField;
  /** The medication list in the patient input (undefined: the list is unknown). */
  value: unknown;
  error: string | undefined;
  /** The drugs the pathway knows by ATC code and the terminology table's substances. */
  choices: readonly MedicationChoice[];
  /** Why the terminology table could not be loaded (the search then covers the pathway's drugs). */
  termsFailure?: string | null;
  onChange(name: string, value: unknown): void;
}

type Entry = Record<string, unknown>;
const UNITS = ['mg/day', 'ug/h'] as const;

/**
 * A medication list: each drug with name and ATC code, dose, unit and start date; drugs are
 * added by searching the pathway's drugs and the terminology table by name, class, ATC code
 * or RxNorm / SNOMED CT code. A drug in no class of the pathway, or without the MME factor
 * its class needs, says so. An unknown list (the
 * fact absent) is different from an empty one, and the form keeps them apart.
 */
function MedicationFieldView({
  field,
  value,
  error,
  choices,
  termsFailure = null,
  onChange,
}: MedicationFieldProps) {
  const t = useTestsT();
  const g = useGapsT();
  const g2 = useGaps2T();
  const k2 = keyboard2Strings(useEditor((s) => s.language));
  const [query, setQuery] = useState('');
  const listId = useId();
  const id = `patient-fact-${field.name}`;
  const list: Entry[] | null = Array.isArray(value)
    ? (value as unknown[]).map((m) => (typeof m === 'object' && m !== null ? (m as Entry) : {}))
    : null;
  const choiceOf = (atc: unknown): MedicationChoice | undefined =>
    choices.find((c) => c.atc === atc);
  const nameOf = (atc: unknown): string =>
    choiceOf(atc)?.name ?? (typeof atc === 'string' ? atc : '');
  /** Why the engine cannot use the drug as the others (no class, no MME factor), or null. */
  const caveat = (choice: MedicationChoice | undefined): string | null =>
    choice === undefined
      ? null
      : choice.classes.length === 0
        ? g.noDrugClass
        : choice.noMme === 'lower-bound'
          ? g2.noMmeLowerBound
          : choice.noMme === 'left-out'
            ? g2.noMmeLeftOut
            : null;
  const update = (index: number, key: string, v: unknown): void => {
    if (list === null) return;
    const next = list.map((m, i) => {
      if (i !== index) return m;
      const copy = { ...m };
      if (v === undefined || v === '') delete copy[key];
      else copy[key] = v;
      return copy;
    });
    onChange(field.name, next);
  };
  const matches = searchMedications(choices, query);
  return (
    <fieldset className={`fact-field medications${error === undefined ? '' : ' has-error'}`}>
      <legend className="fact-label">{field.label}</legend>
      {list === null ? (
        <p>
          <span className="muted">{t.listUnknown}</span>{' '}
          <button
            type="button"
            data-testid={`${id}-known`}
            onClick={() => onChange(field.name, [])}
          >
            {t.enterList}
          </button>
        </p>
      ) : (
        <>
          {list.length === 0 && <p className="muted">{t.noMedications}</p>}
          <ul className="medication-list">
            {list.map((m, i) => {
              const label = `${nameOf(m.atc)} ${typeof m.atc === 'string' ? m.atc : ''}`;
              return (
                <li key={i} data-testid={`${id}-${i}`}>
                  <span className="medication-name">
                    {nameOf(m.atc)} <code>{typeof m.atc === 'string' ? m.atc : '?'}</code>
                    {choiceOf(m.atc)?.international === true && (
                      <span className="muted small" data-testid={`${id}-${i}-international`}>
                        {' '}
                        ({k2.internationalName})
                      </span>
                    )}
                    {caveat(choiceOf(m.atc)) !== null && (
                      <span className="muted small" data-testid={`${id}-${i}-caveat`}>
                        {' '}
                        · {caveat(choiceOf(m.atc))}
                      </span>
                    )}
                  </span>
                  <input
                    aria-label={`${t.dose}: ${label}`}
                    inputMode="decimal"
                    size={6}
                    data-testid={`${id}-${i}-dose`}
                    value={typeof m.dose === 'number' ? String(m.dose) : ''}
                    onChange={(e) => {
                      const n = Number(e.target.value.replace(',', '.'));
                      update(
                        i,
                        'dose',
                        e.target.value === '' || !Number.isFinite(n) ? undefined : n,
                      );
                    }}
                  />
                  <select
                    aria-label={`${t.medicationUnit}: ${label}`}
                    value={typeof m.unit === 'string' ? m.unit : ''}
                    onChange={(e) => update(i, 'unit', e.target.value)}
                  >
                    <option value="">–</option>
                    {UNITS.map((u) => (
                      <option key={u} value={u}>
                        {u}
                      </option>
                    ))}
                  </select>
                  <input
                    type="date"
                    aria-label={`${t.since}: ${label}`}
                    value={typeof m.since === 'string' ? m.since : ''}
                    onChange={(e) => update(i, 'since', e.target.value)}
                  />
                  <button
                    type="button"
                    aria-label={`${t.remove}: ${label}`}
                    onClick={() =>
                      onChange(
                        field.name,
                        list.filter((_, j) => j !== i),
                      )
                    }
                  >
                    ✕
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="atc-search">
            <input
              type="search"
              aria-label={g.medicationSearch}
              placeholder={g.medicationSearch}
              data-testid={`${id}-search`}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              {...(matches.length > 0 ? { 'aria-controls': listId } : {})}
            />
            {termsFailure !== null && (
              <p className="muted small" data-testid={`${id}-terms-failure`}>
                {g.termsUnavailable(termsFailure)}
              </p>
            )}
            {matches.length > 0 && (
              <ul id={listId} aria-label={t.atcResults} className="atc-results">
                {matches.map(({ choice: c, code }) => {
                  const note = caveat(c);
                  return (
                    <li key={c.atc}>
                      <button
                        type="button"
                        data-testid={`atc-${c.atc}`}
                        onClick={() => {
                          onChange(field.name, [...list, { atc: c.atc }]);
                          setQuery('');
                        }}
                      >
                        {c.name} <code>{c.atc}</code>
                        {c.international && (
                          <span className="muted" data-testid={`atc-${c.atc}-international`}>
                            {' '}
                            ({k2.internationalName})
                          </span>
                        )}
                        {code !== undefined && (
                          <span className="muted"> · {g.matchedCode(code.system, code.code)}</span>
                        )}
                        {c.classes.length > 0 && (
                          <span className="muted"> · {c.classes.join(', ')}</span>
                        )}
                        {note !== null && (
                          <span className="muted" data-testid={`atc-${c.atc}-caveat`}>
                            {' '}
                            · {note}
                          </span>
                        )}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
          <button type="button" onClick={() => onChange(field.name, undefined)}>
            {t.setUnknown}
          </button>
        </>
      )}
      {error !== undefined && (
        <span className="error-text small" data-testid={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** Memoised like the other fields. */
export const MedicationField = memo(MedicationFieldView);
