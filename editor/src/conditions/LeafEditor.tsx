import type { Pathway } from '../../../engine/index';
import {
  formatUnit,
  type LeafCondition,
  type Operator,
  OPERATORS,
  pickText,
} from '../../../engine/editor';
import { defaultValue, factRangeText, operatorsFor } from '../model/facts';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { NumberInput } from './NumberInput';

/** Props of {@link LeafEditor}. */
export interface LeafEditorProps {
  pathway: Pathway;
  leaf: LeafCondition;
  path: string;
  readOnly: boolean;
  onChange(leaf: LeafCondition): void;
}

type Scalar = string | number | boolean;

function parseList(text: string, numeric: boolean): Scalar[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (numeric && Number.isFinite(Number(s)) ? Number(s) : s));
}

/** One comparison: a fact from the dictionary (with unit and range), an operator in words, a value. */
export function LeafEditor({ pathway, leaf, path, readOnly, onChange }: LeafEditorProps) {
  const t = useT();
  const language = useEditor((s) => s.language);
  const fact = pathway.facts.find((f) => f.name === leaf.fact);
  const numeric = fact?.type === 'integer' || fact?.type === 'number';
  const operators = operatorsFor(fact);
  if (!operators.includes(leaf.operator)) operators.push(leaf.operator);
  const endGesture = (): void => editorStore.getState().endGesture();
  const value = leaf.value;
  const byFact = typeof value === 'object' && value !== null && !Array.isArray(value);
  const range = fact === undefined ? '' : factRangeText(fact);

  let valueEditor;
  if (byFact) {
    valueEditor = (
      <select
        aria-label={t.compareWithFact}
        data-path={`${path}.value`}
        disabled={readOnly}
        value={value.fact}
        onChange={(e) => onChange({ ...leaf, value: { fact: e.target.value } })}
      >
        {pathway.facts.map((f) => (
          <option key={f.name} value={f.name}>
            {pickText(f.label, language) || f.name}
          </option>
        ))}
      </select>
    );
  } else if (Array.isArray(value)) {
    valueEditor = (
      <input
        aria-label={t.condition}
        data-path={`${path}.value`}
        data-testid={`${path}.value`}
        disabled={readOnly}
        defaultValue={value.join(', ')}
        key={value.join(',')}
        onBlur={(e) => {
          onChange({ ...leaf, value: parseList(e.target.value, numeric) });
          endGesture();
        }}
      />
    );
  } else if (typeof value === 'boolean') {
    valueEditor = (
      <select
        aria-label={t.condition}
        data-path={`${path}.value`}
        data-testid={`${path}.value`}
        disabled={readOnly}
        value={String(value)}
        onChange={(e) => onChange({ ...leaf, value: e.target.value === 'true' })}
      >
        <option value="true">{t.yes}</option>
        <option value="false">{t.no}</option>
      </select>
    );
  } else if (typeof value === 'number') {
    valueEditor = (
      <NumberInput
        label={t.condition}
        path={`${path}.value`}
        disabled={readOnly}
        value={value}
        onChange={(n) => onChange({ ...leaf, value: n })}
        onBlur={endGesture}
      />
    );
  } else if (fact?.values !== undefined && fact.values.length > 0) {
    valueEditor = (
      <select
        aria-label={t.condition}
        data-path={`${path}.value`}
        disabled={readOnly}
        value={value}
        onChange={(e) => onChange({ ...leaf, value: e.target.value })}
      >
        {[...new Set([value, ...fact.values.map(String)])].map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  } else {
    valueEditor = (
      <input
        aria-label={t.condition}
        data-path={`${path}.value`}
        disabled={readOnly}
        value={value}
        onChange={(e) => onChange({ ...leaf, value: e.target.value })}
        onBlur={endGesture}
      />
    );
  }

  return (
    <div className="leaf-editor" data-path={path}>
      <select
        aria-label={t.fact}
        data-path={`${path}.fact`}
        data-testid={`${path}.fact`}
        disabled={readOnly}
        value={leaf.fact}
        onChange={(e) => {
          const next = pathway.facts.find((f) => f.name === e.target.value);
          const ops = operatorsFor(next);
          const operator = ops.includes(leaf.operator) ? leaf.operator : (ops[0] ?? 'equal');
          onChange({ fact: e.target.value, operator, value: defaultValue(next, operator) });
        }}
      >
        {fact === undefined && <option value={leaf.fact}>{leaf.fact} ?</option>}
        {pathway.facts.map((f) => (
          <option key={f.name} value={f.name}>
            {pickText(f.label, language) || f.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t.operator}
        data-path={`${path}.operator`}
        data-testid={`${path}.operator`}
        disabled={readOnly}
        value={leaf.operator}
        onChange={(e) => {
          const operator = e.target.value as Operator;
          const keep =
            (operator === 'in' || operator === 'notIn') === Array.isArray(leaf.value) &&
            operator !== 'notEmpty' &&
            leaf.operator !== 'notEmpty';
          onChange({ ...leaf, operator, value: keep ? leaf.value : defaultValue(fact, operator) });
        }}
      >
        {operators
          .filter((op) => (OPERATORS as readonly string[]).includes(op))
          .map((op) => (
            <option key={op} value={op}>
              {t.operators[op]}
            </option>
          ))}
      </select>
      {valueEditor}
      {fact !== undefined && (
        <span className="fact-hint">
          {fact.unit !== undefined && formatUnit(fact.unit, language)}
          {fact.unit !== undefined && range !== '' && ' · '}
          {range}
          {fact.derived !== undefined && ' · ƒ'}
        </span>
      )}
      {numeric && !readOnly && (
        <label className="check small">
          <input
            type="checkbox"
            checked={byFact}
            onChange={(e) =>
              onChange({
                ...leaf,
                value: e.target.checked ? { fact: leaf.fact } : defaultValue(fact, leaf.operator),
              })
            }
          />
          {t.compareWithFact}
        </label>
      )}
    </div>
  );
}
