import { useEditor } from '../store/store';
import { editorStore } from '../store/store';
import { useT } from '../store/hooks';
import { ConditionEditor } from '../conditions/ConditionEditor';
import { TextsField } from './TextsField';
import { RenameButton } from '../dialogs/RenameButton';

/** Props of {@link NamedConditionPanel}. */
export interface NamedConditionPanelProps {
  name: string;
}

/** Edits a named condition: its description and its condition. */
export function NamedConditionPanel({ name }: NamedConditionPanelProps) {
  const t = useT();
  const pathway = useEditor((s) => s.pathway);
  const readOnly = useEditor((s) => s.readOnly);
  if (pathway === null) return null;
  const index = pathway.conditions.findIndex((c) => c.name === name);
  const named = pathway.conditions[index];
  if (named === undefined) return null;
  return (
    <div className="panel-body" data-testid="named-panel">
      <h2>
        {t.named}: {name}
      </h2>
      <RenameButton kind="condition" name={name} />
      <TextsField
        label={t.description}
        value={named.description}
        path={`conditions[${index}].description`}
        readOnly={readOnly}
        multiline
        onChange={(description) =>
          editorStore.getState().edit(
            (d) => ({
              ...d,
              pathway: {
                ...d.pathway,
                conditions: d.pathway.conditions.map((c) =>
                  c.name === name ? { ...c, description } : c,
                ),
              },
            }),
            `conditions[${index}].description`,
          )
        }
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
