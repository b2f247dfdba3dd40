import type { Pathway } from '../../../engine/index';
import {
  conditionChildren,
  groupKind,
  isLeaf,
  isReference,
  makeGroup,
  pickText,
  type Condition,
  type GroupKind,
  type LeafCondition,
} from '../../../engine/editor';
import { placeholderCondition } from '../model/edit';
import { useT } from '../store/hooks';
import { useEditor } from '../store/store';
import { LeafEditor } from './LeafEditor';

/** Props of {@link ConditionNodeEditor}. */
export interface ConditionNodeEditorProps {
  pathway: Pathway;
  condition: Condition;
  /** Schema path of this node (e.g. `steps[0].transitions[1].when.all[2]`). */
  path: string;
  readOnly: boolean;
  onChange(condition: Condition): void;
  /** Removes this node from its group; absent for the root. */
  onRemove?: () => void;
}

/** One node of a condition tree: an all/any/not group, a named condition or a comparison. */
export function ConditionNodeEditor({
  pathway,
  condition,
  path,
  readOnly,
  onChange,
  onRemove,
}: ConditionNodeEditorProps) {
  const t = useT();
  const language = useEditor((s) => s.language);
  const remove =
    onRemove === undefined || readOnly ? null : (
      <button
        type="button"
        className="remove"
        aria-label={t.remove}
        title={t.remove}
        onClick={onRemove}
      >
        ✕
      </button>
    );

  if (isReference(condition)) {
    // A named condition by its label in the UI language, with the name it is referred to by.
    const namedTitle = (c: Pathway['conditions'][number]): string => {
      const label = pickText(c.label, language);
      return label === '' ? c.name : `${label} (${c.name})`;
    };
    return (
      <div className="cond-node named" data-path={path}>
        <span className="cond-tag">{t.named}</span>
        <select
          aria-label={t.named}
          data-path={`${path}.condition`}
          disabled={readOnly}
          value={condition.condition}
          onChange={(e) => onChange({ condition: e.target.value })}
        >
          {!pathway.conditions.some((c) => c.name === condition.condition) && (
            <option value={condition.condition}>{condition.condition} ?</option>
          )}
          {pathway.conditions.map((c) => (
            <option key={c.name} value={c.name}>
              {namedTitle(c)}
            </option>
          ))}
        </select>
        {remove}
      </div>
    );
  }

  if (isLeaf(condition)) {
    return (
      <div className="cond-node leaf">
        <LeafEditor
          pathway={pathway}
          leaf={condition}
          path={path}
          readOnly={readOnly}
          onChange={(leaf: LeafCondition) => onChange(leaf)}
        />
        {remove}
      </div>
    );
  }

  // Neither a reference nor a leaf: a group, the only kind left.
  const kind = groupKind(condition) ?? 'all';
  const children = conditionChildren(condition);
  const rebuild = (kindNow: GroupKind, list: readonly Condition[]): Condition =>
    makeGroup(
      kindNow,
      kindNow === 'not' && list.length === 0 ? [placeholderCondition(pathway)] : list,
    );
  const setChild = (i: number, child: Condition): void =>
    onChange(
      rebuild(
        kind,
        children.map((c, k) => (k === i ? child : c)),
      ),
    );
  const removeChild = (i: number): void => {
    const rest = children.filter((_, k) => k !== i);
    // An empty group is not allowed by the schema: removing its last part removes the group.
    if (rest.length === 0) onRemove?.();
    else onChange(rebuild(kind, rest));
  };
  const add = (child: Condition): void =>
    onChange(
      kind === 'not'
        ? { not: { all: [children[0] ?? child, child] } }
        : rebuild(kind, [...children, child]),
    );
  const titles: Record<GroupKind, string> = { all: t.groupAll, any: t.groupAny, not: t.groupNot };

  return (
    <div className={`cond-node group ${kind}`} data-path={path}>
      <div className="cond-group-head">
        <select
          aria-label={t.condition}
          data-path={`${path}.kind`}
          data-testid={`${path}.kind`}
          disabled={readOnly}
          value={kind}
          onChange={(e) => onChange(rebuild(e.target.value as GroupKind, children))}
        >
          {(['all', 'any', 'not'] as const).map((k) => (
            <option key={k} value={k}>
              {titles[k]}
            </option>
          ))}
        </select>
        {remove}
      </div>
      <div className="cond-children">
        {children.map((child, i) => (
          <ConditionNodeEditor
            key={i}
            pathway={pathway}
            condition={child}
            path={kind === 'not' ? `${path}.not` : `${path}.${kind}[${i}]`}
            readOnly={readOnly}
            onChange={(c) => setChild(i, c)}
            onRemove={() => removeChild(i)}
          />
        ))}
      </div>
      {!readOnly && (
        <div className="cond-add">
          <button type="button" onClick={() => add(placeholderCondition(pathway))}>
            {t.addRule}
          </button>
          <button type="button" onClick={() => add({ all: [placeholderCondition(pathway)] })}>
            {t.addGroup}
          </button>
          {pathway.conditions.length > 0 && (
            <button
              type="button"
              onClick={() => add({ condition: pathway.conditions[0]?.name ?? '' })}
            >
              {t.addNamed}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
