import { useEffect, useId, useState } from 'react';
import { Modal } from '../publish/Modal';
import { usePublishT } from '../publish/use-words';
import { editorStore, useEditor } from '../store/store';
import { loadConflict, saveMerge, type Conflict } from './conflict';
import type { Choices } from './merge';

/** Props of {@link ConflictDialog}. */
export interface ConflictDialogProps {
  onClose(): void;
}

/**
 * A save conflict as a merge: each part of the pathway that differs between the file on disk
 * and the document on screen, with the other change in words (the semantic diff) and a
 * choice of keep mine / take theirs; "save the merge" saves the result over the file as it is now.
 */
export function ConflictDialog({ onClose }: ConflictDialogProps) {
  const p = usePublishT();
  const titleId = useId();
  const version = useEditor((s) => s.source?.version ?? '');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    loadConflict(editorStore)
      .then((c) => setConflict(c ?? null))
      .catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  }, []);

  const who = { both: p.bothChanged, theirs: p.onlyTheyChanged, mine: p.onlyIChanged };
  return (
    <Modal labelledBy={titleId} testId="conflict-dialog" onClose={onClose}>
      <h2 id={titleId}>{p.conflictTitle}</h2>
      <p>{p.conflictIntro(version)}</p>
      {conflict === null ? (
        <p role="status">{failure ?? p.running}</p>
      ) : (
        <table className="conflict-table">
          <thead>
            <tr>
              <th scope="col">{p.conflictElement}</th>
              <th scope="col">{p.conflictTheirChange}</th>
              <th scope="col">{p.conflictMine}</th>
              <th scope="col">
                {p.keepMine} / {p.takeTheirs}
              </th>
            </tr>
          </thead>
          <tbody>
            {conflict.elements.map((e) => {
              const choice = choices[e.key] ?? e.preferred;
              return (
                <tr key={e.key} data-testid={`conflict-${e.key}`}>
                  <th scope="row">
                    <code>{e.key}</code>
                    <div className="small muted-text">{who[e.changedBy]}</div>
                  </th>
                  <td>{e.theirChange.length === 0 ? '–' : e.theirChange.join(' ')}</td>
                  <td>{e.myChange.length === 0 ? '–' : e.myChange.join(' ')}</td>
                  <td>
                    <fieldset className="plain-fieldset">
                      <legend className="visually-hidden">{e.key}</legend>
                      <label>
                        <input
                          type="radio"
                          name={`choice-${e.key}`}
                          data-testid={`keep-mine-${e.key}`}
                          checked={choice === 'mine'}
                          onChange={() => setChoices({ ...choices, [e.key]: 'mine' })}
                        />
                        {p.keepMine}
                      </label>{' '}
                      <label>
                        <input
                          type="radio"
                          name={`choice-${e.key}`}
                          data-testid={`take-theirs-${e.key}`}
                          checked={choice === 'theirs'}
                          onChange={() => setChoices({ ...choices, [e.key]: 'theirs' })}
                        />
                        {p.takeTheirs}
                      </label>
                    </fieldset>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {failure !== null && conflict !== null && (
        <p className="fail" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="button" data-testid="conflict-cancel" onClick={onClose}>
          {p.cancel}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="save-merge"
          disabled={conflict === null || saving}
          onClick={() => {
            if (conflict === null) return;
            setSaving(true);
            saveMerge(editorStore, window.localStorage, conflict, choices)
              .then(onClose)
              .catch((e: unknown) => {
                setFailure(e instanceof Error ? e.message : String(e));
                setSaving(false);
              });
          }}
        >
          {p.saveMerge}
        </button>
      </div>
    </Modal>
  );
}
