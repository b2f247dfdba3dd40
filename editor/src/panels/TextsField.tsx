import type { Texts } from '../../../engine/editor';
import { setText } from '../model/edit';
import { editorStore } from '../store/store';

const LANGUAGES = ['sv', 'da', 'en'] as const;

/** Props of {@link TextsField}. */
export interface TextsFieldProps {
  label: string;
  value: Texts | undefined;
  /** Schema path of the texts, for focusing from a problem and for grouping undo. */
  path: string;
  readOnly: boolean;
  multiline?: boolean;
  onChange(texts: Texts): void;
}

/** One text in Swedish, Danish and English; each language's typing is one undo step. */
export function TextsField({
  label,
  value,
  path,
  readOnly,
  multiline = false,
  onChange,
}: TextsFieldProps) {
  return (
    <fieldset className="texts-field" data-path={path}>
      <legend>{label}</legend>
      {LANGUAGES.map((language) => {
        const common = {
          'aria-label': `${label} (${language})`,
          'data-path': `${path}.${language}`,
          'data-testid': `${path}.${language}`,
          value: value?.[language] ?? '',
          disabled: readOnly,
          onBlur: () => editorStore.getState().endGesture(),
        };
        return (
          <label key={language} className="texts-row">
            <span className="lang">{language}</span>
            {multiline ? (
              <textarea
                {...common}
                rows={2}
                onChange={(e) => onChange(setText(value, language, e.target.value))}
              />
            ) : (
              <input
                {...common}
                onChange={(e) => onChange(setText(value, language, e.target.value))}
              />
            )}
          </label>
        );
      })}
    </fieldset>
  );
}
