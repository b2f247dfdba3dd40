import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { focusOnCanvas } from '../canvas/focus-element';
import { sidelistStrings } from '../i18n/sidelist-strings';
import { openDestination } from './open-destination';
import { editorStore, useEditor } from '../store/store';
import { searchItems, searchMatches, type SearchItem } from './search-items';
import { useModal } from './use-modal';
import './search.css';

/** Props of {@link SearchDialog}. */
export interface SearchDialogProps {
  onClose(): void;
}

/**
 * Search across steps, facts, alerts, named conditions and follow-ups by title (interface
 * language) and id. A modal dialog holding a combobox and its listbox (WAI-ARIA combobox
 * pattern): typing filters, ↑/↓ choose, Enter opens the chosen one (its panel, and its step
 * centred on the canvas), Esc closes and gives focus back. Focus stays in the input.
 */
export function SearchDialog({ onClose }: SearchDialogProps) {
  const language = useEditor((s) => s.language);
  const pathway = useEditor((s) => s.pathway);
  const w = sidelistStrings(language);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listbox = useRef<HTMLUListElement>(null);
  const { keepFocus, previous } = useModal();
  const id = useId();
  const items = useMemo(
    () => (pathway === null ? [] : searchItems(pathway, language)),
    [pathway, language],
  );
  const results = useMemo(() => searchMatches(items, query), [items, query]);
  const optionId = (i: number): string => `${id}-option-${i}`;

  useEffect(() => {
    input.current?.focus();
  }, []);
  useEffect(() => {
    listbox.current?.querySelector(`[aria-selected="true"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active, results]);

  // Closing gives focus back to what had it (useModal); opening a step gives it to the step.
  const close = (): void => onClose();
  const open = (item: SearchItem | undefined): void => {
    if (item === undefined) return;
    openDestination(editorStore, item.destination);
    keepFocus.current = item.destination.kind === 'step';
    onClose();
    // Once the dialog is gone, the canvas focuses the step's node by its own way (centred,
    // drawn first when out of view), as the side list does; no canvas: focus goes back.
    if (item.destination.kind === 'step') {
      const target = { kind: 'node', id: item.destination.stepId } as const;
      window.requestAnimationFrame(() => {
        if (!focusOnCanvas(target)) previous.current?.focus();
      });
    }
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    const count = results.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (count > 0) setActive((active + 1) % count);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (count > 0) setActive((active - 1 + count) % count);
        break;
      case 'Home':
      case 'End':
        if (count > 0 && (e.ctrlKey || query === '')) {
          e.preventDefault();
          setActive(e.key === 'Home' ? 0 : count - 1);
        }
        break;
      case 'Enter':
        e.preventDefault();
        open(results[active]);
        break;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        close();
        break;
      case 'Tab':
        // A modal dialog: focus stays in the search field.
        e.preventDefault();
        break;
    }
  };

  const listId = `${id}-results`;
  const hintId = `${id}-hint`;
  const showList = results.length > 0;
  return createPortal(
    <div
      className="search-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div
        className="search-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={w.search}
        data-testid="search-dialog"
      >
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label={w.searchLabel}
          aria-describedby={hintId}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList ? optionId(active) : undefined}
          placeholder={w.searchLabel}
          autoComplete="off"
          spellCheck={false}
          data-testid="search-input"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p id={hintId} className="search-hint">
          {w.searchHint}
        </p>
        <ul
          ref={listbox}
          id={listId}
          role="listbox"
          aria-label={w.searchResults}
          className="search-results"
          data-testid="search-results"
        >
          {results.map((item, i) => (
            <li
              key={`${item.kind}-${item.id}-${item.context ?? ''}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              data-testid={`search-result-${item.kind}-${item.id}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => {
                if (i !== active) setActive(i);
              }}
              onClick={() => open(item)}
            >
              <span className={`search-kind kind-${item.kind}`}>{w.kinds[item.kind]}</span>
              <span className="search-title">{item.title}</span>
              <code className="search-id">{item.id}</code>
              {item.context !== null && <span className="search-context">{item.context}</span>}
            </li>
          ))}
        </ul>
        <p className="search-count" role="status" aria-live="polite" data-testid="search-count">
          {query.trim() === ''
            ? ''
            : results.length === 0
              ? w.noMatches
              : w.matches(results.length)}
        </p>
      </div>
    </div>,
    document.body,
  );
}
