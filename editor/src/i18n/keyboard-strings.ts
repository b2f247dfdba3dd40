/**
 * The words of the canvas's keyboard place on a large pathway, in Swedish, Danish and English:
 * the stand-in that holds the focus while the focused step or transition is out of view and
 * not drawn (`canvas/FocusKeeper.tsx`). The element's own name comes from `canvas/aria.ts`.
 */
import type { UiLanguage } from './strings';

/** Every string of this slice of the interface. */
export interface KeyboardStrings {
  /** The stand-in's text and accessible name, `label` being the element's own name. */
  outOfView: (label: string) => string;
}

/** The slice's words per language. */
export const KEYBOARD_STRINGS: Record<UiLanguage, KeyboardStrings> = {
  sv: {
    outOfView: (label) =>
      `Fokus: ${label} (utanför bilden). Enter eller en piltangent visar det, Tab går vidare.`,
  },
  da: {
    outOfView: (label) =>
      `Fokus: ${label} (uden for billedet). Enter eller en piletast viser det, Tab går videre.`,
  },
  en: {
    outOfView: (label) =>
      `Focus: ${label} (out of view). Enter or an arrow key shows it, Tab moves on.`,
  },
};

/** The slice's words in the interface language. */
export function keyboardStrings(language: UiLanguage): KeyboardStrings {
  return KEYBOARD_STRINGS[language];
}
