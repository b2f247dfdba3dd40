import { useEffect, useState } from 'react';

/** Props of {@link NumberInput}. */
export interface NumberInputProps {
  value: number;
  disabled: boolean;
  path: string;
  label: string;
  onChange(value: number): void;
  onBlur(): void;
}

/**
 * A number field that keeps what is being typed ("", "1.", "-") locally and only reports
 * complete numbers, so a half-typed value never reaches the document.
 */
export function NumberInput({ value, disabled, path, label, onChange, onBlur }: NumberInputProps) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    // An outside change (undo, the JSON view) replaces the text unless it already says so.
    setText((current) =>
      Number(current) === value && current.trim() !== '' ? current : String(value),
    );
  }, [value]);
  return (
    <input
      className="number-input"
      inputMode="decimal"
      aria-label={label}
      data-path={path}
      data-testid={path}
      disabled={disabled}
      value={text}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        const parsed = Number(next.replace(',', '.'));
        if (next.trim() !== '' && Number.isFinite(parsed)) onChange(parsed);
      }}
      onBlur={() => {
        setText(String(value));
        onBlur();
      }}
    />
  );
}
