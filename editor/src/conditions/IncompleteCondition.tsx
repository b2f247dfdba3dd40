import { LOGIC_STRINGS } from '../i18n/logic-strings';
import { useEditor } from '../store/store';

/** Props of {@link IncompleteCondition}. */
export interface IncompleteConditionProps {
  readOnly: boolean;
  /** Replaces the never-true default with a first comparison to edit. */
  onWrite: () => void;
}

/**
 * Stands in for the form of a condition still at its never-true default: a visible
 * "not written yet" badge, what that means, and a button to start writing it. The form
 * itself is not offered on the default: a row added inside `not { all: [] }` would be negated.
 */
export function IncompleteCondition({ readOnly, onWrite }: IncompleteConditionProps) {
  const language = useEditor((s) => s.language);
  const w = LOGIC_STRINGS[language];
  return (
    <div className="incomplete-condition" data-testid="incomplete-condition">
      <p>
        <span className="badge incomplete-badge" data-testid="incomplete-badge">
          {w.incomplete}
        </span>{' '}
        {w.incompleteHint}
      </p>
      {!readOnly && (
        <button type="button" data-testid="write-condition" onClick={onWrite}>
          {w.writeCondition}
        </button>
      )}
    </div>
  );
}
