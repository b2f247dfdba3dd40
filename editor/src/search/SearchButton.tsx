import { useEffect, useState } from 'react';
import { sidelistStrings } from '../i18n/sidelist-strings';
import { useEditor } from '../store/store';
import { SearchDialogPart } from '../parts/parts';

/** True for Ctrl+K (Cmd+K on a Mac), outside the JSON editor (whose Ctrl+K starts a chord). */
export function isSearchShortcut(e: KeyboardEvent): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return false;
  if (e.key.toLowerCase() !== 'k') return false;
  const target = e.target instanceof Element ? e.target : null;
  return (target?.closest('.monaco-editor') ?? null) === null;
}

/** Props of {@link SearchButton}. */
export interface SearchButtonProps {
  /** Shows only a magnifier (the folded side list); the name stays for screen readers. */
  compact?: boolean;
}

/**
 * The search's button and its Ctrl+K / Cmd+K shortcut anywhere on the page; both open the
 * {@link SearchDialog}.
 */
export function SearchButton({ compact = false }: SearchButtonProps) {
  const w = sidelistStrings(useEditor((s) => s.language));
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!isSearchShortcut(e)) return;
      e.preventDefault();
      // Not over another dialog (the printable page): the editor behind it is inert.
      if (document.getElementById('root')?.hasAttribute('inert') === true) return;
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        data-testid="search-open"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        title={w.searchButton}
        aria-label={compact ? w.searchButton : undefined}
        onClick={() => setOpen(true)}
      >
        {compact ? '⌕' : w.searchButton}
      </button>
      {open && <SearchDialogPart.Component onClose={() => setOpen(false)} />}
    </>
  );
}
