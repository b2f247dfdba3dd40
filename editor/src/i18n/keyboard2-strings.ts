/**
 * The words of the second keyboard round, in Swedish, Danish and English: the side list's
 * button that opens a step's follow-up in the side panel (the line itself now takes the
 * focus to the step on the canvas), and the note on a drug shown by its international name
 * because the terminology table cites no Swedish or Danish one.
 */
import type { UiLanguage } from './strings';

/** Every string of this slice of the interface. */
export interface Keyboard2Strings {
  /** The accessible name and tooltip of a follow-up's "edit in the panel" button. */
  editFollowUp: (title: string) => string;
  /** Beside a drug name that is the international (INN) one, not the interface language's. */
  internationalName: string;
}

/** The slice's words per language. */
export const KEYBOARD2_STRINGS: Record<UiLanguage, Keyboard2Strings> = {
  sv: {
    editFollowUp: (title) => `Redigera uppföljningen ${title} i panelen`,
    internationalName: 'internationellt namn, inget svenskt namn finns',
  },
  da: {
    editFollowUp: (title) => `Rediger opfølgningen ${title} i panelet`,
    internationalName: 'internationalt navn, der findes intet dansk navn',
  },
  en: {
    editFollowUp: (title) => `Edit the follow-up ${title} in the panel`,
    internationalName: 'international name',
  },
};

/** The slice's words in the interface language. */
export function keyboard2Strings(language: UiLanguage): Keyboard2Strings {
  return KEYBOARD2_STRINGS[language];
}
