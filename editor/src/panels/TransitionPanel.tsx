import { pickText, type Transition } from '../../../engine/editor';
import {
  deleteTransition,
  getTransition,
  moveTransition,
  updateTransition,
  type TransitionRef,
} from '../model/edit';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { ConditionEditor } from '../conditions/ConditionEditor';
import { TextsField } from './TextsField';

/** Props of {@link TransitionPanel}. */
export interface TransitionPanelProps {
  at: TransitionRef;
}

/** Edits one transition: target, reason, condition and its place in the order. */
export function TransitionPanel({ at }: TransitionPanelProps) {
  const t = useT();
  const pathway = useEditor((s) => s.pathway);
  const readOnly = useEditor((s) => s.readOnly);
  const language = useEditor((s) => s.language);
  if (pathway === null) return null;
  const transition = getTransition(pathway, at);
  if (transition === undefined) return null;
  const list =
    at.kind === 'global'
      ? pathway.globalTransitions
      : (pathway.steps.find((s) => s.id === at.stepId)?.transitions ?? []);
  const stepIndex = at.kind === 'global' ? -1 : pathway.steps.findIndex((s) => s.id === at.stepId);
  const base =
    at.kind === 'global'
      ? `globalTransitions[${at.index}]`
      : `steps[${stepIndex}].transitions[${at.index}]`;
  const store = editorStore.getState;
  const change = (fn: (tr: Transition) => Transition, gesture: string | null = null): void =>
    store().edit((d) => ({ ...d, pathway: updateTransition(d.pathway, at, fn) }), gesture);
  const move = (to: number): void => {
    store().edit((d) => ({ ...d, pathway: moveTransition(d.pathway, at, to) }));
    store().select({ ...at, index: to });
  };
  const fromStep = at.kind === 'global' ? undefined : pathway.steps[stepIndex];
  const heading =
    at.kind === 'global'
      ? t.globalTransition(at.index + 1)
      : t.transitionFrom(pickText(fromStep?.title, language) || at.stepId, at.index + 1);

  return (
    <div className="panel-body" data-testid="transition-panel">
      <h2>{heading}</h2>
      <div className="field-row">
        <button
          type="button"
          disabled={readOnly || at.index === 0}
          onClick={() => move(at.index - 1)}
        >
          ↑ {t.moveUp}
        </button>
        <button
          type="button"
          disabled={readOnly || at.index === list.length - 1}
          onClick={() => move(at.index + 1)}
        >
          ↓ {t.moveDown}
        </button>
        <button
          type="button"
          className="danger"
          disabled={readOnly}
          onClick={() => {
            store().edit((d) => ({ ...d, pathway: deleteTransition(d.pathway, at) }));
            store().select(at.kind === 'global' ? null : { kind: 'step', stepId: at.stepId });
          }}
        >
          {t.remove}
        </button>
      </div>
      <label className="field-row" data-path={`${base}.to`}>
        {t.target}
        <select
          data-testid="transition-target"
          value={transition.to}
          disabled={readOnly}
          onChange={(e) => change((tr) => ({ ...tr, to: e.target.value }))}
        >
          {!pathway.steps.some((s) => s.id === transition.to) && (
            <option value={transition.to}>{transition.to} ?</option>
          )}
          {pathway.steps.map((s) => (
            <option key={s.id} value={s.id}>
              {pickText(s.title, language) || s.id} ({s.id})
            </option>
          ))}
        </select>
      </label>
      <TextsField
        label={t.reason}
        value={transition.reason}
        path={`${base}.reason`}
        readOnly={readOnly}
        multiline
        onChange={(reason) => change((tr) => ({ ...tr, reason }), `${base}.reason`)}
      />
      <h3>{t.condition}</h3>
      <ConditionEditor target={at} />
    </div>
  );
}
