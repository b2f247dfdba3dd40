import { pickText } from '../../../engine/editor';
import { LOGIC_STRINGS } from '../i18n/logic-strings';
import { useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { RenameButton } from './RenameButton';

/** Props of {@link StepMeasures}. */
export interface StepMeasuresProps {
  stepId: string;
}

/** The measures the step's follow-ups record, each with "Rename…" (measures have no panel of their own). */
export function StepMeasures({ stepId }: StepMeasuresProps) {
  const t = useT();
  const pathway = useEditor((s) => s.pathway);
  const language = useEditor((s) => s.language);
  const step = pathway?.steps.find((s) => s.id === stepId);
  if (pathway === null || step === undefined) return null;
  const ids = [...new Set(step.followUps.flatMap((f) => f.measures))];
  const measures = pathway.measures.filter((m) => ids.includes(m.id));
  if (measures.length === 0) return null;
  const w = LOGIC_STRINGS[language];
  return (
    <section data-testid="step-measures">
      <h3>{t.measures}</h3>
      <ul>
        {measures.map((m) => (
          <li key={m.id}>
            <code>{m.id}</code> {pickText(m.title, language)}{' '}
            <RenameButton kind="measure" name={m.id} label={w.measureActions(m.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
