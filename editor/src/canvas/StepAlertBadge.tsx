import { memo } from 'react';
import { useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { stepAlerts } from './step-alerts';

/**
 * The number of alerts whose condition names this step, on the step's node. Reads one number
 * (cached per document), so a drag, which leaves the document as it is, never re-renders it.
 */
function StepAlertBadgeView({ id }: { id: string }) {
  const t = useT();
  const count = useEditor((s) =>
    s.pathway === null ? 0 : (stepAlerts(s.pathway).byStep.get(id) ?? 0),
  );
  if (count === 0) return null;
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

/** Memoised: its props are one id. */
export const StepAlertBadge = memo(StepAlertBadgeView);
