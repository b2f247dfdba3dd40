/** The third round's issue-18 gap words in the interface language. */
import { useEditor } from '../store/store';
import { GAPS2_STRINGS, type Gaps2Strings } from '../i18n/gaps2-strings';

/** These words in the language the author chose (re-renders when it changes). */
export function useGaps2T(): Gaps2Strings {
  return GAPS2_STRINGS[useEditor((s) => s.language)];
}
