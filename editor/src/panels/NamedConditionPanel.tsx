import { useEditor } from '../store/store';
import { editorStore } from '../store/store';
import { useT } from '../store/hooks';
import { ConditionEditor } from '../conditions/ConditionEditor';
import { TextsField } from './TextsField';
import { RenameButton } from '../dialogs/RenameButton';
import { useGapsT } from '../dialogs/use-gaps-words';
import { pickText, type NamedCondition } from '../../../engine/editor';

/** Props of {@link NamedConditionPanel}. */
export interface NamedConditionPanelProps {
  name: string;
}

/** Edits a named condition: its label (sv/da/en), description and condition. */
export function NamedConditionPanel({ name }: NamedConditionPanelProps) {
  const t = useT();
  const g = useGapsT();
  const language = useEditor((s) => s.language);
  const pathway = useEditor((s) => s.pathway);
  const readOnly = useEditor((s) => s.readOnly);
  if (pathway === null) return null;
  const index = pathway.conditions.findIndex((c) => c.name === name);
  const named = pathway.conditions[index];
  if (named === undefined) return null;
  const label = pickText(named.label, language);
  const change = (field: 'label' | 'description', texts: NamedCondition['label']): void =>
    editorStore.getState().edit(
      (d) => ({
        ...d,
        pathway: {
          ...d.pathway,
          conditions: d.pathway.conditions.map((c): NamedCondition => {
            if (c.name !== name) return c;
            const next = { ...c };
            // An optional text emptied in every language is removed, not left as `{}`.
            if (texts === undefined || Object.keys(texts).length === 0) delete next[field];
            else next[field] = texts;
            return next;
          }),
        },
      }),
      `conditions[${index}].${field}`,
    );
  return (
    <div className="panel-body" data-testid="named-panel">
      <h2>
        {t.named}: {label === '' ? name : label}
        {label !== '' && (
          <>
            {' '}
            <code>{name}</code>
          </>
        )}
      </h2>
      <RenameButton kind="condition" name={name} />
      <TextsField
        label={g.conditionLabel}
        value={named.label}
        path={`conditions[${index}].label`}
        readOnly={readOnly}
        onChange={(texts) => change('label', texts)}
      />
      <TextsField
        label={t.description}
        value={named.description}
        path={`conditions[${index}].description`}
        readOnly={readOnly}
        multiline
        onChange={(texts) => change('description', texts)}
      />
      <h3>{t.condition}</h3>
      <ConditionEditor target={{ kind: 'named', name }} />
      {!readOnly && (
        <p>
          <button
            type="button"
            className="danger"
            data-testid="remove-condition"
            onClick={() => editorStore.getState().removeNamedCondition(name)}
          >
            {t.removeNamedCondition}
          </button>
        </p>
      )}
    </div>
  );
}
