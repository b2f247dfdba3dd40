/** The test panel's words in the interface language. */
import { TESTS_STRINGS, type TestsStrings } from '../i18n/tests-strings';
import { useEditor } from '../store/store';

/** The test-patient strings for the interface language. */
export function useTestsT(): TestsStrings {
  return TESTS_STRINGS[useEditor((s) => s.language)];
}
