/**
 * What the canvas's nodes and edges share and rarely changes: the interface words, the zoom
 * band, whether edge labels are drawn and the layer they are drawn in. The canvas reads these
 * once and hands them down through React contexts, so that no node, edge or badge holds a
 * store subscription of its own: with a thousand steps, a subscription per node and badge
 * made every pointer move of a drag run tens of thousands of selectors. Three contexts, so
 * that a change of one (crossing a zoom band) re-renders only what reads it.
 */
import { createContext, useContext } from 'react';
import { STRINGS, type Strings, type UiLanguage } from '../i18n/strings';
import { TESTS_STRINGS, type TestsStrings } from '../i18n/tests-strings';
import type { ZoomBand } from '../store/canvas';

/** The interface words of the canvas (a new object only when the language changes). */
export interface CanvasWords {
  language: UiLanguage;
  t: Strings;
  testsT: TestsStrings;
}

/** Where and whether edge labels are drawn. */
export interface LabelLayer {
  /** The zoom is high enough for labels to be read. */
  shown: boolean;
  /** React Flow's layer above the edges that labels are drawn in (null until it exists). */
  element: HTMLElement | null;
}

/** The words of one language, shared objects so that the context changes only with it. */
export const CANVAS_WORDS: Readonly<Record<UiLanguage, CanvasWords>> = {
  sv: { language: 'sv', t: STRINGS.sv, testsT: TESTS_STRINGS.sv },
  da: { language: 'da', t: STRINGS.da, testsT: TESTS_STRINGS.da },
  en: { language: 'en', t: STRINGS.en, testsT: TESTS_STRINGS.en },
};

/** The canvas's words, provided around React Flow. */
export const CanvasWordsContext = createContext<CanvasWords>(CANVAS_WORDS.sv);
/** The zoom band (semantic zoom), read only by what shows more when zoomed in. */
export const ZoomBandContext = createContext<ZoomBand>('near');
/** The edge label layer, read only by the edges. */
export const LabelLayerContext = createContext<LabelLayer>({ shown: true, element: null });

/** The canvas's words in the interface language. */
export function useCanvasWords(): CanvasWords {
  return useContext(CanvasWordsContext);
}
