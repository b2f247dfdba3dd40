import { useState } from 'react';
import { type FollowUp, pickText } from '../../../engine/editor';
import { ConditionEditor } from '../conditions/ConditionEditor';
import { sidelistStrings } from '../i18n/sidelist-strings';
import { newCondition } from '../model/edit';
import {
  FOLLOW_UP_CONDITION_FIELDS,
  followUpPath,
  getFollowUp,
  removeFollowUp,
  setFollowUpCondition,
  setTiming,
  setWindowDays,
  timingOf,
  TIMING_UNITS,
  toggleMeasure,
  updateFollowUp,
  type FollowUpRef,
  type TimingUnit,
} from '../model/follow-ups';
import { useT } from '../store/hooks';
import { editorStore, useEditor } from '../store/store';
import { TextsField } from './TextsField';
import './follow-ups.css';

/** Props of {@link FollowUpForm}. */
export interface FollowUpFormProps {
  at: FollowUpRef;
}

/** The schedule as the form shows it: a whole amount, or nothing while the field is empty. */
function wholeAmount(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? Math.max(0, Math.round(n)) : undefined;
}

/**
 * One follow-up: title in sv/da/en, timing in days, weeks or months from the step's entry (or
 * none: condition-based), the window around it, its measures and its three optional conditions
 * (applies / due / overdue when), each edited with the same condition editor as transitions.
 * Folded to one line until opened; a problem that names a field inside opens it.
 */
export function FollowUpForm({ at }: FollowUpFormProps) {
  const t = useT();
  const language = useEditor((s) => s.language);
  const w = sidelistStrings(language);
  const pathway = useEditor((s) => s.pathway);
  const readOnly = useEditor((s) => s.readOnly);
  const focusPath = useEditor((s) => s.focusPath);
  const path = pathway === null ? '' : followUpPath(pathway, at);
  const wanted = focusPath !== null && (focusPath === path || focusPath.startsWith(`${path}.`));
  const [open, setOpen] = useState(wanted);
  // Opened in the same render a problem or the side list asks for it (not in an effect), so
  // that the side panel can focus a field inside it when it commits.
  const [wasWanted, setWasWanted] = useState(wanted);
  if (wanted !== wasWanted) {
    setWasWanted(wanted);
    if (wanted) setOpen(true);
  }
  if (pathway === null) return null;
  const f = getFollowUp(pathway, at);
  if (f === undefined) return null;

  const store = editorStore.getState;
  const change = (fn: (x: FollowUp) => FollowUp, gesture: string | null = null): void =>
    store().edit((d) => ({ ...d, pathway: updateFollowUp(d.pathway, at, fn) }), gesture);
  const timing = timingOf(f);
  const testId = `follow-up-${f.id}`;
  const title = pickText(f.title, language) || f.id;
  const when = timing === null ? w.conditionBased : w.timingText(timing.amount, timing.unit);

  return (
    <details
      className="list-item follow-up"
      data-path={path}
      data-testid={testId}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <strong>{title}</strong> <span className="muted">· {when}</span>
      </summary>
      <p className="muted small">
        {w.followUpId}: <code>{f.id}</code>
      </p>
      <TextsField
        label={t.title}
        value={f.title}
        path={`${path}.title`}
        readOnly={readOnly}
        onChange={(title) => change((x) => ({ ...x, title }), `${path}.title`)}
      />
      <fieldset className="follow-up-timing" data-path={`${path}.at`}>
        <legend>{w.timing}</legend>
        <label className="field-row">
          {w.amount}
          <input
            type="number"
            min={0}
            step={1}
            data-testid={`${testId}-amount`}
            disabled={readOnly || timing === null}
            value={timing?.amount ?? ''}
            onChange={(e) => {
              const amount = wholeAmount(e.target.value);
              if (amount === undefined || timing === null) return;
              change((x) => setTiming(x, { amount, unit: timing.unit }), `${path}.at`);
            }}
          />
        </label>
        <label className="field-row">
          {w.unit}
          <select
            data-testid={`${testId}-unit`}
            disabled={readOnly}
            value={timing?.unit ?? ''}
            onChange={(e) => {
              const unit = e.target.value;
              change((x) =>
                unit === ''
                  ? setTiming(x, null)
                  : setTiming(x, { amount: timing?.amount ?? 0, unit: unit as TimingUnit }),
              );
            }}
          >
            {TIMING_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {w.units[unit]}
              </option>
            ))}
            <option value="">{w.timingNone}</option>
          </select>
        </label>
        {at.stepId !== null && timing !== null && <p className="muted small">{w.afterEntry}</p>}
        {timing !== null && (
          <label className="field-row" data-path={`${path}.windowDays`}>
            {w.windowDays}
            <input
              type="number"
              min={0}
              step={1}
              data-testid={`${testId}-window`}
              disabled={readOnly}
              value={f.windowDays ?? ''}
              onChange={(e) =>
                change((x) => setWindowDays(x, wholeAmount(e.target.value)), `${path}.windowDays`)
              }
            />
          </label>
        )}
      </fieldset>
      <fieldset className="measures" data-path={`${path}.measures`}>
        <legend>{w.measures}</legend>
        {pathway.measures.map((m) => (
          <label key={m.id} className="check">
            <input
              type="checkbox"
              disabled={readOnly}
              checked={f.measures.includes(m.id)}
              onChange={(e) => change((x) => toggleMeasure(pathway, x, m.id, e.target.checked))}
            />
            {pickText(m.title, language) || m.id}
          </label>
        ))}
      </fieldset>
      {FOLLOW_UP_CONDITION_FIELDS.map((field) => {
        const name = w.conditionFields[field];
        return (
          <section key={field} className="follow-up-condition" data-path={`${path}.${field}`}>
            <h4>{name}</h4>
            <p className="muted small">{w.conditionHelp[field]}</p>
            {f[field] === undefined ? (
              <button
                type="button"
                data-testid={`${testId}-add-${field}`}
                disabled={readOnly}
                onClick={() => change((x) => setFollowUpCondition(x, field, newCondition()))}
              >
                {w.addCondition(name)}
              </button>
            ) : (
              <>
                <ConditionEditor target={{ kind: 'follow-up', field, ...at }} />
                <button
                  type="button"
                  data-testid={`${testId}-remove-${field}`}
                  disabled={readOnly}
                  onClick={() => change((x) => setFollowUpCondition(x, field, undefined))}
                >
                  {w.removeCondition(name)}
                </button>
              </>
            )}
          </section>
        );
      })}
      <button
        type="button"
        className="danger"
        data-testid={`${testId}-remove`}
        disabled={readOnly}
        onClick={() => store().edit((d) => ({ ...d, pathway: removeFollowUp(d.pathway, at) }))}
      >
        {w.removeFollowUp}
      </button>
    </details>
  );
}
