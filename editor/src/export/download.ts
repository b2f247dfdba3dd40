/**
 * Browser side of the exports: the canvas colours from the style sheet, a file download, and
 * an SVG rendered to a PNG. Kept apart from the pure drawing (canvas-svg.ts).
 */
import type { SvgColours, SvgDrawing } from './canvas-svg';

/** The canvas's level colours as the style sheet defines them (`--primary-care` …). */
export function canvasColours(): SvgColours {
  const style = window.getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string): string =>
    style.getPropertyValue(`--${name}`).trim() || fallback;
  return {
    'primary-care': read('primary-care', '#2f9e44'),
    'specialist-care': read('specialist-care', '#1971c2'),
    other: read('other', '#e8590c'),
    exit: read('exit', '#868e96'),
    global: read('global', '#9c36b5'),
  };
}

/** Saves `blob` as a file named `name` through the browser's download. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; revoking later frees the blob.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The SVG as a file. */
export function svgBlob(drawing: SvgDrawing): Blob {
  return new Blob([drawing.svg], { type: 'image/svg+xml;charset=utf-8' });
}

/** Chromium's largest canvas side; a bigger PNG is drawn at a smaller scale instead of failing. */
const MAX_SIDE = 16_000;
/** And its largest area, in pixels. */
const MAX_AREA = 120_000_000;

/** The scale a PNG of `drawing` is drawn at: twice the size for sharp print, less when too big. */
export function pngScale(drawing: SvgDrawing, wanted = 2): number {
  const bySide = MAX_SIDE / Math.max(drawing.width, drawing.height);
  const byArea = Math.sqrt(MAX_AREA / (drawing.width * drawing.height));
  return Math.min(wanted, bySide, byArea);
}

/** Renders the SVG to a PNG in the browser (white background, {@link pngScale}). */
export function pngBlob(drawing: SvgDrawing): Promise<Blob> {
  const scale = pngScale(drawing);
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(drawing.width * scale));
      canvas.height = Math.max(1, Math.round(drawing.height * scale));
      const context = canvas.getContext('2d');
      if (context === null) {
        reject(new Error('this browser cannot draw on a canvas'));
        return;
      }
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => {
        if (blob === null) reject(new Error('the picture is too large to save as PNG'));
        else resolve(blob);
      }, 'image/png');
    };
    image.onerror = () => reject(new Error('the drawing could not be rendered'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawing.svg)}`;
  });
}
