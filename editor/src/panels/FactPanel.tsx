import type { Fact } from '../../../engine/model/types';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../app/hooks';
import { TextsField } from './TextsField';

/** Props of {@link FactPanel}. */
export interface FactPanelProps {
  name: string;
}

function rangeBound(text: string): number | undefined {
  return text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text);
}

/** Edits one entry of the fact dictionary: label, unit and range (type and derivation are shown). */
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
    editorStore.getState().edit(
      (d) => ({
        ...d,
        pathway: {
          ...d.pathway,
          facts: d.pathway.facts.map((f) => (f.name === name ? fn(f) : f)),
        },
      }),
      gesture,
    );
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
      <p>
        {t.factType}: {fact.type}
        {fact.derived !== undefined && ` · ƒ ${fact.derived.kind}`}
      </p>
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
    </div>
  );
}
