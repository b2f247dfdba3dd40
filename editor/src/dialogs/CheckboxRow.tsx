import type { ReactNode } from 'react';

/** Props of {@link CheckboxRow}. */
export interface CheckboxRowProps {
  /** The checkbox's `data-testid`. */
  testId: string;
  checked: boolean;
  /** Called with the box's new state. */
  onChange: (checked: boolean) => void;
  /** The label, in the UI language. */
  children: ReactNode;
}

/**
 * One checkbox on a dialog row of its own, its label text after the box and the whole row
 * its label (so a click on the text ticks it, and a screen reader names the box by it).
 */
export function CheckboxRow({ testId, checked, onChange, children }: CheckboxRowProps) {
  return (
    <label className="field-row">
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      {children}
    </label>
  );
}
