import { LOGIC_STRINGS } from '../i18n/logic-strings';
import { stepDeletionEffects } from '../model/edit';
import { editorStore, useEditor } from '../store/store';
import { Dialog } from './Dialog';

/**
 * Asks before deleting a step that others point to, or the entry step, and says what else
 * changes: the transitions into it that go, the new entry step, its follow-ups, indicators
 * that name it. Shown while the store holds a deletion request.
 */
export function DeleteStepDialog() {
  const id = useEditor((s) => s.deleteStepRequest);
  const pathway = useEditor((s) => s.pathway);
  const language = useEditor((s) => s.language);
  if (id === null || pathway === null) return null;
  const w = LOGIC_STRINGS[language];
  const effects = stepDeletionEffects(pathway, id);
  const lines = [
    ...effects.transitions.map((t) =>
      t.from === null ? w.globalTransitionRemoved(t.to) : w.transitionRemoved(t.from, t.to),
    ),
    ...(effects.newEntry === undefined
      ? []
      : [effects.newEntry === null ? w.noStepLeft : w.newEntry(effects.newEntry)]),
    ...effects.followUps.map((f) => w.followUpRemoved(f)),
    ...effects.indicators.map((i) => w.indicatorNames(i)),
  ];
  const answer = (confirmed: boolean): void => editorStore.getState().answerDeleteStep(confirmed);
  return (
    <Dialog
      title={w.deleteStepTitle(id)}
      onCancel={() => answer(false)}
      testId="delete-step-dialog"
    >
      {lines.length === 0 ? (
        <p>{w.deleteStepNothingElse}</p>
      ) : (
        <>
          <p>{w.deleteStepAlsoChanges}</p>
          <ul data-testid="delete-step-effects">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-buttons">
        <button type="button" autoFocus onClick={() => answer(false)}>
          {w.cancel}
        </button>
        <button
          type="button"
          className="danger"
          data-testid="confirm-delete-step"
          onClick={() => answer(true)}
        >
          {w.confirmDelete}
        </button>
      </div>
    </Dialog>
  );
}
