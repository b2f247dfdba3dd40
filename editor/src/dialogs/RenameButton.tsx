import { useState } from 'react';
import { LOGIC_STRINGS } from '../i18n/logic-strings';
import type { NamedKind } from '../model/dictionary';
import { useEditor } from '../store/store';
import { RenameDialog } from './RenameDialog';

/** Props of {@link RenameButton}. */
export interface RenameButtonProps {
  kind: NamedKind;
  name: string;
  /** The accessible name when the visible "Rename…" alone would be ambiguous (a list of measures). */
  label?: string;
}

/** "Rename…", opening the rename dialog with its "used in" list; hidden on a frozen version. */
export function RenameButton({ kind, name, label }: RenameButtonProps) {
  const language = useEditor((s) => s.language);
  const readOnly = useEditor((s) => s.readOnly);
  const [open, setOpen] = useState(false);
  if (readOnly) return null;
  const w = LOGIC_STRINGS[language];
  return (
    <>
      <button
        type="button"
        data-testid={`rename-${kind}`}
        aria-label={label === undefined ? undefined : `${w.renameButton} ${label}`}
        onClick={() => setOpen(true)}
      >
        {w.renameButton}
      </button>
      {open && <RenameDialog kind={kind} name={name} onClose={() => setOpen(false)} />}
    </>
  );
}
