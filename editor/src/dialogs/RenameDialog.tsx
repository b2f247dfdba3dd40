import { useState } from 'react';
import { LOGIC_STRINGS } from '../i18n/logic-strings';
import type { NamedKind } from '../model/dictionary';
import { useGapsT } from './use-gaps-words';
import { useGaps2T } from './use-gaps2-words';
import { scenarioRenamePlan, usesOf } from '../model/rename';
import { editorStore, useEditor } from '../store/store';
import { CheckboxRow } from './CheckboxRow';
import { Dialog } from './Dialog';

/** Props of {@link RenameDialog}. */
export interface RenameDialogProps {
  kind: NamedKind;
  name: string;
  onClose: () => void;
}

/**
 * Renames a fact, named condition, alert or measure: the new name, and every place that
 * uses the old one (renamed too), listed before the author confirms, with the test patients
 * that name it: this version's own are rewritten with it when it is saved; those shared with
 * other versions are listed as not changed, and those inherited from an earlier version can be
 * copied for this version alone (new files, rewritten with the rename when it is saved), and
 * those naming this version and others can be split (the copy for this version, the original
 * keeping the others). A name that is taken or malformed is refused with the reason, and the
 * dialog stays open.
 */
export function RenameDialog({ kind, name, onClose }: RenameDialogProps) {
  const pathway = useEditor((s) => s.pathway);
  const language = useEditor((s) => s.language);
  const scenarios = useEditor((s) => s.scenarios);
  const [value, setValue] = useState(name);
  const [problem, setProblem] = useState<string | null>(null);
  const [copyShared, setCopyShared] = useState(false);
  const [splitShared, setSplitShared] = useState(false);
  const g = useGapsT();
  const g2 = useGaps2T();
  if (pathway === null) return null;
  const w = LOGIC_STRINGS[language];
  const uses = usesOf(pathway, kind, name);
  const patients = scenarioRenamePlan(scenarios, pathway.version, kind, name);
  const confirm = (): void => {
    const refused = editorStore.getState().renameEntry(kind, name, value.trim());
    const files = [
      ...(copyShared ? patients.copyable : []),
      ...(splitShared ? patients.splittable : []),
    ];
    if (refused === null && files.length > 0) editorStore.getState().copyScenarios(files);
    if (refused === null) onClose();
    else setProblem(refused === 'read-only' ? null : w.nameProblems[refused]);
  };
  return (
    <Dialog title={w.renameTitle(kind, name)} onCancel={onClose} testId="rename-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        <label className="field-row">
          {w.newName}
          <input
            data-testid="rename-input"
            value={value}
            autoFocus
            aria-invalid={problem !== null}
            aria-describedby={problem === null ? undefined : 'rename-problem'}
            onChange={(e) => {
              setValue(e.target.value);
              setProblem(null);
            }}
          />
        </label>
        {problem !== null && (
          <p id="rename-problem" className="error-text" role="alert" data-testid="rename-problem">
            {problem}
          </p>
        )}
        {uses.length === 0 ? (
          <p>{w.usedNowhere}</p>
        ) : (
          <>
            <p>{w.usedIn(uses.length)}</p>
            <ul data-testid="rename-uses">
              {uses.map((use, i) => (
                <li key={i}>{w.use(use)}</li>
              ))}
            </ul>
          </>
        )}
        {patients.rewritten.length > 0 && (
          <>
            <p>{g.scenariosRewritten(patients.rewritten.length)}</p>
            <ul data-testid="rename-scenarios-rewritten">
              {patients.rewritten.map((patient) => (
                <li key={patient}>{patient}</li>
              ))}
            </ul>
          </>
        )}
        {patients.shared.length > 0 && (
          <>
            <p>{g.scenariosShared(patients.shared.length)}</p>
            <ul data-testid="rename-scenarios">
              {patients.shared.map((patient) => (
                <li key={patient}>{patient}</li>
              ))}
            </ul>
            {patients.copyable.length > 0 && value.trim() !== name && (
              <CheckboxRow
                testId="rename-copy-shared"
                checked={copyShared}
                onChange={setCopyShared}
              >
                {g.copyShared(patients.copyable.length, pathway.version)}
              </CheckboxRow>
            )}
            {patients.splittable.length > 0 && value.trim() !== name && (
              <CheckboxRow
                testId="rename-split-shared"
                checked={splitShared}
                onChange={setSplitShared}
              >
                {g2.splitShared(patients.splittable.length, pathway.version)}
              </CheckboxRow>
            )}
          </>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {w.cancel}
          </button>
          <button type="submit" data-testid="confirm-rename">
            {w.confirmRename}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
