import { memo, useContext } from 'react';
import type { StepDetailsData } from '../model/flow';
import { useCanvasWords, ZoomBandContext } from './canvas-view';

/** The step's description and its number of actions and follow-ups. */
function StepDetailsBody({ id, details }: { id: string; details: StepDetailsData }) {
  const { t } = useCanvasWords();
  return (
    <div className="step-details" data-testid={`step-details-${id}`}>
      {details.description !== '' && <p className="step-description">{details.description}</p>}
      <p className="step-counts">
        {t.actions}: {details.actions} · {t.followUps}: {details.followUps}
      </p>
    </div>
  );
}

/**
 * Details a step shows only when zoomed in (semantic zoom, band `detail`). Below that band
 * nothing is mounted, so the details cost nothing while the whole pathway is in view.
 */
function StepDetailsView({ id, details }: { id: string; details: StepDetailsData }) {
  const shown = useContext(ZoomBandContext) === 'detail';
  return shown ? <StepDetailsBody id={id} details={details} /> : null;
}

/** Memoised: its props are an id and the details object (kept while unchanged). */
export const StepDetails = memo(StepDetailsView);
