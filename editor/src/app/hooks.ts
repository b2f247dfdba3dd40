/** Small hooks shared by the panels: interface words, problems, shortcuts, unload guard. */
import { useEffect, useMemo } from 'react';
import { STRINGS, type Strings } from '../i18n/strings';
import { computeProblems, type Problem } from '../model/problems';
import { editorStore, useEditor } from '../store/store';
import { documentDirty } from '../store/compare';
import type { Pathway } from '../../../engine/index';

/** The interface strings in the chosen language. */
export function useT(): Strings {
  return STRINGS[useEditor((s) => s.language)];
}

// Problems are computed once per document object: the canvas, the problems panel and the
// side panel all ask for them, and a document is immutable.
const problemCache = new WeakMap<Pathway, Problem[]>();

/** The document's problems (schema, lint) plus an unparsable JSON condition being edited. */
export function useProblems(): Problem[] {
  const pathway = useEditor((s) => s.pathway);
  const jsonError = useEditor((s) => s.jsonError);
  return useMemo(() => {
    if (pathway === null) return [];
    let problems = problemCache.get(pathway);
    if (problems === undefined) {
      try {
        problems = computeProblems(pathway);
      } catch (error) {
        problems = [
          {
            key: 'editor:lint-crash',
            source: 'editor',
            severity: 'error',
            rule: 'internal',
            message: `the checks could not run: ${error instanceof Error ? error.message : String(error)}`,
            path: '',
            target: null,
          },
        ];
      }
      problemCache.set(pathway, problems);
    }
    if (jsonError === null) return problems;
    return [
      {
        key: `editor:json:${jsonError.path}`,
        source: 'editor',
        severity: 'error',
        rule: 'invalid-json',
        message: jsonError.message,
        path: jsonError.path,
        target: null,
      },
      ...problems,
    ];
  }, [pathway, jsonError]);
}

/** Re-runs the test patients shortly after the document stops changing. */
export function useAutoRun(delayMs = 250): void {
  const pathway = useEditor((s) => s.pathway);
  const scenarios = useEditor((s) => s.scenarios);
  const patientEdits = useEditor((s) => s.patientEdits);
  useEffect(() => {
    if (pathway === null) return;
    const timer = window.setTimeout(() => void editorStore.getState().runAll(), delayMs);
    return () => window.clearTimeout(timer);
  }, [pathway, scenarios, patientEdits, delayMs]);
}

/** True when keyboard input belongs to a text field or Monaco (which have their own undo). */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable || target.closest('input, textarea, select, .monaco-editor') !== null
  );
}

/** Keyboard shortcuts: Delete, Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y, Ctrl+S. */
export function useShortcuts(actions: { save(): void; deleteSelection(): void }): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        // Saving works from anywhere, including while typing in a field.
        event.preventDefault();
        actions.save();
        return;
      }
      if (typingInField(event.target)) return;
      const store = editorStore.getState();
      if (mod && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        store.undo();
      } else if ((mod && key === 'z' && event.shiftKey) || (mod && key === 'y')) {
        event.preventDefault();
        store.redo();
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        event.preventDefault();
        actions.deleteSelection();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}

/** Asks before the page is closed or reloaded with unsaved changes. */
export function useUnloadGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!documentDirty(editorStore.getState())) return;
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
