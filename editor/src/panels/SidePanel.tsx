import { useEffect, useRef } from 'react';
import { useEditor } from '../store/store';
import { AlertPanel } from './AlertPanel';
import { FactPanel } from './FactPanel';
import { NamedConditionPanel } from './NamedConditionPanel';
import { PathwayPanel } from './PathwayPanel';
import { StepPanel } from './StepPanel';
import { TransitionPanel } from './TransitionPanel';

/** The field whose `data-path` is the longest prefix of `path`. */
function closestField(root: HTMLElement, path: string): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  let bestLength = -1;
  for (const el of root.querySelectorAll<HTMLElement>('[data-path]')) {
    const p = el.dataset.path ?? '';
    if (
      (path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`)) &&
      p.length > bestLength
    ) {
      best = el;
      bestLength = p.length;
    }
  }
  return best;
}

/** The editor for whatever is selected; scrolls to and focuses the field a problem named. */
export function SidePanel() {
  const selection = useEditor((s) => s.selection);
  const focusPath = useEditor((s) => s.focusPath);
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    if (focusPath === null || ref.current === null) return;
    const field = closestField(ref.current, focusPath);
    if (field === undefined) return;
    field.scrollIntoView({ block: 'center' });
    const input = field.matches('input, select, textarea')
      ? field
      : field.querySelector<HTMLElement>('input, select, textarea');
    input?.focus({ preventScroll: true });
    field.classList.add('flash');
    const timer = window.setTimeout(() => field.classList.remove('flash'), 1200);
    return () => window.clearTimeout(timer);
  }, [selection, focusPath]);

  let body;
  switch (selection?.kind) {
    case 'step':
      body = <StepPanel key={selection.stepId} stepId={selection.stepId} />;
      break;
    case 'transition':
    case 'global':
      body = <TransitionPanel key={JSON.stringify(selection)} at={selection} />;
      break;
    case 'named':
      body = <NamedConditionPanel key={selection.name} name={selection.name} />;
      break;
    case 'alert':
      body = <AlertPanel key={selection.id} id={selection.id} />;
      break;
    case 'fact':
      body = <FactPanel key={selection.name} name={selection.name} />;
      break;
    default:
      body = <PathwayPanel />;
  }
  return (
    <aside className="side-panel" ref={ref} data-testid="side-panel">
      {body}
    </aside>
  );
}
