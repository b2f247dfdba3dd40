import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Props of {@link Dialog}. */
export interface DialogProps {
  title: string;
  /** Escape, or the author's "cancel": the dialog closes without doing anything. */
  onCancel: () => void;
  testId: string;
  children: ReactNode;
}

/**
 * A modal dialog on the browser's own `<dialog>`: `showModal()` keeps focus inside it, makes
 * the page behind inert and closes on Escape, so it is keyboard and screen-reader friendly
 * without a focus trap of our own. Focus goes to the first control marked `autoFocus`.
 */
export function Dialog({ title, onCancel, testId, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        // The store decides when the dialog goes away (it unmounts it).
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
