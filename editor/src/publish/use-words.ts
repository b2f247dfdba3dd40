/** The publish, new-version and unsaved-work words in the interface language. */
import { PUBLISH_STRINGS, type PublishStrings } from '../i18n/publish-strings';
import { useEditor } from '../store/store';

/** This slice's strings in the language the author chose (re-renders when it changes). */
export function usePublishT(): PublishStrings {
  return PUBLISH_STRINGS[useEditor((s) => s.language)];
}
