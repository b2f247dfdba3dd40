import { sidelistStrings } from '../i18n/sidelist-strings';
import { newCondition } from '../model/edit';
import { addFollowUp, followUpPath } from '../model/follow-ups';
import { editorStore, useEditor } from '../store/store';
import { FollowUpForm } from './FollowUpForm';

/** Props of {@link FollowUpsSection}. */
export interface FollowUpsSectionProps {
  /** The step whose follow-ups are edited, or null for the pathway-level ones. */
  stepId: string | null;
  heading: string;
  addLabel: string;
}

/**
 * A step's follow-ups, or the pathway's own (condition-based ones such as the opioid review),
 * each in a {@link FollowUpForm}, with a button that adds one. A step's new follow-up is
 * scheduled six weeks after entry; a pathway-level one has no step to count from and starts
 * with a due condition, the same placeholder a new transition gets.
 */
export function FollowUpsSection({ stepId, heading, addLabel }: FollowUpsSectionProps) {
  const language = useEditor((s) => s.language);
  const readOnly = useEditor((s) => s.readOnly);
  const pathway = useEditor((s) => s.pathway);
  if (pathway === null) return null;
  const list =
    stepId === null ? pathway.followUps : pathway.steps.find((s) => s.id === stepId)?.followUps;
  if (list === undefined) return null;
  const w = sidelistStrings(language);
  const firstMeasure = pathway.measures[0]?.id;
  const testId = stepId === null ? 'pathway-follow-ups' : 'step-follow-ups';

  const add = (): void => {
    if (firstMeasure === undefined) return;
    const store = editorStore.getState();
    let where: string | null = null;
    store.edit((d) => {
      const made = addFollowUp(d.pathway, stepId, {
        // The title is a pathway text: written in every language the editor has words for.
        title: {
          sv: sidelistStrings('sv').newFollowUpTitle,
          da: sidelistStrings('da').newFollowUpTitle,
          en: sidelistStrings('en').newFollowUpTitle,
        },
        measure: firstMeasure,
        ...(stepId === null ? { dueWhen: newCondition() } : {}),
      });
      if (made === undefined) return d;
      where = followUpPath(made.pathway, made.ref);
      return { ...d, pathway: made.pathway };
    });
    // Opens the new follow-up's form and focuses its first field.
    if (where !== null) store.select(store.selection, `${where}.title`);
  };

  return (
    <section className="follow-ups" data-testid={testId}>
      <h3>{heading}</h3>
      {list.map((f, index) => (
        <FollowUpForm key={`${index}-${f.id}`} at={{ stepId, index }} />
      ))}
      {list.length === 0 && <p className="muted small">{w.none}</p>}
      {firstMeasure === undefined ? (
        <p className="muted small">{w.noMeasures}</p>
      ) : (
        <button type="button" data-testid={`${testId}-add`} disabled={readOnly} onClick={add}>
          {addLabel}
        </button>
      )}
    </section>
  );
}
