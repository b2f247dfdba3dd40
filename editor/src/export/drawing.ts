/** The open document drawn as SVG in the interface language, as both exports and print use it. */
import { pickText } from '../../../engine/editor';
import { STRINGS } from '../i18n/strings';
import type { EditorState } from '../store/store';
import { canvasSvg, type SvgDrawing } from './canvas-svg';
import { canvasColours } from './download';

/** The store's document as an SVG drawing, or null when nothing is open. */
export function currentDrawing(state: EditorState): SvgDrawing | null {
  if (state.pathway === null) return null;
  const t = STRINGS[state.language];
  const p = state.pathway;
  return canvasSvg(p, state.layout, {
    language: state.language,
    measured: state.measured,
    colours: canvasColours(),
    levelNames: t.levels,
    anyStepLabel: t.anyStep,
    title: `${pickText(p.title, state.language) || p.id} · ${p.id} ${p.version}`,
  });
}

/** A file name for the open version: `chronic-pain-1.3.0.svg`. */
export function exportName(state: EditorState, extension: string): string {
  const p = state.pathway;
  return p === null ? `pathway.${extension}` : `${p.id}-${p.version}.${extension}`;
}
