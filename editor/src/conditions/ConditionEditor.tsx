import type JsonEditorComponent from './JsonEditor';
import { lazy, Suspense, useMemo } from 'react';
import { type Condition, isNeverTrue } from '../../../engine/editor';
import { conditionJsonSchema, parseConditionText } from '../model/condition-json';
import {
  conditionPath,
  getCondition,
  placeholderCondition,
  setCondition,
  type ConditionTarget,
} from '../model/edit';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { ConditionForm } from './ConditionForm';
import { IncompleteCondition } from './IncompleteCondition';

// Monaco is a large download: it loads when the JSON view is first opened (or when idle).
// The cast keeps the component generic (lazy() drops type parameters).
const JsonEditor = lazy(() => import('./JsonEditor')) as unknown as typeof JsonEditorComponent;

/** Props of {@link ConditionEditor}. */
export interface ConditionEditorProps {
  target: ConditionTarget;
}

/** A condition, edited in the form builder or as JSON; both views edit the same document. */
export function ConditionEditor({ target }: ConditionEditorProps) {
  const t = useT();
  const pathway = useEditor((s) => s.pathway);
  const readOnly = useEditor((s) => s.readOnly);
  const view = useEditor((s) => s.conditionView);
  const language = useEditor((s) => s.language);
  const facts = pathway?.facts;
  const conditions = pathway?.conditions;
  // The schema only depends on the dictionary and the named conditions, not on each edit.
  const schema = useMemo(
    () =>
      pathway === null
        ? null
        : {
            uri: 'vardprogram://schemas/condition.json',
            fileMatch: ['condition-*.json'],
            schema: conditionJsonSchema(pathway, language),
          },
    [facts, conditions, language],
  );
  if (pathway === null || schema === null) return null;
  const condition = getCondition(pathway, target);
  if (condition === undefined) return null;
  const path = conditionPath(pathway, target);
  const change = (next: Condition): void =>
    editorStore
      .getState()
      .edit((d) => ({ ...d, pathway: setCondition(d.pathway, target, next) }), path);
  const setView = editorStore.getState().setConditionView;

  return (
    <section className="condition-editor" data-path={path}>
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={view === 'form'}
          data-testid="condition-tab-form"
          onClick={() => setView('form')}
        >
          {t.formView}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'json'}
          data-testid="condition-tab-json"
          onClick={() => setView('json')}
        >
          {t.jsonView}
        </button>
      </div>
      {view === 'form' && isNeverTrue(condition) ? (
        <IncompleteCondition
          readOnly={readOnly}
          onWrite={() => change(placeholderCondition(pathway))}
        />
      ) : view === 'form' ? (
        <ConditionForm
          pathway={pathway}
          condition={condition}
          path={path}
          readOnly={readOnly}
          onChange={change}
        />
      ) : (
        <Suspense fallback={<p className="muted">{t.loadingEditor}</p>}>
          <JsonEditor<Condition>
            value={condition}
            fileName={`condition-${path.replace(/[^\w]+/g, '-')}.json`}
            schema={schema}
            parse={parseConditionText}
            onValid={change}
            onError={(message) =>
              editorStore
                .getState()
                .setJsonError(
                  message === null ? null : { path, message: `${t.invalidJson}: ${message}` },
                )
            }
            readOnly={readOnly}
            testId="condition-json"
          />
        </Suspense>
      )}
    </section>
  );
}
