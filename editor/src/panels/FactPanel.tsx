import type { Fact } from '../../../engine/editor';
import { FACT_TYPE_CHOICES, parseValues, SOURCE_KINDS, updateFact } from '../model/dictionary';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { TextsField } from './TextsField';
import { RenameButton } from '../dialogs/RenameButton';

/** Props of {@link FactPanel}. */
export interface FactPanelProps {
  name: string;
}

function rangeBound(text: string): number | undefined {
  return text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text);
}

/**
 * Edits one entry of the fact dictionary: type, labels, unit, range, allowed values and
 * where the value comes from; removes it. A fact still named by conditions can be removed:
 * the problems panel then lists every place as unknown-fact, and undo brings it back.
 */
export function FactPanel({ name }: FactPanelProps) {
  const t = useT();
  const pathway = useEditor((s) => s.pathway);
  const readOnly = useEditor((s) => s.readOnly);
  if (pathway === null) return null;
  const index = pathway.facts.findIndex((f) => f.name === name);
  const fact = pathway.facts[index];
  if (fact === undefined) return null;
  const base = `facts[${index}]`;
  const change = (fn: (f: Fact) => Fact, gesture: string | null = null): void =>
    editorStore
      .getState()
      .edit((d) => ({ ...d, pathway: updateFact(d.pathway, name, fn) }), gesture);
  const setRange = (key: 'min' | 'max', text: string): void =>
    change((f) => {
      const range: NonNullable<Fact['range']> = { ...(f.range ?? {}) };
      const value = rangeBound(text);
      if (value === undefined) delete range[key];
      else range[key] = value;
      const next: Fact = { ...f, range };
      if (range.min === undefined && range.max === undefined) delete next.range;
      return next;
    }, `${base}.range.${key}`);
  return (
    <div className="panel-body" data-testid="fact-panel">
      <h2>
        <code>{name}</code>
      </h2>
      <RenameButton kind="fact" name={name} />
      <label className="field-row" data-path={`${base}.type`}>
        {t.factType}
        <select
          data-testid="fact-type"
          value={fact.type}
          disabled={readOnly}
          onChange={(e) => {
            const type = FACT_TYPE_CHOICES.find((c) => c === e.target.value);
            if (type !== undefined) change((f) => ({ ...f, type }));
          }}
        >
          {FACT_TYPE_CHOICES.map((type) => (
            <option key={type} value={type}>
              {t.factTypes[type]}
            </option>
          ))}
        </select>
        {fact.derived !== undefined && <span className="muted"> ƒ {fact.derived.kind}</span>}
      </label>
      <TextsField
        label={t.label}
        value={fact.label}
        path={`${base}.label`}
        readOnly={readOnly}
        onChange={(label) => change((f) => ({ ...f, label }), `${base}.label`)}
      />
      <label className="field-row" data-path={`${base}.unit`}>
        {t.unit}
        <input
          value={fact.unit ?? ''}
          disabled={readOnly}
          onChange={(e) =>
            change((f) => {
              const next: Fact = { ...f, unit: e.target.value };
              if (e.target.value === '') delete next.unit;
              return next;
            }, `${base}.unit`)
          }
        />
      </label>
      <label className="field-row" data-path={`${base}.source`}>
        {t.source}
        <select
          data-testid="fact-source"
          value={fact.source?.kind ?? ''}
          disabled={readOnly}
          onChange={(e) => {
            const kind = SOURCE_KINDS.find((k) => k === e.target.value);
            change((f) => {
              const next: Fact = { ...f };
              // Changing the kind keeps the rest of the source (texts, FHIR mapping).
              if (kind === undefined) delete next.source;
              else next.source = { ...(f.source ?? {}), kind };
              return next;
            });
          }}
        >
          <option value="">{t.noSource}</option>
          {SOURCE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t.sourceKinds[kind]}
            </option>
          ))}
        </select>
      </label>
      {(fact.type === 'string' || fact.type === 'string[]' || fact.values !== undefined) && (
        <label className="field-row" data-path={`${base}.values`}>
          {t.values}
          <input
            data-testid="fact-values"
            // Typed text is parsed on leaving the field: "a, " mid-typing is not a value list yet.
            defaultValue={fact.values?.join(', ') ?? ''}
            disabled={readOnly}
            onBlur={(e) =>
              change((f) => {
                const values = parseValues(e.target.value, f.type);
                const next: Fact = { ...f, values };
                if (values.length === 0) delete next.values;
                return next;
              })
            }
          />
        </label>
      )}
      {(fact.type === 'integer' || fact.type === 'number') && (
        <div className="field-row" data-path={`${base}.range`}>
          {t.range}
          <input
            aria-label="min"
            defaultValue={fact.range?.min ?? ''}
            disabled={readOnly}
            onBlur={(e) => setRange('min', e.target.value)}
          />
          –
          <input
            aria-label="max"
            defaultValue={fact.range?.max ?? ''}
            disabled={readOnly}
            onBlur={(e) => setRange('max', e.target.value)}
          />
        </div>
      )}
      {!readOnly && (
        <p>
          <button
            type="button"
            className="danger"
            data-testid="remove-fact"
            onClick={() => editorStore.getState().removeFact(name)}
          >
            {t.removeFact}
          </button>
        </p>
      )}
    </div>
  );
}
