import { useState } from 'react';
import { documentDirty } from '../store/compare';
import { usePublishT } from '../publish/use-words';
import { editorStore, useEditor } from '../store/store';
import { isUiLanguage, statusName, UI_LANGUAGE_NAMES, UI_LANGUAGES } from '../i18n/strings';
import { CohortControl } from './CohortControl';
import { PublishDialogPart } from '../parts/parts';
import { CompareControl } from './CompareControl';
import { useT } from '../store/hooks';

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  onSave(): void;
  onNewVersion(): void;
  onAddStep(): void;
  onAutoLayout(): void;
}

/**
 * Save, undo/redo, new version, publish, new step, compare, cohort overlay and language in one
 * row that does not wrap at 1440 px; tools used now and then (automatic layout) sit in "More".
 */
export function Toolbar({ onSave, onNewVersion, onAddStep, onAutoLayout }: ToolbarProps) {
  const t = useT();
  const source = useEditor((s) => s.source);
  // The open document's status, also while a comparison shows another version.
  const status = useEditor((s) => (s.compare?.stash.pathway ?? s.pathway)?.status);
  const readOnly = useEditor((s) => s.readOnly);
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const dirty = useEditor(documentDirty);
  const comparing = useEditor((s) => s.compare !== null);
  const saveState = useEditor((s) => s.saveState);
  const language = useEditor((s) => s.language);
  const store = editorStore.getState;
  const p = usePublishT();
  const [publishing, setPublishing] = useState(false);
  return (
    <header className="toolbar">
      {/* The name is for screen readers (and the window title): the row keeps its room for tools. */}
      <strong className="app-title visually-hidden">{t.appTitle}</strong>
      {source !== null && (
        <span className="doc-name" data-testid="doc-name">
          {source.id} {source.version}{' '}
          <span className={`status ${status ?? ''}`} data-testid="status-badge">
            {status === undefined ? '' : statusName(t, status)}
          </span>
          {readOnly && !comparing && <span className="status frozen"> {t.readOnly}</span>}
        </span>
      )}
      <span className="save-state" data-testid="save-state" data-dirty={dirty}>
        {saveState === 'saving'
          ? t.saving
          : dirty
            ? `● ${t.unsaved}`
            : saveState === 'saved'
              ? t.saved
              : ''}
      </span>
      <span className="spacer" />
      <button
        type="button"
        data-testid="undo"
        disabled={!canUndo || readOnly}
        onClick={() => store().undo()}
        title="Ctrl+Z"
      >
        {t.undo}
      </button>
      <button
        type="button"
        data-testid="redo"
        disabled={!canRedo || readOnly}
        onClick={() => store().redo()}
        title="Ctrl+Shift+Z"
      >
        {t.redo}
      </button>
      <button
        type="button"
        data-testid="add-step"
        disabled={readOnly || source === null}
        onClick={onAddStep}
      >
        {t.addStep}
      </button>
      <button
        type="button"
        data-testid="new-version"
        disabled={source === null || comparing}
        onClick={onNewVersion}
      >
        {t.newVersion}
      </button>
      <button
        type="button"
        data-testid="publish"
        disabled={source === null || readOnly || comparing || source.baseHash === null}
        onClick={() => setPublishing(true)}
      >
        {p.publish}
      </button>
      {publishing && <PublishDialogPart.Component onClose={() => setPublishing(false)} />}
      <CompareControl />
      <CohortControl />
      <button
        type="button"
        data-testid="save"
        className="primary"
        disabled={readOnly || source === null || saveState === 'saving'}
        onClick={onSave}
        title="Ctrl+S"
      >
        {t.save}
      </button>
      <details className="toolbar-more" data-testid="toolbar-more">
        <summary>{t.moreTools}</summary>
        <div className="toolbar-menu">
          <button
            type="button"
            data-testid="auto-layout"
            disabled={readOnly || source === null}
            onClick={onAutoLayout}
          >
            {t.autoLayout}
          </button>
        </div>
      </details>
      <label className="language">
        <span className="visually-hidden">{t.language}</span>
        <select
          data-testid="language"
          value={language}
          onChange={(e) => {
            const next = e.target.value;
            if (!isUiLanguage(next)) return;
            store().setLanguage(next);
            window.localStorage.setItem('vardprogram.language', next);
          }}
        >
          {UI_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {UI_LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
