import Editor from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import { sameJson } from '../model/condition-json';
import { registerSchema } from '../monaco/setup';

/** Reads editor text into a value, or says why it cannot. */
export type JsonParse<T> = { ok: true; value: T } | { ok: false; message: string };

/** Props of {@link JsonEditor}. */
export interface JsonEditorProps<T> {
  value: T;
  /** Model file name; decides which JSON Schema applies (e.g. `condition-….json`). */
  fileName: string;
  schema: { uri: string; fileMatch: string[]; schema: object };
  parse(text: string): JsonParse<T>;
  /** Called with each valid value that differs from `value`. */
  onValid(value: T): void;
  /** Called with the reason the text is invalid, or null when it is valid again. */
  onError(message: string | null): void;
  readOnly: boolean;
  testId: string;
  height?: number;
}

/**
 * JSON in Monaco, kept in step with a value: valid text is reported as a new value, invalid
 * text stays in the editor with its error and never reaches the document; an outside
 * change (the form, undo) replaces the text.
 */
export default function JsonEditor<T>({
  value,
  fileName,
  schema,
  parse,
  onValid,
  onError,
  readOnly,
  testId,
  height = 220,
}: JsonEditorProps<T>) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef(text);
  textRef.current = text;
  const parseRef = useRef(parse);
  parseRef.current = parse;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  useEffect(() => {
    registerSchema(schema.uri, schema.fileMatch, schema.schema);
  }, [schema]);

  useEffect(() => {
    const current = parseRef.current(textRef.current);
    if (current.ok && sameJson(current.value, value)) return;
    setText(JSON.stringify(value, null, 2));
    setError(null);
    onErrorRef.current(null);
  }, [value]);

  // Leaving the editor with broken text discards the text, so its error goes too.
  useEffect(() => () => onErrorRef.current(null), []);

  const handle = (next: string): void => {
    setText(next);
    const parsed = parse(next);
    if (!parsed.ok) {
      setError(parsed.message);
      onError(parsed.message);
      return;
    }
    setError(null);
    onError(null);
    if (!sameJson(parsed.value, value)) onValid(parsed.value);
  };

  return (
    <div className="json-editor" data-testid={testId}>
      <Editor
        height={height}
        language="json"
        path={fileName}
        value={text}
        onChange={(v) => handle(v ?? '')}
        options={{
          readOnly,
          minimap: { enabled: false },
          lineNumbers: 'off',
          folding: true,
          scrollBeyondLastLine: false,
          tabSize: 2,
          automaticLayout: true,
          fontSize: 12,
          wordWrap: 'on',
          // Text arrives exactly as typed or pasted: no brackets or quotes appear on their own.
          autoClosingBrackets: 'never',
          autoClosingQuotes: 'never',
          autoSurround: 'never',
        }}
      />
      {error !== null && (
        <div className="json-error" role="alert" data-testid="json-error">
          {error}
        </div>
      )}
    </div>
  );
}
