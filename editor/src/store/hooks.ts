/**
 * Hooks the views share (canvas, panels, condition editors, the app): the interface words and
 * the document's problems. They live with the store they read, below the views, so that no
 * view imports from app/ (which imports the views).
 */
import { useDeferredValue, useMemo } from 'react';
import { STRINGS, type Strings } from '../i18n/strings';
import { computeProblems, type Problem } from '../model/problems';
import { useEditor } from './store';
import type { Pathway } from '../../../engine/index';

/** The interface strings in the chosen language. */
export function useT(): Strings {
  return STRINGS[useEditor((s) => s.language)];
}

// Problems are computed once per document object: the canvas, the problems panel and the
// side panel all ask for them, and a document is immutable.
const problemCache = new WeakMap<Pathway, Problem[]>();

/**
 * The document's problems (schema, lint) plus an unparsable JSON condition being edited.
 * They follow the document one render behind (React's deferred value): checking a large
 * pathway takes longer than a frame, so the canvas is drawn first and the problems arrive in
 * a render of their own, which a keystroke or a drag may interrupt.
 */
export function useProblems(): Problem[] {
  const pathway = useDeferredValue(useEditor((s) => s.pathway));
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
