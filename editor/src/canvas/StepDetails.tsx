import { memo } from 'react';
import { pickText } from '../../../engine/editor';
import { useEditor } from '../store/store';
import { useT } from '../store/hooks';

/** The step's description and its number of actions and follow-ups. */
function StepDetailsBody({ id }: { id: string }) {
  const t = useT();
  const language = useEditor((s) => s.language);
  const step = useEditor((s) => s.pathway?.steps.find((x) => x.id === id));
  if (step === undefined) return null;
  const description = step.description === undefined ? '' : pickText(step.description, language);
  return (
    <div className="step-details" data-testid={`step-details-${id}`}>
      {description !== '' && <p className="step-description">{description}</p>}
      <p className="step-counts">
        {t.actions}: {step.actions.length} · {t.followUps}: {step.followUps.length}
      </p>
    </div>
  );
}

/**
 * Details a step shows only when zoomed in (semantic zoom, band `detail`). Below that band
 * nothing is mounted, so the details cost nothing while the whole pathway is in view.
 */
function StepDetailsView({ id }: { id: string }) {
  const shown = useEditor((s) => s.zoomBand === 'detail');
  return shown ? <StepDetailsBody id={id} /> : null;
}

/** Memoised: its props are one id. */
export const StepDetails = memo(StepDetailsView);
