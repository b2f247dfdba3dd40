/** The app's own hooks: test runs after edits, keyboard shortcuts, the unload guard. */
import { useEffect } from 'react';
import { editorStore, useEditor } from '../store/store';
import { documentDirty } from '../store/compare';
import { problemsKnown } from '../store/problems';

/** Re-runs the test patients shortly after the document stops changing. */
export function useAutoRun(delayMs = 250): void {
  const pathway = useEditor((s) => s.pathway);
  const scenarios = useEditor((s) => s.scenarios);
  const patientEdits = useEditor((s) => s.patientEdits);
  // Copies made by a rename run at once, before they are saved.
  const copies = useEditor((s) => s.scenarioCopies);
  useEffect(() => {
    if (pathway === null) return;
    const timer = window.setTimeout(() => void editorStore.getState().runAll(), delayMs);
    return () => window.clearTimeout(timer);
  }, [pathway, scenarios, patientEdits, copies, delayMs]);
}

/**
 * Checks the document (schema and lint, store/problems.ts) once the browser has painted it:
 * after the next animation frame, in a task of its own. A new edit before then moves the
 * check after its own paint, so typing runs the checks once it pauses, not per keystroke
 * while a frame is still due. A document checked before (undo) is shown at once.
 */
export function useDeferredChecks(): void {
  const pathway = useEditor((s) => s.pathway);
  useEffect(() => {
    if (pathway === null) return;
    const store = editorStore.getState();
    if (problemsKnown(pathway)) {
      store.checkDocument();
      return;
    }
    let timer: number | undefined;
    const frame = window.requestAnimationFrame(() => {
      timer = window.setTimeout(() => editorStore.getState().checkDocument(), 0);
    });
    return () => {
      window.cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [pathway]);
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
