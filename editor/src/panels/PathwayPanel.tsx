import {
  type Alert,
  type Fact,
  formatUnit,
  pickText,
  summarizeCondition,
} from '../../../engine/editor';
import { checkNewName, FACT_TYPE_CHOICES, SEVERITIES } from '../model/dictionary';
import { factRangeText } from '../model/facts';
import { sidelistStrings } from '../i18n/sidelist-strings';
import { STRINGS } from '../i18n/strings';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { AddEntryForm } from './AddEntryForm';
import { DiffBadge } from './DiffBadge';
import { FollowUpsSection } from './FollowUpsSection';
import { TextsField } from './TextsField';

/** Names only the older version has, for the "removed" lines of the compare view. */
function removed(marks: ReadonlyMap<string, string> | undefined): string[] {
  return [...(marks ?? [])].filter(([, mark]) => mark === 'removed').map(([name]) => name);
}

/**
 * The pathway as a whole, shown when nothing is selected: title, and the named conditions,
 * alerts and facts, each with a form to add one. In the compare view each line carries its
 * change, and removed entries are listed struck through.
 */
export function PathwayPanel() {
  const t = useT();
  const pathway = useEditor((s) => s.pathway);
  const readOnly = useEditor((s) => s.readOnly);
  const language = useEditor((s) => s.language);
  const marks = useEditor((s) => s.compare?.marks);
  if (pathway === null) return null;
  const store = editorStore.getState;
  const select = store().select;
  const check = (kind: 'fact' | 'condition' | 'alert') => (name: string) =>
    checkNewName(pathway, kind, name);
  const gone = (names: string[]) =>
    names.map((name) => (
      <li key={`removed-${name}`} className="removed-entry" data-testid={`removed-${name}`}>
        <DiffBadge mark="removed" /> <s>{name}</s>
      </li>
    ));
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
          store().edit((d) => ({ ...d, pathway: { ...d.pathway, title } }), 'title')
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
              <DiffBadge mark={marks?.conditions.get(c.name)} />{' '}
              <strong>{pickText(c.label, language) || c.name}</strong>:{' '}
              {summarizeCondition(pathway, c.when, language)}
            </button>
          </li>
        ))}
        {gone(removed(marks?.conditions))}
      </ul>
      {!readOnly && (
        <AddEntryForm
          testId="condition"
          label={t.addNamedCondition}
          check={check('condition')}
          onAdd={(name) => store().addNamedCondition(name)}
        />
      )}
      <h3>{t.alerts}</h3>
      <ul className="plain-list">
        {pathway.alerts.map((a) => (
          <li key={a.id} data-testid={`alert-item-${a.id}`} data-diff={marks?.alerts.get(a.id)}>
            <button
              type="button"
              className="link"
              data-testid={`alert-${a.id}`}
              onClick={() => select({ kind: 'alert', id: a.id })}
            >
              <DiffBadge mark={marks?.alerts.get(a.id)} />{' '}
              <span className={`severity ${a.severity}`}>{t.severities[a.severity]}</span> {a.id}
            </button>
          </li>
        ))}
        {gone(removed(marks?.alerts))}
      </ul>
      {!readOnly && (
        <AddEntryForm
          testId="alert"
          label={t.addAlert}
          choices={SEVERITIES.map((s) => ({ value: s, label: t.severities[s] }))}
          check={check('alert')}
          onAdd={(id, severity) =>
            store().addAlert(id, severity as Alert['severity'], {
              sv: STRINGS.sv.newAlertMessage,
              en: STRINGS.en.newAlertMessage,
            })
          }
        />
      )}
      <FollowUpsSection
        stepId={null}
        heading={sidelistStrings(language).pathwayFollowUps}
        addLabel={sidelistStrings(language).addPathwayFollowUp}
      />
      <h3>{t.facts}</h3>
      <ul className="plain-list">
        {pathway.facts.map((f) => (
          <li key={f.name}>
            <button
              type="button"
              className="link"
              data-testid={`fact-${f.name}`}
              onClick={() => select({ kind: 'fact', name: f.name })}
            >
              <DiffBadge mark={marks?.facts.get(f.name)} />{' '}
              <strong>{pickText(f.label, language) || f.name}</strong> <code>{f.name}</code> ·{' '}
              {t.factTypes[f.type]}
              {f.unit !== undefined && ` · ${formatUnit(f.unit, language)}`}
              {factRangeText(f) !== '' && ` · ${factRangeText(f)}`}
            </button>
          </li>
        ))}
        {gone(removed(marks?.facts))}
      </ul>
      {!readOnly && (
        <AddEntryForm
          testId="fact"
          label={t.addFact}
          choices={FACT_TYPE_CHOICES.map((type) => ({ value: type, label: t.factTypes[type] }))}
          check={check('fact')}
          onAdd={(name, type) => store().addFact(name, type as Fact['type'])}
        />
      )}
    </div>
  );
}
