/**
 * Hooks the views share (canvas, panels, condition editors, the app): the interface words and
 * the document's problems. They live with the store they read, below the views, so that no
 * view imports from app/ (which imports the views).
 */
import { useMemo } from 'react';
import { STRINGS, type Strings } from '../i18n/strings';
import type { Problem } from '../model/problems';
import { useEditor } from './store';

/** The interface strings in the chosen language. */
export function useT(): Strings {
  return STRINGS[useEditor((s) => s.language)];
}

/**
 * The document's problems (schema, lint) plus an unparsable JSON condition being edited. They
 * are those of the last document checked (store/problems.ts): after an edit, the previous
 * document's until the check that follows the next paint.
 */
export function useProblems(): Problem[] {
  const checked = useEditor((s) => s.checked);
  const jsonError = useEditor((s) => s.jsonError);
  return useMemo(() => {
    const problems = checked?.problems ?? [];
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
  }, [checked, jsonError]);
}
