/** The issue-18 gap words in the interface language. */
import { useEditor } from '../store/store';
import { GAPS_STRINGS, type GapsStrings } from '../i18n/gaps-strings';

/** These words in the language the author chose (re-renders when it changes). */
export function useGapsT(): GapsStrings {
  return GAPS_STRINGS[useEditor((s) => s.language)];
}
