import { memo } from 'react';
import { usePublishT } from '../publish/use-words';
import { isDirty } from '../store/document';
import { editorStore, useEditor } from '../store/store';
import { discardOfferedDraft, takeOfferedDraft } from './drafts';

const storage = (): Storage => window.localStorage;

/** When the time a draft was written is shown: local date and time, to the minute. */
function when(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' });
}

/**
 * Other tabs' unsaved work of the open version: each offered with "open it" (only while this
 * tab has no unsaved work of its own, which it would replace) and "discard it".
 */
export const OfferedDrafts = memo(function OfferedDrafts() {
  const p = usePublishT();
  const offered = useEditor((s) => s.offeredDrafts);
  const dirty = useEditor(isDirty);
  const language = useEditor((s) => s.language);
  if (offered.length === 0) return null;
  const store = editorStore;
  return (
    <section
      className="banner notice offered-drafts"
      role="region"
      aria-label={p.otherTabDrafts(offered.length)}
      data-testid="offered-drafts"
    >
      <p>{p.otherTabDrafts(offered.length)}</p>
      <ul>
        {offered.map((d) => (
          <li key={d.key} data-testid="offered-draft">
            {p.otherTabDraft(when(d.savedAt, language))}{' '}
            <button
              type="button"
              data-testid="take-offered-draft"
              disabled={dirty}
              onClick={() => void takeOfferedDraft(store, storage(), d.key)}
            >
              {p.takeDraft}
            </button>{' '}
            <button
              type="button"
              data-testid="discard-offered-draft"
              onClick={() => discardOfferedDraft(store, storage(), d.key)}
            >
              {p.discardDraft}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
