import { useState } from 'react';
import type { AddProblem } from '../store/dictionary';
import { useT } from '../store/hooks';

/** Props of {@link AddEntryForm}. */
export interface AddEntryFormProps {
  /** Names the form's fields in tests: `add-<testId>-name`, `add-<testId>-submit`. */
  testId: string;
  label: string;
  /** Choices shown next to the name (fact type, alert severity), with the one picked first. */
  choices?: readonly { value: string; label: string }[];
  /** Checks a name as it is typed (null: usable). */
  check(name: string): AddProblem | null;
  /** Adds the entry; returns why not when refused. */
  onAdd(name: string, choice: string): AddProblem | null;
}

/**
 * A name field and an Add button for a new fact, named condition or alert. The name is
 * checked as it is typed (format, already taken), so a duplicate is refused before it is made.
 */
export function AddEntryForm({ testId, label, choices, check, onAdd }: AddEntryFormProps) {
  const t = useT();
  const [name, setName] = useState('');
  const [choice, setChoice] = useState(choices?.[0]?.value ?? '');
  const [tried, setTried] = useState(false);
  const problem = check(name.trim());
  // "Empty" is only worth saying after an attempt; the other problems show while typing.
  const shown = problem === 'empty' && !tried ? null : problem;
  const submit = (): void => {
    setTried(true);
    if (onAdd(name.trim(), choice) === null) {
      setName('');
      setTried(false);
    }
  };
  return (
    <form
      className="add-entry"
      data-testid={`add-${testId}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <input
        aria-label={`${label}: ${t.name}`}
        placeholder={label}
        data-testid={`add-${testId}-name`}
        value={name}
        aria-invalid={shown !== null}
        onChange={(e) => setName(e.target.value)}
      />
      {choices !== undefined && (
        <select
          aria-label={label}
          data-testid={`add-${testId}-choice`}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
      <button type="submit" data-testid={`add-${testId}-submit`} disabled={shown !== null}>
        {t.add}
      </button>
      {shown !== null && (
        <span className="field-error" role="alert" data-testid={`add-${testId}-error`}>
          {t.nameProblems[shown]}
        </span>
      )}
    </form>
  );
}
