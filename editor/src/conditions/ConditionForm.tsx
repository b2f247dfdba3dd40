import type { Pathway } from '../../../engine/index';
import { groupKind, type Condition } from '../../../engine/editor';
import { useT } from '../store/hooks';
import { ConditionNodeEditor } from './ConditionNodeEditor';

/** Props of {@link ConditionForm}. */
export interface ConditionFormProps {
  pathway: Pathway;
  condition: Condition;
  path: string;
  readOnly: boolean;
  onChange(condition: Condition): void;
}

/**
 * The form builder. A single comparison at the root can be turned into a group, so that
 * "and"/"or" are always one click away.
 */
export function ConditionForm({
  pathway,
  condition,
  path,
  readOnly,
  onChange,
}: ConditionFormProps) {
  const t = useT();
  const grouped = groupKind(condition) !== undefined;
  return (
    <div className="condition-form" data-testid="condition-form">
      <ConditionNodeEditor
        pathway={pathway}
        condition={condition}
        path={path}
        readOnly={readOnly}
        onChange={onChange}
      />
      {!grouped && !readOnly && (
        <div className="cond-add">
          <button type="button" onClick={() => onChange({ all: [condition] })}>
            {t.groupAll}
          </button>
          <button type="button" onClick={() => onChange({ any: [condition] })}>
            {t.groupAny}
          </button>
          <button type="button" onClick={() => onChange({ not: condition })}>
            {t.groupNot}
          </button>
        </div>
      )}
    </div>
  );
}
