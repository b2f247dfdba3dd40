/** Interface state that is not part of the document: language, panels, notices. */
import type { UiLanguage } from '../i18n/strings';
import type { SliceCreator } from './types';

/** A condition JSON that does not parse, shown as a problem until fixed or discarded. */
export interface JsonError {
  /** Schema path of the condition being edited. */
  path: string;
  message: string;
}

export interface UiSlice {
  language: UiLanguage;
  /** `changes`: the semantic diff, while two versions are compared. */
  bottomTab: 'problems' | 'tests' | 'changes';
  /** The canvas overview; off by default because it covers the nodes in its corner. */
  showMiniMap: boolean;
  conditionView: 'form' | 'json';
  jsonError: JsonError | null;
  /** A one-line notice (restored draft, saved scenario …). */
  notice: string | null;
  setLanguage(language: UiLanguage): void;
  setBottomTab(tab: UiSlice['bottomTab']): void;
  setConditionView(view: UiSlice['conditionView']): void;
  setJsonError(error: JsonError | null): void;
  setNotice(notice: string | null): void;
  toggleMiniMap(): void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  language: 'sv',
  bottomTab: 'problems',
  showMiniMap: false,
  conditionView: 'form',
  jsonError: null,
  notice: null,
  setLanguage(language) {
    set({ language });
  },
  setBottomTab(bottomTab) {
    set({ bottomTab });
  },
  setConditionView(conditionView) {
    set({ conditionView });
  },
  setJsonError(jsonError) {
    set({ jsonError });
  },
  setNotice(notice) {
    set({ notice });
  },
  toggleMiniMap() {
    set({ showMiniMap: !get().showMiniMap });
  },
});
