import { pickText } from '../../../engine/model/texts';
import { summarizeCondition } from '../../../engine/evaluate/summary';
import { factRangeText } from '../model/facts';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../app/hooks';
import { TextsField } from './TextsField';

/** The pathway as a whole, shown when nothing is selected: title, facts, named conditions, alerts. */
export function PathwayPanel() {
  const t = useT();
  const pathway = useEditor((s) => s.pathway);
  const readOnly = useEditor((s) => s.readOnly);
  const language = useEditor((s) => s.language);
  if (pathway === null) return null;
  const select = editorStore.getState().select;
  return (
    <div className="panel-body" data-testid="pathway-panel">
      <h2>
        {t.pathwaySettings}: {pathway.id} {pathway.version}
      </h2>
      <TextsField
        label={t.title}
        value={pathway.title}
        path="title"
        readOnly={readOnly}
        onChange={(title) =>
          editorStore.getState().edit((d) => ({ ...d, pathway: { ...d.pathway, title } }), 'title')
        }
      />
      <h3>{t.namedConditions}</h3>
      <ul className="plain-list">
        {pathway.conditions.map((c) => (
          <li key={c.name}>
            <button
              type="button"
              className="link"
              data-testid={`named-${c.name}`}
              onClick={() => select({ kind: 'named', name: c.name })}
            >
              <strong>{c.name}</strong>: {summarizeCondition(pathway, c.when, language)}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t.alerts}</h3>
      <ul className="plain-list">
        {pathway.alerts.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="link"
              data-testid={`alert-${a.id}`}
              onClick={() => select({ kind: 'alert', id: a.id })}
            >
              <span className={`severity ${a.severity}`}>{a.severity}</span> {a.id}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t.facts}</h3>
      <ul className="plain-list">
        {pathway.facts.map((f) => (
          <li key={f.name}>
            <button
              type="button"
              className="link"
              onClick={() => select({ kind: 'fact', name: f.name })}
            >
              <strong>{pickText(f.label, language) || f.name}</strong> <code>{f.name}</code> ·{' '}
              {f.type}
              {f.unit !== undefined && ` · ${f.unit}`}
              {factRangeText(f) !== '' && ` · ${factRangeText(f)}`}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
