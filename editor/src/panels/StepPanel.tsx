import { useState } from 'react';
import {
  type Level,
  LEVELS,
  pickText,
  type Step,
  summarizeCondition,
} from '../../../engine/editor';
import { moveTransition, renameStep, updateStep, connect, deleteTransition } from '../model/edit';
import { STRINGS } from '../i18n/strings';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { FollowUpsSection } from './FollowUpsSection';
import { TextsField } from './TextsField';
import { DeleteStepDialog } from '../dialogs/DeleteStepDialog';
import { StepMeasures } from '../dialogs/StepMeasures';

/** Props of {@link StepPanel}. */
export interface StepPanelProps {
  stepId: string;
}

/** Edits one step: id, level, titles, actions, follow-ups and the order of its transitions. */
export function StepPanel({ stepId }: StepPanelProps) {
  const t = useT();
  const pathway = useEditor((s) => s.pathway);
  const readOnly = useEditor((s) => s.readOnly);
  const language = useEditor((s) => s.language);
  const [newId, setNewId] = useState(stepId);
  const [renameError, setRenameError] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  if (pathway === null) return null;
  const index = pathway.steps.findIndex((s) => s.id === stepId);
  const step = pathway.steps[index];
  if (step === undefined) return null;
  const base = `steps[${index}]`;
  const store = editorStore.getState;
  const change = (fn: (s: Step) => Step, gesture: string | null = null): void =>
    store().edit((d) => ({ ...d, pathway: updateStep(d.pathway, stepId, fn) }), gesture);

  const rename = (): void => {
    let error: string | null = null;
    store().edit((d) => {
      const result = renameStep(d, stepId, newId.trim());
      if (typeof result === 'string') {
        error = result;
        return d;
      }
      return result;
    });
    setRenameError(error);
    if (error === null && newId.trim() !== stepId)
      store().select({ kind: 'step', stepId: newId.trim() });
  };

  return (
    <div className="panel-body" data-testid="step-panel">
      <h2>
        {t.step}: {pickText(step.title, language) || step.id}
      </h2>
      <div className="field-row" data-path={`${base}.id`}>
        <label>
          {t.stepId}
          <input
            data-testid="step-id"
            value={newId}
            disabled={readOnly}
            onChange={(e) => setNewId(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') rename();
            }}
          />
        </label>
        <button type="button" disabled={readOnly || newId === stepId} onClick={rename}>
          {t.rename}
        </button>
      </div>
      {renameError !== null && <p className="error-text">{renameError}</p>}
      <label className="field-row" data-path={`${base}.level`}>
        {t.level}
        <select
          data-testid="step-level"
          value={step.level}
          disabled={readOnly}
          onChange={(e) => change((s) => ({ ...s, level: e.target.value as Level }))}
        >
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {t.levels[level]}
            </option>
          ))}
        </select>
      </label>
      <TextsField
        label={t.title}
        value={step.title}
        path={`${base}.title`}
        readOnly={readOnly}
        onChange={(title) => change((s) => ({ ...s, title }), `${base}.title`)}
      />

      <h3>{t.transitions}</h3>
      <ol className="transition-list" data-path={`${base}.transitions`}>
        {step.transitions.map((tr, i) => (
          <li key={`${i}-${tr.to}`} data-testid={`step-transition-${i}`}>
            <button
              type="button"
              className="link"
              onClick={() => store().select({ kind: 'transition', stepId, index: i })}
            >
              → {tr.to}: {summarizeCondition(pathway, tr.when, language)}
            </button>
            <span className="row-actions">
              <button
                type="button"
                title={t.moveUp}
                aria-label={t.moveUp}
                disabled={readOnly || i === 0}
                onClick={() =>
                  store().edit((d) => ({
                    ...d,
                    pathway: moveTransition(
                      d.pathway,
                      { kind: 'transition', stepId, index: i },
                      i - 1,
                    ),
                  }))
                }
              >
                ↑
              </button>
              <button
                type="button"
                title={t.moveDown}
                aria-label={t.moveDown}
                disabled={readOnly || i === step.transitions.length - 1}
                onClick={() =>
                  store().edit((d) => ({
                    ...d,
                    pathway: moveTransition(
                      d.pathway,
                      { kind: 'transition', stepId, index: i },
                      i + 1,
                    ),
                  }))
                }
              >
                ↓
              </button>
              <button
                type="button"
                title={t.remove}
                aria-label={t.remove}
                disabled={readOnly}
                onClick={() =>
                  store().edit((d) => ({
                    ...d,
                    pathway: deleteTransition(d.pathway, { kind: 'transition', stepId, index: i }),
                  }))
                }
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="field-row">
        <select
          value={target}
          disabled={readOnly}
          onChange={(e) => setTarget(e.target.value)}
          aria-label={t.target}
        >
          <option value="">{t.target} …</option>
          {pathway.steps.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={readOnly || target === ''}
          onClick={() => {
            let made: ReturnType<typeof connect>;
            store().edit((d) => {
              made = connect(d.pathway, stepId, target, {
                sv: STRINGS.sv.newTransitionReason,
                en: STRINGS.en.newTransitionReason,
              });
              return made === undefined ? d : { ...d, pathway: made.pathway };
            });
            if (made !== undefined) store().select(made.ref);
          }}
        >
          {t.addTransition}
        </button>
      </div>

      <h3>{t.actions}</h3>
      {step.actions.map((action, i) => (
        <div key={i} className="list-item">
          <TextsField
            label={`${t.actions} ${i + 1}`}
            value={action}
            path={`${base}.actions[${i}]`}
            readOnly={readOnly}
            multiline
            onChange={(texts) =>
              change(
                (s) => ({ ...s, actions: s.actions.map((a, k) => (k === i ? texts : a)) }),
                `${base}.actions[${i}]`,
              )
            }
          />
          <button
            type="button"
            disabled={readOnly}
            onClick={() => change((s) => ({ ...s, actions: s.actions.filter((_, k) => k !== i) }))}
          >
            {t.remove}
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={readOnly}
        onClick={() => change((s) => ({ ...s, actions: [...s.actions, { sv: '…', en: '…' }] }))}
      >
        {t.addAction}
      </button>

      <FollowUpsSection stepId={stepId} heading={t.followUps} addLabel={t.addFollowUp} />

      <StepMeasures stepId={stepId} />
      <hr />
      <button
        type="button"
        className="danger"
        data-testid="delete-step"
        disabled={readOnly}
        onClick={() => store().requestDeleteStep(stepId)}
      >
        {t.deleteStep}
      </button>
      <DeleteStepDialog />
    </div>
  );
}
