import { useCallback, useState } from 'react';
import { sidelistStrings } from '../i18n/sidelist-strings';
import { editorStore, useEditor } from '../store/store';
import { downloadBlob, pngBlob, svgBlob } from './download';
import { currentDrawing, exportName } from './drawing';
import { PrintPagePart } from '../parts/parts';
import './export.css';

/**
 * The export buttons: the canvas as an SVG or PNG file, and the printable page (PDF through
 * the browser's print dialog). A failed PNG rendering is said, never silently dropped.
 */
export function ExportButtons() {
  const language = useEditor((s) => s.language);
  const w = sidelistStrings(language);
  const [printing, setPrinting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const closePrint = useCallback(() => setPrinting(false), []);

  const saveSvg = (): void => {
    const state = editorStore.getState();
    const drawing = currentDrawing(state);
    if (drawing !== null) downloadBlob(svgBlob(drawing), exportName(state, 'svg'));
  };
  const savePng = (): void => {
    const state = editorStore.getState();
    const drawing = currentDrawing(state);
    if (drawing === null) return;
    setError(null);
    pngBlob(drawing)
      .then((blob) => downloadBlob(blob, exportName(state, 'png')))
      .catch((e: unknown) => setError(w.exportFailed(e instanceof Error ? e.message : String(e))));
  };

  return (
    <>
      <button type="button" data-testid="export-svg" onClick={saveSvg} title={w.exportSvg}>
        SVG
        <span className="visually-hidden"> — {w.exportSvg}</span>
      </button>
      <button type="button" data-testid="export-png" onClick={savePng} title={w.exportPng}>
        PNG
        <span className="visually-hidden"> — {w.exportPng}</span>
      </button>
      <button type="button" data-testid="export-print" onClick={() => setPrinting(true)}>
        {w.printable}
      </button>
      {error !== null && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {printing && <PrintPagePart.Component onClose={closePrint} />}
    </>
  );
}
