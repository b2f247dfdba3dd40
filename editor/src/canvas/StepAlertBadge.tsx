import { memo } from 'react';
import { useCanvasWords } from './canvas-view';

/**
 * The number of alerts whose condition names this step, on the step's node (counted once per
 * document by the canvas, step-alerts.ts).
 */
function StepAlertBadgeView({ id, count }: { id: string; count: number }) {
  const { t } = useCanvasWords();
  return (
    <span
      className="step-badge alerts"
      data-testid={`step-alerts-${id}`}
      title={t.stepAlerts(count)}
    >
      ⚠ {count}
    </span>
  );
}

/** Memoised: its props are an id and a number. */
export const StepAlertBadge = memo(StepAlertBadgeView);
