import type { Alert } from '../../../engine/editor';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { ConditionEditor } from '../conditions/ConditionEditor';
import { TextsField } from './TextsField';
import { RenameButton } from '../dialogs/RenameButton';

/** Props of {@link AlertPanel}. */
export interface AlertPanelProps {
  id: string;
}

/** Edits an alert: severity, message template and condition. */
export function AlertPanel({ id }: AlertPanelProps) {
  const t = useT();
  const pathway = useEditor((s) => s.pathway);
  const readOnly = useEditor((s) => s.readOnly);
  if (pathway === null) return null;
  const index = pathway.alerts.findIndex((a) => a.id === id);
  const alert = pathway.alerts[index];
  if (alert === undefined) return null;
  const change = (fn: (a: Alert) => Alert, gesture: string | null = null): void =>
    editorStore.getState().edit(
      (d) => ({
        ...d,
        pathway: { ...d.pathway, alerts: d.pathway.alerts.map((a) => (a.id === id ? fn(a) : a)) },
      }),
      gesture,
    );
  return (
    <div className="panel-body" data-testid="alert-panel">
      <h2>{id}</h2>
      <RenameButton kind="alert" name={id} />
      <label className="field-row" data-path={`alerts[${index}].severity`}>
        {t.severity}
        <select
          value={alert.severity}
          disabled={readOnly}
          onChange={(e) => change((a) => ({ ...a, severity: e.target.value as Alert['severity'] }))}
        >
          <option value="critical">{t.severities.critical}</option>
          <option value="warning">{t.severities.warning}</option>
          <option value="info">{t.severities.info}</option>
        </select>
      </label>
      <TextsField
        label={t.message}
        value={alert.message}
        path={`alerts[${index}].message`}
        readOnly={readOnly}
        multiline
        onChange={(message) => change((a) => ({ ...a, message }), `alerts[${index}].message`)}
      />
      <h3>{t.condition}</h3>
      <ConditionEditor target={{ kind: 'alert', id }} />
      {!readOnly && (
        <p>
          <button
            type="button"
            className="danger"
            data-testid="remove-alert"
            onClick={() => editorStore.getState().removeAlert(id)}
          >
            {t.removeAlert}
          </button>
        </p>
      )}
    </div>
  );
}
